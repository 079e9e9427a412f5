"""Models leave the events app for their own apps; their tables stay where they are.

Only Django's state changes (the new apps' 0001 migrations create the same models
over the same tables). The content types are renamed in place, so pages, revisions,
permissions and translation sources keep pointing at the same rows.
"""

from django.db import migrations

MOVED = {
    "organizationpage": "organizations",
    "rsvp": "rsvp",
    "outboxmessage": "rsvp",
    "smsoptout": "rsvp",
    "digestsubscription": "digest",
    "organizermessage": "notifications",
}


def _rename(apps, moves):
    content_types = apps.get_model("contenttypes", "ContentType").objects
    for model, (old, new) in moves.items():
        # A content type already made for the new label (nothing points at it yet)
        # would block the rename.
        if content_types.filter(app_label=old, model=model).exists():
            content_types.filter(app_label=new, model=model).delete()
            content_types.filter(app_label=old, model=model).update(app_label=new)


def move_content_types(apps, schema_editor):
    _rename(apps, {model: ("events", app) for model, app in MOVED.items()})


def move_content_types_back(apps, schema_editor):
    _rename(apps, {model: (app, "events") for model, app in MOVED.items()})


class Migration(migrations.Migration):

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('events', '0009_rsvp_person_key'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name='outboxmessage',
                    name='subscription',
                ),
                migrations.RemoveField(
                    model_name='organizationpage',
                    name='collection',
                ),
                migrations.RemoveField(
                    model_name='organizationpage',
                    name='logo',
                ),
                migrations.RemoveField(
                    model_name='organizationpage',
                    name='page_ptr',
                ),
                migrations.RemoveField(
                    model_name='organizationpage',
                    name='staff_group',
                ),
                migrations.RemoveField(
                    model_name='organizermessage',
                    name='author',
                ),
                migrations.RemoveField(
                    model_name='organizermessage',
                    name='date',
                ),
                migrations.RemoveField(
                    model_name='outboxmessage',
                    name='organizer_message',
                ),
                migrations.RemoveField(
                    model_name='outboxmessage',
                    name='rsvp',
                ),
                migrations.RemoveField(
                    model_name='rsvp',
                    name='date',
                ),
                migrations.DeleteModel(
                    name='SmsOptOut',
                ),
                migrations.DeleteModel(
                    name='DigestSubscription',
                ),
                migrations.DeleteModel(
                    name='OrganizationPage',
                ),
                migrations.DeleteModel(
                    name='OrganizerMessage',
                ),
                migrations.DeleteModel(
                    name='OutboxMessage',
                ),
                migrations.DeleteModel(
                    name='Rsvp',
                ),
            ],
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
