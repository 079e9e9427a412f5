import uuid


class BaseSmsBackend:
    def __init__(self, fail_silently=False, **kwargs):
        self.fail_silently = fail_silently

    def send(self, message):
        """Send one SmsMessage and return SmsSent, or raise SmsSendError."""
        raise NotImplementedError

    @staticmethod
    def local_id():
        return f"local-{uuid.uuid4().hex}"
