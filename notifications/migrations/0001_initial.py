"""The models move out of the events app (docs/architecture.md, "Moving a model"):
the table stays, only Django's state changes; events/0010 renames the content types.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('events', '0010_models_move_to_their_apps'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='OrganizerMessage',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('texts', models.JSONField(default=dict, verbose_name='texts')),
                        ('include_waitlist', models.BooleanField(default=False, verbose_name='waiting list too')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='written at')),
                        ('author', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='author')),
                        ('date', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='organizer_messages', to='events.eventdate', verbose_name='date')),
                    ],
                    options={
                        'verbose_name': 'message from the organizer',
                        'verbose_name_plural': 'messages from the organizer',
                        'db_table': 'events_organizermessage',
                        'ordering': ['-created_at', '-pk'],
                    },
                ),
            ],
        ),
    ]
