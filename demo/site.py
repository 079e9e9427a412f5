"""The site's skeleton in three languages: home, activities index, content pages, categories.

Idempotent: each piece is looked up by a stable slug before it is created.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Locale, Page, Site

from core.translations import translate
from events.models import ActivitiesIndexPage, Category
from home.models import ContentPage, ContentPurpose, HomePage

LANGS = ("fr", "es", "en")

HOME = {
    "title": {"fr": "Ensemble", "es": "Ensemble", "en": "Ensemble"},
    "intro": {
        "fr": "Des sorties, du sport et de l'aide près de chez vous, avec le transport.",
        "es": "Paseos, deporte y ayuda cerca de usted, con transporte.",
        "en": "Outings, sports and help near you, with a ride.",
    },
}

INDEX = {
    "slug": "activites",
    "title": {"fr": "Activités", "es": "Actividades", "en": "Activities"},
    "intro": {
        "fr": "<p>Toutes les activités à venir, de tous les organismes.</p>",
        "es": "<p>Todas las próximas actividades de todos los organismos.</p>",
        "en": "<p>All upcoming activities from every organization.</p>",
    },
}

CONTENT_PAGES = [
    {
        "slug": "a-propos",
        "purpose": ContentPurpose.ABOUT,
        "title": {"fr": "À propos", "es": "Acerca de", "en": "About"},
        "body": {
            "fr": "<p>Ensemble réunit les activités que les organismes communautaires du Québec "
            "offrent aux travailleuses et travailleurs étrangers temporaires.</p>"
            "<p>Chaque organisme publie ses activités et garde pour lui seul la liste des "
            "personnes inscrites.</p>",
            "es": "<p>Ensemble reúne las actividades que los organismos comunitarios de Quebec "
            "ofrecen a las trabajadoras y los trabajadores extranjeros temporales.</p>"
            "<p>Cada organismo publica sus actividades. Solo ese organismo ve la lista de "
            "personas inscritas.</p>",
            "en": "<p>Ensemble brings together the activities that Québec community "
            "organizations offer to temporary foreign workers.</p>"
            "<p>Each organization publishes its own activities and is the only one to see "
            "who signed up.</p>",
        },
    },
    {
        "slug": "confidentialite",
        "purpose": ContentPurpose.PRIVACY,
        "title": {"fr": "Confidentialité", "es": "Privacidad", "en": "Privacy"},
        "body": {
            "fr": "<p>Pour vous inscrire, nous demandons votre prénom et un téléphone ou un "
            "courriel. Seul l'organisme de l'activité les voit.</p>"
            "<p>Ils sont effacés après l'activité. Vous pouvez annuler et effacer votre "
            "inscription vous-même avec le lien reçu.</p>",
            "es": "<p>Para inscribirse pedimos su nombre y un teléfono o un correo. Solo el "
            "organismo de la actividad los ve.</p>"
            "<p>Se borran después de la actividad. Usted puede cancelar y borrar su "
            "inscripción con el enlace que recibió.</p>",
            "en": "<p>To sign up we ask for your first name and a phone number or e-mail. "
            "Only the organization running the activity sees them.</p>"
            "<p>They are erased after the activity. You can cancel and erase your sign-up "
            "yourself with the link you received.</p>",
        },
    },
]

CATEGORIES = [
    ("outing", "outing", {"fr": "Sorties", "es": "Paseos", "en": "Outings"}),
    ("sport", "sport", {"fr": "Sports", "es": "Deportes", "en": "Sports"}),
    ("cooking", "cooking", {"fr": "Cuisine", "es": "Cocina", "en": "Cooking"}),
    (
        "info-session",
        "info-session",
        {"fr": "Séances d'information", "es": "Charlas informativas", "en": "Info sessions"},
    ),
    (
        "legal-clinic",
        "legal-clinic",
        {"fr": "Cliniques juridiques", "es": "Asesoría legal", "en": "Legal clinics"},
    ),
    (
        "health-clinic",
        "health-clinic",
        {"fr": "Cliniques de santé", "es": "Salud", "en": "Health clinics"},
    ),
    ("celebration", "celebration", {"fr": "Fêtes", "es": "Fiestas", "en": "Celebrations"}),
    (
        "french-class",
        "french-class",
        {"fr": "Cours de français", "es": "Clases de francés", "en": "French classes"},
    ),
    ("other", "other", {"fr": "Autres", "es": "Otras", "en": "Other"}),
]


def strings_for(lang, *pairs):
    """Source→target text map from (fr_value, value_by_language) pairs."""
    return {fr: values[lang] for fr, values in pairs if fr and values.get(lang)}


def translate_everywhere(instance, pairs):
    for lang in LANGS[1:]:
        if (
            not type(instance)
            .objects.filter(translation_key=instance.translation_key, locale__language_code=lang)
            .exists()
        ):
            translate(instance, lang, strings_for(lang, *pairs))


@transaction.atomic
def ensure_categories():
    fr = Locale.objects.get(language_code="fr")
    for order, (slug, pictogram, names) in enumerate(CATEGORIES):
        category, _created = Category.objects.get_or_create(
            slug=slug,
            locale=fr,
            defaults={"name": names["fr"], "pictogram": pictogram, "sort_order": order},
        )
        translate_everywhere(category, [(names["fr"], names)])


@transaction.atomic
def match_base_url(site):
    """Page links (canonical, og:url, sitemap) come from the Site; feeds, QR codes and
    messages from BASE_URL. One host for both, or shared links would disagree."""
    base = urlsplit(settings.BASE_URL)
    port = base.port or (443 if base.scheme == "https" else 80)
    if (site.hostname, site.port) != (base.hostname, port):
        site.hostname, site.port = base.hostname, port
        site.save(update_fields=["hostname", "port"])


def ensure_site():
    """Home pages, the activities index and content pages in every language."""
    fr = Locale.objects.get(language_code="fr")
    root = Page.get_first_root_node()
    home = HomePage.objects.filter(locale=fr).first()
    if home is None:
        home = root.add_child(
            instance=HomePage(
                title=HOME["title"]["fr"], slug="accueil", intro=HOME["intro"]["fr"], locale=fr
            )
        )
        site = Site.objects.filter(is_default_site=True).first()
        old_root = site.root_page if site else None
        if site:
            site.root_page = home
            site.site_name = "Ensemble"
            site.save()
        else:
            Site.objects.create(
                hostname="localhost", root_page=home, is_default_site=True, site_name="Ensemble"
            )
        # Wagtail's "Welcome to your new Wagtail site!" placeholder.
        if old_root and old_root.pk != home.pk and old_root.specific_class is Page:
            old_root.delete()
    match_base_url(Site.objects.get(is_default_site=True))
    translate_everywhere(
        home,
        [(HOME["intro"]["fr"], HOME["intro"]), ("accueil", {"es": "inicio", "en": "home"})],
    )

    index = ActivitiesIndexPage.objects.filter(locale=fr).first()
    if index is None:
        index = home.add_child(
            instance=ActivitiesIndexPage(
                title=INDEX["title"]["fr"], slug=INDEX["slug"], intro=INDEX["intro"]["fr"]
            )
        )
    translate_everywhere(index, _page_pairs(INDEX, "intro"))

    for spec in CONTENT_PAGES:
        page = ContentPage.objects.filter(locale=fr, slug=spec["slug"]).first()
        if page is None:
            page = home.add_child(
                instance=ContentPage(
                    title=spec["title"]["fr"],
                    slug=spec["slug"],
                    purpose=spec["purpose"],
                    body=spec["body"]["fr"],
                )
            )
        translate_everywhere(page, _page_pairs(spec, "body"))
    return home


def _page_pairs(spec, html_field):
    """Title, slug and each paragraph of a rich text field, paired across languages."""
    pairs = [(spec["title"]["fr"], spec["title"])]
    slugs = {lang: slugify(spec["title"][lang]) for lang in LANGS}
    pairs.append((spec["slug"], slugs))
    pairs += paragraph_pairs(spec[html_field])
    return pairs


def paragraph_pairs(html_by_lang):
    import re

    split = {lang: re.findall(r"<p>(.*?)</p>", html_by_lang[lang], re.S) for lang in LANGS}
    return [
        (fr, {lang: split[lang][i] for lang in LANGS if i < len(split[lang])})
        for i, fr in enumerate(split["fr"])
    ]
