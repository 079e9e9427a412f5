"""A file SMS backend that takes a moment per message, so a kill lands mid-batch."""

import time

from events.sms.backends.filebased import SmsBackend as FileBackend


class SmsBackend(FileBackend):
    def send(self, message):
        time.sleep(0.02)
        return super().send(message)
