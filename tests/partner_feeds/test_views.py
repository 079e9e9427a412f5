"""Staff manage their own organization's partner calendars, and only those."""

import html

import pytest
from django.urls import reverse

from partner_feeds.models import PartnerFeed
from tests.factories import OrganizationFactory, UserFactory, staff_of
from tests.partner_feeds.helpers import url

pytestmark = pytest.mark.django_db


def denied(response):
    """Wagtail's admin answers PermissionDenied with a redirect to its home page."""
    return response.status_code == 403 or (
        response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    )


PUBLIC = "93.184.215.14"


@pytest.fixture(autouse=True)
def partner_names(dns):
    """The form looks the address's name up: these tests' names, without the internet."""
    dns["example.org"] = [PUBLIC]
    return dns


@pytest.fixture
def other(site_tree):
    return OrganizationFactory(title="SANA", slug="sana")


def test_staff_add_a_calendar_for_their_organization(client, org, routes, before_the_feeds):
    routes.fixture("/nextcloud.ics", "nextcloud.ics")
    client.force_login(staff_of(org))
    response = client.post(
        reverse("partner_feeds_add"),
        {"organization": org.pk, "url": url("/nextcloud.ics"), "category": _category()},
    )
    assert response.status_code == 302
    feed = PartnerFeed.objects.get()
    assert feed.organization == org and not feed.trusted
    # "Import now" runs the task (the immediate backend in tests); the page shows it.
    client.post(reverse("partner_feeds_run", args=[feed.pk]))
    page = client.get(reverse("partner_feeds_index")).content.decode()
    assert "Atelier de cuisine" not in page  # notes only, no content leak
    feed.refresh_from_db()
    assert feed.last_status == "ok"


def _category():
    from events.models import Category

    return Category.objects.filter(locale__language_code="fr").first().pk


def test_staff_cannot_make_their_feed_trusted(client, org):
    client.force_login(staff_of(org))
    client.post(
        reverse("partner_feeds_add"),
        {"organization": org.pk, "url": "https://example.org/c.ics", "category": _category()},
    )
    client.post(
        reverse("partner_feeds_add"),
        {
            "organization": org.pk,
            "url": "https://example.org/d.ics",
            "category": _category(),
            "trusted": "on",
        },
    )
    assert PartnerFeed.objects.count() == 2
    assert not PartnerFeed.objects.filter(trusted=True).exists()


def test_administrators_can_trust_a_partner(client, org):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    client.post(
        reverse("partner_feeds_add"),
        {
            "organization": org.pk,
            "url": "webcal://example.org/d.ics",
            "category": _category(),
            "trusted": "on",
        },
    )
    feed = PartnerFeed.objects.get()
    assert feed.trusted and feed.url == "https://example.org/d.ics"


def test_other_organizations_feeds_are_out_of_reach(client, org, other):
    feed = PartnerFeed.objects.create(
        organization=other, url="https://example.org/s.ics", category_id=_category()
    )
    client.force_login(staff_of(org))
    assert "example.org/s.ics" not in client.get(reverse("partner_feeds_index")).content.decode()
    for name in ("partner_feeds_edit", "partner_feeds_run", "partner_feeds_delete"):
        assert denied(client.post(reverse(name, args=[feed.pk])))
    response = client.post(
        reverse("partner_feeds_add"),
        {"organization": other.pk, "url": "https://example.org/t.ics", "category": _category()},
    )
    assert response.status_code == 200  # the form, with the choice refused
    assert PartnerFeed.objects.count() == 1
    assert PartnerFeed.objects.filter(pk=feed.pk).exists()


def test_bad_address_is_explained_in_the_form(client, org):
    client.force_login(staff_of(org))
    response = client.post(
        reverse("partner_feeds_add"),
        {"organization": org.pk, "url": "file:///etc/passwd", "category": _category()},
    )
    assert response.status_code == 200
    assert "https://" in response.content.decode()
    assert not PartnerFeed.objects.exists()


def refusal_on_saving(client, org, address, lang="fr"):
    """The form's error for `address`, in `lang`; nothing is saved."""
    client.force_login(staff_of(org))
    response = client.post(
        reverse("partner_feeds_add"),
        {"organization": org.pk, "url": address, "category": _category()},
        HTTP_ACCEPT_LANGUAGE=lang,
    )
    assert response.status_code == 200
    assert not PartnerFeed.objects.exists()
    (error,) = response.context["form"].errors["url"]
    assert address in response.content.decode()  # what staff typed stays in the field
    return error


@pytest.mark.parametrize(
    "address",
    [
        "https://127.0.0.1/c.ics",
        "https://10.0.0.5/c.ics",
        "https://169.254.169.254/latest/meta-data/",
        "https://[::1]/c.ics",
        "https://[::7f00:1]/c.ics",  # IPv4-compatible 127.0.0.1
        "https://[::ffff:10.0.0.5]/c.ics",
        "https://[64:ff9b::a9fe:a9fe]/c.ics",  # NAT64 to 169.254.169.254
        "https://[2002:a00:5::1]/c.ics",  # 6to4 of 10.0.0.5
        "webcal://localhost/c.ics",
    ],
)
def test_a_private_address_is_refused_when_saved(client, org, settings, address):
    settings.ENSEMBLE_FEED_ALLOWED_NETWORKS = []
    error = refusal_on_saving(client, org, address)
    assert error.startswith("L'adresse mène à un réseau privé ou interne")


def test_a_name_leading_to_a_private_address_is_refused_when_saved(
    client, org, settings, partner_names
):
    settings.ENSEMBLE_FEED_ALLOWED_NETWORKS = []
    partner_names["intranet.example.org"] = ["10.0.0.5"]
    partner_names["half.example.org"] = [PUBLIC, "::ffff:192.168.1.1"]
    for name in ("intranet.example.org", "half.example.org"):
        error = refusal_on_saving(client, org, f"https://{name}/c.ics", lang="es")
        assert error.startswith("La dirección lleva a una red privada o interna") and name in error
        PartnerFeed.objects.all().delete()


def test_an_unknown_name_is_refused_when_saved(client, org, partner_names, monkeypatch):
    import socket

    def nowhere(host, *args, **kwargs):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", nowhere)
    error = refusal_on_saving(client, org, "https://calendrier.introuvable.example/c.ics", "en")
    assert error == "The partner's server could not be found (calendrier.introuvable.example)."


def test_plain_http_is_refused_when_saved(client, org):
    error = refusal_on_saving(client, org, "http://example.org/c.ics", lang="en")
    assert error.startswith("Plain http:// is refused")
    # The same calendar's https:// and webcal:// addresses are saved.
    for address in ("https://example.org/c.ics", "webcal://example.org/d.ics"):
        client.post(
            reverse("partner_feeds_add"),
            {"organization": org.pk, "url": address, "category": _category()},
        )
    assert sorted(PartnerFeed.objects.values_list("url", flat=True)) == [
        "https://example.org/c.ics",
        "https://example.org/d.ics",
    ]


def test_people_without_an_organization_are_refused(client, site_tree):
    from django.contrib.auth.models import Permission

    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert denied(client.get(reverse("partner_feeds_index")))


def test_a_refusal_is_shown_to_staff_in_their_language(client, org, routes):
    routes.calendar("/page", b"<html></html>", content_type="text/html")
    client.force_login(staff_of(org))
    client.post(
        reverse("partner_feeds_add"),
        {"organization": org.pk, "url": url("/page"), "category": _category()},
    )
    client.post(reverse("partner_feeds_run", args=[PartnerFeed.objects.get().pk]))
    page = client.get(reverse("partner_feeds_index"), HTTP_ACCEPT_LANGUAGE="fr").content
    assert "ne donne pas un calendrier" in page.decode()
    assert "text/html" in page.decode()


@pytest.mark.parametrize(
    "language, words",
    [
        ("fr", "L'importation n'a pas pu être lancée. Réessayez dans quelques minutes."),
        ("es", "No se pudo iniciar la importación. Intente de nuevo en unos minutos."),
        ("en", "The import could not be queued. Try again in a few minutes."),
    ],
)
def test_import_now_asks_to_try_again_while_the_queue_is_down(
    client, org, make_feed, queue_down, language, words
):
    feed = make_feed("/nextcloud.ics")
    client.force_login(staff_of(org))
    response = client.post(
        reverse("partner_feeds_run", args=[feed.pk]), HTTP_ACCEPT_LANGUAGE=language, follow=True
    )
    assert response.redirect_chain == [(reverse("partner_feeds_index"), 302)]
    assert words in html.unescape(response.content.decode())
    feed.refresh_from_db()
    assert feed.last_run_at is None  # not run in the request either
