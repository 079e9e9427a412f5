"""Requests per second of the public pages, next to a plain Wagtail content page.

Served in-process through Django's test client (same middleware, templates and
database as production), so the ratio to the plain page is the figure to watch.
"""

import time

from django.db import connection
from django.test import Client


def count_queries(client, url):
    """Queries of one request (a wrapper survives the reconnects DEBUG-off requests make)."""
    count = 0

    def counter(execute, sql, params, many, context):
        nonlocal count
        count += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(counter):
        response = client.get(url)
    return response, count


def measure(client, url, seconds=2.0):
    client.get(url)  # warm caches
    response, queries = count_queries(client, url)
    count = 0
    started = time.perf_counter()
    while time.perf_counter() - started < seconds:
        client.get(url)
        count += 1
    elapsed = time.perf_counter() - started
    return response.status_code, count / elapsed, queries, len(response.content)


def run():
    from events.models import ActivitiesIndexPage, EventPage
    from home.models import ContentPage, HomePage

    fr = {"locale__language_code": "fr"}
    plain = ContentPage.objects.filter(**fr).first()
    listing = ActivitiesIndexPage.objects.get(**fr).url
    event = EventPage.objects.filter(**fr, slug__startswith="activite-echelle").first()
    pages = [
        ("plain Wagtail page", plain.url),
        ("home", HomePage.objects.get(**fr).url),
        ("activities listing", listing),
        ("listing, filtered", f"{listing}?when=month&region=05&transport=1&q=activit&page=2"),
        ("event page", event.url),
        ("organization page", event.get_parent().url),
    ]
    client = Client()
    results = [(label, *measure(client, url)) for label, url in pages]
    base = results[0][2]
    print(f"{'page':<22}{'status':>7}{'req/s':>9}{'ratio':>8}{'queries':>9}{'bytes':>9}")
    for label, status, rate, queries, size in results:
        print(f"{label:<22}{status:>7}{rate:>9.1f}{rate / base:>8.2f}{queries:>9}{size:>9}")
