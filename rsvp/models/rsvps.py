"""Registrations (RSVPs) for one date, shared by every language of the event.

An RSVP is not a page or a page child, so it never lands in a page revision. Its
personal fields (name, phone, e-mail, group label, token) are blanked when the data
expires or the person erases it; seats, attendance, language, region and the person key
(a keyed hash, see core/person_keys.py) stay for the organization's anonymous counts.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class RsvpStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    WAITLISTED = "waitlisted", _("Waiting list")
    CANCELLED = "cancelled", _("Cancelled")


ACTIVE_STATUSES = (RsvpStatus.CONFIRMED, RsvpStatus.WAITLISTED)


class ReminderChannel(models.TextChoices):
    SMS = "sms", _("Text message (SMS)")
    EMAIL = "email", _("E-mail")
    WHATSAPP = "whatsapp", _("WhatsApp")
    NONE = "none", _("No reminders")


class RsvpSource(models.TextChoices):
    WEB = "web", _("Web page")
    STAFF = "staff", _("Added by staff")
    WALK_IN = "walk_in", _("Walk-in")
    # By keypad on the voice line (docs/voice.md): no name, the caller's number.
    PHONE = "phone", _("Phone call")


# Registrations a person makes themselves: an already registered contact is only
# sent its link again, and the messages with the link go at once (docs/rsvp.md).
PUBLIC_SOURCES = (RsvpSource.WEB, RsvpSource.PHONE)


class RsvpQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status__in=ACTIVE_STATUSES)

    def confirmed(self):
        return self.filter(status=RsvpStatus.CONFIRMED)

    def waitlist(self):
        return self.filter(status=RsvpStatus.WAITLISTED).order_by("waitlisted_at", "pk")


class Rsvp(models.Model):
    date = models.ForeignKey(
        "events.EventDate", on_delete=models.CASCADE, related_name="rsvps", verbose_name=_("date")
    )
    first_name = models.CharField(_("first name"), max_length=80, blank=True)
    phone = models.CharField(_("mobile phone"), max_length=20, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    # Normalized phone, else lowercased e-mail: the same person registering again
    # for the same date finds and updates their first RSVP.
    contact_key = models.CharField(max_length=254, blank=True, editable=False)
    # Keyed hash of contact_key (core/person_keys.py). Unlike the contact, the erase
    # keeps it: reports count each person once over a season after their data is gone.
    person_key = models.CharField(max_length=64, blank=True, editable=False)
    party_size = models.PositiveSmallIntegerField(_("people"), default=1)
    # PickupPoint.translation_key: the same stop in every language.
    pickup_key = models.UUIDField(_("pickup point"), null=True, blank=True)
    needs_transport = models.BooleanField(_("needs transport"), default=False)
    reminder = models.CharField(
        _("reminders"), max_length=10, choices=ReminderChannel.choices, default=ReminderChannel.SMS
    )
    language = models.CharField(_("language"), max_length=2)
    region = models.CharField(_("region"), max_length=2, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=RsvpStatus.choices)
    # Place in the waiting list: the time the RSVP joined it (then pk).
    waitlisted_at = models.DateTimeField(null=True, blank=True, editable=False)
    attended = models.BooleanField(_("came"), default=False)
    # When the person answered YES (OUI, SÍ) to the day-before reminder.
    coming_confirmed_at = models.DateTimeField(_("confirmed coming"), null=True, blank=True)
    is_group = models.BooleanField(_("group"), default=False)
    group_label = models.CharField(_("group"), max_length=120, blank=True)
    source = models.CharField(
        _("source"), max_length=8, choices=RsvpSource.choices, default=RsvpSource.WEB
    )
    # SHA-256 of the manage link's token; the token itself is never stored.
    token_hash = models.CharField(max_length=64, null=True, blank=True, unique=True, editable=False)
    consent_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    modified_at = models.DateTimeField(auto_now=True)
    erased_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = RsvpQuerySet.as_manager()

    class Meta:
        db_table = "events_rsvp"  # kept from before the app split
        ordering = ["created_at", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.CheckConstraint(condition=Q(party_size__gte=1), name="rsvp_party_at_least_one"),
            models.UniqueConstraint(
                fields=["date", "contact_key"],
                condition=Q(status__in=["confirmed", "waitlisted"]) & ~Q(contact_key=""),
                name="one_active_rsvp_per_date_and_contact",
            ),
        ]
        indexes = [models.Index(fields=["date", "status"])]

    def __str__(self):
        # No personal data: this string can end up in logs.
        return f"RSVP {self.pk} ({self.status}, {self.party_size})"

    @property
    def is_active(self):
        return self.status in ACTIVE_STATUSES

    @property
    def is_erased(self):
        return self.erased_at is not None
