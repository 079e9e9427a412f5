"""An SMS backend whose provider call lasts long enough for a dispatcher round to run
meanwhile, at the time the test sets in `round_at`; the claims it made are kept."""

from notifications.services import dispatch
from notifications.sms.backends.locmem import SmsBackend as LocmemSmsBackend

round_at = None
claims = []


class SmsBackend(LocmemSmsBackend):
    def send(self, message):
        claims.append(dispatch.claim(now=round_at))
        return super().send(message)
