"""The visitor's address for the per-IP rate limits, behind a proxy or not."""

from django.test import RequestFactory

from config.proxy import client_ip


def test_without_a_header_the_connection_address_counts(settings):
    settings.ENSEMBLE_CLIENT_IP_HEADER = ""
    request = RequestFactory().get("/", HTTP_X_REAL_IP="203.0.113.9", REMOTE_ADDR="10.0.0.2")
    assert client_ip(request) == "10.0.0.2"


def test_the_proxy_header_names_the_visitor(settings):
    settings.ENSEMBLE_CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    request = RequestFactory().get("/", HTTP_X_REAL_IP="203.0.113.9", REMOTE_ADDR="10.0.0.2")
    assert client_ip(request) == "203.0.113.9"


def test_a_request_that_bypassed_the_proxy_still_has_an_address(settings):
    settings.ENSEMBLE_CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.2")
    assert client_ip(request) == "10.0.0.2"
