"""The models move out of the events app (docs/architecture.md, "Moving a model"):
the table stays, only Django's state changes; events/0010 renames the content types.
"""

from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('events', '0010_models_move_to_their_apps'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='DigestSubscription',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('channel', models.CharField(choices=[('sms', 'Text message (SMS)'), ('email', 'E-mail')], max_length=5, verbose_name='channel')),
                        ('contact', models.CharField(max_length=254, verbose_name='contact')),
                        ('language', models.CharField(choices=[('fr', 'Français'), ('es', 'Español'), ('en', 'English')], max_length=2, verbose_name='language')),
                        ('regions', models.CharField(blank=True, max_length=60, verbose_name='regions')),
                        ('status', models.CharField(choices=[('pending', 'Waiting for confirmation'), ('active', 'Active'), ('unsubscribed', 'Unsubscribed')], default='pending', max_length=12, verbose_name='status')),
                        ('requested_regions', models.CharField(blank=True, max_length=60)),
                        ('requested_language', models.CharField(blank=True, max_length=2)),
                        ('requests', models.PositiveIntegerField(default=0)),
                        ('requested_at', models.DateTimeField(blank=True, null=True)),
                        ('request_expires_at', models.DateTimeField(blank=True, null=True)),
                        ('code_attempts', models.PositiveSmallIntegerField(default=0)),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('confirmed_at', models.DateTimeField(blank=True, null=True)),
                        ('unsubscribed_at', models.DateTimeField(blank=True, null=True)),
                    ],
                    options={
                        'verbose_name': 'digest subscription',
                        'verbose_name_plural': 'digest subscriptions',
                        'db_table': 'events_digestsubscription',
                        'indexes': [models.Index(fields=['status'], name='subscription_status')],
                        'constraints': [models.UniqueConstraint(fields=('channel', 'contact'), name='one_subscription_per_contact')],
                    },
                ),
            ],
        ),
    ]
