"""The pages farm owners forward (flyers, kiosk) next to a plain Wagtail page.

Scale data: 2,000 French events over 17 regions. The region with the most dates in
the next 7 days is used, so the weekend flyer and the kiosk list as much as they can.
"""

from django.db.models import Count
from django.test import Client

from bench.bench_pages import measure


def run():
    from core.when import next_days
    from events.models import EventDate, EventPage
    from home.models import ContentPage

    fr = {"locale__language_code": "fr"}
    start, until = next_days(7)
    busiest = (
        EventDate.objects.filter(start__gte=start, start__lt=until)
        .values("event__region")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .first()
    )
    region = busiest["event__region"] if busiest else "05"
    event = EventPage.objects.filter(**fr, slug__startswith="activite-echelle").first()
    pages = [
        ("plain Wagtail page", ContentPage.objects.filter(**fr).first().url),
        ("event flyer (es+fr)", f"/fr/flyer/event/{event.pk}/"),
        ("weekend flyer", f"/fr/flyer/weekend/{region}/?langs=fr"),
        ("kiosk (7 days)", f"/fr/kiosk/{region}/"),
    ]
    client = Client()
    results = [(label, *measure(client, url)) for label, url in pages]
    base = results[0][2]
    print(f"region {region}: {busiest['n'] if busiest else 0} dates in the next 7 days")
    print(f"{'page':<22}{'status':>7}{'req/s':>9}{'ratio':>8}{'queries':>9}{'bytes':>9}")
    for label, status, rate, queries, size in results:
        print(f"{label:<22}{status:>7}{rate:>9.1f}{rate / base:>8.2f}{queries:>9}{size:>9}")
