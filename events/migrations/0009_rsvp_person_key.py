from django.db import migrations, models


def fill_person_keys(apps, schema_editor):
    """Registrations still holding their contact get their key; erased ones cannot
    (each of those counts as a person of its own, docs/reports.md)."""
    from core.person_keys import person_key

    Rsvp = apps.get_model("events", "Rsvp")
    pending = Rsvp.objects.exclude(contact_key="").filter(person_key="").only("contact_key")
    batch = []
    for rsvp in pending.iterator(chunk_size=2000):
        rsvp.person_key = person_key(rsvp.contact_key)
        batch.append(rsvp)
        if len(batch) == 2000:
            Rsvp.objects.bulk_update(batch, ["person_key"])
            batch = []
    Rsvp.objects.bulk_update(batch, ["person_key"])


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0008_digest_subscriptions"),
    ]

    operations = [
        migrations.AddField(
            model_name="rsvp",
            name="person_key",
            field=models.CharField(blank=True, editable=False, max_length=64),
        ),
        migrations.RunPython(fill_person_keys, migrations.RunPython.noop),
    ]
