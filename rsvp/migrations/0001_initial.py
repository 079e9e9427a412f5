"""The models move out of the events app (docs/architecture.md, "Moving a model"):
the table stays, only Django's state changes; events/0010 renames the content types.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('digest', '0001_initial'),
        ('events', '0010_models_move_to_their_apps'),
        ('notifications', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='SmsOptOut',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('phone', models.CharField(max_length=20, unique=True, verbose_name='mobile phone')),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                    ],
                    options={
                        'verbose_name': 'SMS opt-out',
                        'verbose_name_plural': 'SMS opt-outs',
                        'db_table': 'events_smsoptout',
                    },
                ),
                migrations.CreateModel(
                    name='Rsvp',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('first_name', models.CharField(blank=True, max_length=80, verbose_name='first name')),
                        ('phone', models.CharField(blank=True, max_length=20, verbose_name='mobile phone')),
                        ('email', models.EmailField(blank=True, max_length=254, verbose_name='e-mail')),
                        ('contact_key', models.CharField(blank=True, editable=False, max_length=254)),
                        ('person_key', models.CharField(blank=True, editable=False, max_length=64)),
                        ('party_size', models.PositiveSmallIntegerField(default=1, verbose_name='people')),
                        ('pickup_key', models.UUIDField(blank=True, null=True, verbose_name='pickup point')),
                        ('needs_transport', models.BooleanField(default=False, verbose_name='needs transport')),
                        ('reminder', models.CharField(choices=[('sms', 'Text message (SMS)'), ('email', 'E-mail'), ('none', 'No reminders')], default='sms', max_length=5, verbose_name='reminders')),
                        ('language', models.CharField(max_length=2, verbose_name='language')),
                        ('region', models.CharField(blank=True, max_length=2, verbose_name='region')),
                        ('status', models.CharField(choices=[('confirmed', 'Confirmed'), ('waitlisted', 'Waiting list'), ('cancelled', 'Cancelled')], max_length=10, verbose_name='status')),
                        ('waitlisted_at', models.DateTimeField(blank=True, editable=False, null=True)),
                        ('attended', models.BooleanField(default=False, verbose_name='came')),
                        ('is_group', models.BooleanField(default=False, verbose_name='group')),
                        ('group_label', models.CharField(blank=True, max_length=120, verbose_name='group')),
                        ('source', models.CharField(choices=[('web', 'Web page'), ('staff', 'Added by staff'), ('walk_in', 'Walk-in')], default='web', max_length=8, verbose_name='source')),
                        ('token_hash', models.CharField(blank=True, editable=False, max_length=64, null=True, unique=True)),
                        ('consent_at', models.DateTimeField(blank=True, editable=False, null=True)),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('modified_at', models.DateTimeField(auto_now=True)),
                        ('erased_at', models.DateTimeField(blank=True, editable=False, null=True)),
                        ('date', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='rsvps', to='events.eventdate', verbose_name='date')),
                    ],
                    options={
                        'verbose_name': 'registration',
                        'verbose_name_plural': 'registrations',
                        'db_table': 'events_rsvp',
                        'ordering': ['created_at', 'pk'],
                    },
                ),
                migrations.CreateModel(
                    name='OutboxMessage',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('kind', models.CharField(choices=[('confirmed', 'Registration confirmed'), ('waitlisted', 'Put on the waiting list'), ('promoted', 'Promoted from the waiting list'), ('reminder_day_before', 'Reminder the day before'), ('reminder_hours_before', 'Reminder a few hours before'), ('date_moved', 'Date moved'), ('date_cancelled', 'Date cancelled'), ('organizer_message', 'Message from the organizer'), ('manage_link', 'Registration link sent again'), ('digest', 'Weekly digest'), ('subscription_confirm', 'Digest subscription confirmation')], max_length=24, verbose_name='kind')),
                        ('channel', models.CharField(choices=[('sms', 'Text message (SMS)'), ('email', 'E-mail')], max_length=5, verbose_name='channel')),
                        ('date_version', models.PositiveIntegerField(default=0)),
                        ('due_at', models.DateTimeField(verbose_name='due')),
                        ('status', models.CharField(choices=[('pending', 'Pending'), ('claimed', 'Being sent'), ('sent', 'Sent'), ('failed', 'Failed'), ('missed', 'Missed (too late)'), ('skipped', 'Skipped'), ('delivered', 'Delivered'), ('bounced', 'Bounced')], default='pending', max_length=10, verbose_name='status')),
                        ('attempts', models.PositiveSmallIntegerField(default=0, verbose_name='attempts')),
                        ('last_error', models.CharField(blank=True, max_length=255, verbose_name='last error')),
                        ('provider_message_id', models.CharField(blank=True, db_index=True, max_length=100)),
                        ('lease_until', models.DateTimeField(blank=True, null=True)),
                        ('claimed_by', models.CharField(blank=True, max_length=64)),
                        ('sent_at', models.DateTimeField(blank=True, null=True)),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                        ('organizer_message', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='outbox_rows', to='notifications.organizermessage', verbose_name='message from the organizer')),
                        ('subscription', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='messages', to='digest.digestsubscription', verbose_name='digest subscription')),
                        ('rsvp', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='messages', to='rsvp.rsvp', verbose_name='registration')),
                    ],
                    options={
                        'verbose_name': 'message',
                        'verbose_name_plural': 'messages',
                        'db_table': 'events_outboxmessage',
                        'ordering': ['due_at', 'pk'],
                    },
                ),
                migrations.AddIndex(
                    model_name='rsvp',
                    index=models.Index(fields=['date', 'status'], name='events_rsvp_date_id_2b4658_idx'),
                ),
                migrations.AddConstraint(
                    model_name='rsvp',
                    constraint=models.CheckConstraint(condition=models.Q(('party_size__gte', 1)), name='rsvp_party_at_least_one'),
                ),
                migrations.AddConstraint(
                    model_name='rsvp',
                    constraint=models.UniqueConstraint(condition=models.Q(('status__in', ['confirmed', 'waitlisted']), models.Q(('contact_key', ''), _negated=True)), fields=('date', 'contact_key'), name='one_active_rsvp_per_date_and_contact'),
                ),
                migrations.AddIndex(
                    model_name='outboxmessage',
                    index=models.Index(fields=['status', 'due_at'], name='outbox_due'),
                ),
                migrations.AddConstraint(
                    model_name='outboxmessage',
                    constraint=models.UniqueConstraint(condition=models.Q(('organizer_message__isnull', True)), fields=('rsvp', 'kind', 'channel', 'date_version'), name='one_message_per_version'),
                ),
                migrations.AddConstraint(
                    model_name='outboxmessage',
                    constraint=models.UniqueConstraint(condition=models.Q(('organizer_message__isnull', False)), fields=('organizer_message', 'rsvp'), name='one_organizer_message_per_rsvp'),
                ),
                migrations.AddConstraint(
                    model_name='outboxmessage',
                    constraint=models.CheckConstraint(condition=models.Q(models.Q(('kind', 'organizer_message'), ('organizer_message__isnull', False)), models.Q(models.Q(('kind', 'organizer_message'), _negated=True), ('organizer_message__isnull', True)), _connector='OR'), name='organizer_message_rows_name_their_message'),
                ),
                migrations.AddConstraint(
                    model_name='outboxmessage',
                    constraint=models.UniqueConstraint(condition=models.Q(('subscription__isnull', False)), fields=('subscription', 'kind', 'channel', 'date_version'), name='one_subscription_message_per_version'),
                ),
                migrations.AddConstraint(
                    model_name='outboxmessage',
                    constraint=models.CheckConstraint(condition=models.Q(models.Q(('rsvp__isnull', False), ('subscription__isnull', True)), models.Q(('rsvp__isnull', True), ('subscription__isnull', False)), _connector='OR'), name='outbox_one_recipient'),
                ),
            ],
        ),
    ]
