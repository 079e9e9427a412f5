"""core/cache.py, the deployment's cache: while Redis is down it answers like an empty
cache, tries Redis again every few seconds instead of on every call, logs the outage
once when it starts and once when it ends, and makes up the purges it missed."""

import logging

import pytest
from django.core.cache import cache, caches
from django.test import RequestFactory

from core import cache as resilient
from core import ratelimits
from home.models import ContentPage, ContentPurpose
from home.navigation import site_navigation
from tests.outage import RedisServer, dead_redis_url, deployment_caches


@pytest.fixture
def redis_server(tmp_path):
    server = RedisServer(tmp_path)
    yield server
    server.stop()


@pytest.fixture
def live_cache(redis_server, settings):
    """The deployment's cache on a Redis of this test's own; every call tries Redis
    (no pause between tries), so the test need not wait."""
    configured = deployment_caches(redis_server.url)
    configured["default"]["OPTIONS"]["RETRY_SECONDS"] = 0
    settings.CACHES = configured
    return redis_server


def test_a_dead_redis_answers_like_an_empty_cache(cache_down):
    assert cache.get("k") is None
    assert cache.get("k", "default") == "default"
    cache.set("k", 1)
    assert not cache.add("k", 1)
    assert cache.get_many(["k", "j"]) == {}
    assert cache.get_or_set("k", 2) == 2
    cache.delete("k")
    cache.delete_many(["k", "j"])
    assert resilient.outage()
    assert not resilient.reachable()


def test_between_tries_calls_do_not_reach_redis(settings, monkeypatch):
    configured = deployment_caches(dead_redis_url())
    configured["default"]["OPTIONS"]["RETRY_SECONDS"] = 3600
    settings.CACHES = configured
    client = caches["default"].client._client
    tried = []
    real_get = client.get

    def counted_get(*args, **kwargs):
        tried.append(args[0])
        return real_get(*args, **kwargs)

    monkeypatch.setattr(client, "get", counted_get)
    for _ in range(20):
        assert cache.get("site-nav:fr") is None
    assert tried == ["site-nav:fr"], "only the first call went to the dead Redis"


def test_a_frozen_redis_is_one_outage_logged_once_each_way(live_cache, caplog):
    cache.set("site-nav:fr", {"home_url": "/fr/"})
    with caplog.at_level(logging.INFO, logger="core.outages"):
        live_cache.freeze()
        for _ in range(3):
            assert cache.get("site-nav:fr") is None
        live_cache.thaw()
        for _ in range(3):
            assert cache.get("site-nav:fr") == {"home_url": "/fr/"}
    lines = [record.getMessage() for record in caplog.records]
    assert len(lines) == 2, lines
    assert f"127.0.0.1:{live_cache.port}) unreachable (TimeoutError)" in lines[0]
    assert "reachable again" in lines[1]
    assert "redis://" not in " ".join(lines)


def test_a_purge_while_redis_is_down_is_made_up_when_it_is_back(live_cache):
    cache.set("site-nav:fr", "before the publish")
    live_cache.shut_down()
    cache.delete("site-nav:fr")
    live_cache.start()
    # Back from its saved data, with the value from before the publish...
    assert live_cache.client().get("ensemble:1:site-nav:fr")
    # ...which the purge it missed removes before anything reads it.
    assert cache.get("site-nav:fr") is None
    assert live_cache.client().get("ensemble:1:site-nav:fr") is None


@pytest.mark.django_db
def test_a_page_unpublished_during_the_outage_leaves_the_navigation(live_cache, site_tree):
    about = ContentPage.objects.get(locale__language_code="fr", purpose=ContentPurpose.ABOUT)
    assert site_navigation("fr")["about_url"] == about.url
    live_cache.shut_down()
    about.unpublish()
    live_cache.start()
    assert site_navigation("fr")["about_url"] == ""


def test_health_brings_the_cache_back(live_cache, caplog):
    live_cache.freeze()
    assert not resilient.reachable()
    live_cache.thaw()
    with caplog.at_level(logging.INFO, logger="core.outages"):
        assert resilient.reachable()
    assert not resilient.outage()
    assert "reachable again" in caplog.text


def test_a_rate_limit_says_when_it_could_not_count(settings):
    post = RequestFactory().post("/", REMOTE_ADDR="10.0.0.1")
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    counts = [ratelimits.count(post, "test-count", "ip", "1/h") for _ in range(2)]
    assert counts == [ratelimits.Count.UNDER, ratelimits.Count.OVER]
    settings.CACHES = deployment_caches(dead_redis_url())
    assert ratelimits.count(post, "test-count", "ip", "1/h") is ratelimits.Count.NOT_COUNTED
