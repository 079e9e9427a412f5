"""The models move out of the events app (docs/architecture.md, "Moving a model"):
the table stays, only Django's state changes; events/0010 renames the content types.
"""

import core.languages
import core.pages
import core.phones
import core.serving
import django.db.models.deletion
import wagtail.fields
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('events', '0010_models_move_to_their_apps'),
        ('auth', '0012_alter_user_first_name_max_length'),
        ('wagtailcore', '0098_apitoken'),
        ('wagtailimages', '0027_image_description'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='OrganizationPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('full_name', models.CharField(blank=True, max_length=200, verbose_name='full name')),
                        ('intro', wagtail.fields.RichTextField(blank=True, verbose_name='presentation')),
                        ('phone', models.CharField(blank=True, help_text='Shown with a call button.', max_length=20, validators=[core.phones.validate_phone], verbose_name='phone')),
                        ('whatsapp', models.CharField(blank=True, help_text='Leave empty if the organization is not on WhatsApp.', max_length=20, validators=[core.phones.validate_phone], verbose_name='WhatsApp number')),
                        ('email', models.EmailField(blank=True, max_length=254, verbose_name='e-mail')),
                        ('website', models.URLField(blank=True, verbose_name='website')),
                        ('address', models.CharField(blank=True, max_length=255, verbose_name='address')),
                        ('municipality', models.CharField(max_length=100, verbose_name='municipality')),
                        ('region', models.CharField(choices=[('01', 'Bas-Saint-Laurent'), ('02', 'Saguenay–Lac-Saint-Jean'), ('03', 'Capitale-Nationale'), ('04', 'Mauricie'), ('05', 'Estrie'), ('06', 'Montréal'), ('07', 'Outaouais'), ('08', 'Abitibi-Témiscamingue'), ('09', 'Côte-Nord'), ('10', 'Nord-du-Québec'), ('11', 'Gaspésie–Îles-de-la-Madeleine'), ('12', 'Chaudière-Appalaches'), ('13', 'Laval'), ('14', 'Lanaudière'), ('15', 'Laurentides'), ('16', 'Montérégie'), ('17', 'Centre-du-Québec')], max_length=2, verbose_name='region')),
                        ('staff_languages', core.languages.LanguageSetField(blank=True, max_length=40, verbose_name='languages spoken by the staff')),
                        ('collection', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.collection')),
                        ('logo', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='logo')),
                        ('staff_group', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='auth.group')),
                    ],
                    options={
                        'verbose_name': 'organization',
                        'verbose_name_plural': 'organizations',
                        'db_table': 'events_organizationpage',
                    },
                    bases=(core.pages.PageViewsMixin, core.serving.LeanServingMixin, 'wagtailcore.page'),
                ),
            ],
        ),
    ]
