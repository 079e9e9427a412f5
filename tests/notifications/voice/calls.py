"""A phone call to the voice line, as Twilio makes it: signed POSTs, the TwiML read
back, Gather actions followed with the keys pressed."""

import itertools
import xml.etree.ElementTree as ET

from django.conf import settings

from tests.notifications.twilio_posts import signed_post

_sids = itertools.count(1)
INCOMING = "/voice/twilio/incoming/"


class Call:
    def __init__(self, client, caller="+18195550100", *, valid=True):
        self.client = client
        self.caller = caller
        self.sid = f"CA{next(_sids):032d}"
        self.valid = valid
        self.responses = []
        self.twiml = None

    def post(self, url, digits=None):
        path = url.removeprefix(settings.BASE_URL.rstrip("/"))
        data = {"CallSid": self.sid, "From": self.caller, "To": "+18195550000"}
        if digits is not None:
            data["Digits"] = digits
        response = signed_post(self.client, path, data, valid=self.valid)
        self.responses.append(response)
        if response.status_code == 200:
            assert response["Content-Type"].startswith("text/xml")
            self.twiml = ET.fromstring(response.content)
        return response

    def start(self):
        return self.post(INCOMING)

    def press(self, key):
        """Press a key at the menu the call is in: Twilio posts it to the Gather's action."""
        gather = self.twiml.find("Gather")
        assert gather is not None, f"no menu to answer: {self.said()}"
        assert gather.get("numDigits") == "1"
        return self.post(gather.get("action"), digits=key)

    def wait(self):
        """Say nothing: Twilio goes on to the verb after the Gather."""
        redirect = self.twiml.find("Redirect")
        assert redirect is not None, "the call ends here"
        return self.post(redirect.text)

    def said(self):
        """Every sentence of the last answer, in order (inside the menu or not)."""
        return [say.text for say in self.twiml.iter("Say")]

    def text(self):
        return " ".join(self.said())

    def languages(self):
        return [say.get("language") for say in self.twiml.iter("Say")]

    @property
    def hung_up(self):
        return self.twiml.find("Hangup") is not None

    def all_twiml(self):
        return "".join(r.content.decode() for r in self.responses if r.status_code == 200)
