"""File SMS backends that take a moment per message, so a kill lands mid-batch."""

import time

from notifications.sms.backends.filebased import SmsBackend as FileBackend


class SmsBackend(FileBackend):
    def send(self, message):
        time.sleep(0.02)
        return super().send(message)


class SlowerSmsBackend(FileBackend):
    """For workers that send several messages at once (a provider call's length)."""

    def send(self, message):
        time.sleep(0.1)
        return super().send(message)
