"""Feed addresses, mounted at /feeds/ outside the language prefixes (public contract)."""

from django.urls import path, re_path

from calendars import views

app_name = "calendar"

# Ids longer than any real one are not looked up (the database would reject them).
urlpatterns = [
    path("events.ics", views.events_feed, name="events"),
    path("organizations/<slug:slug>.ics", views.organization_feed, name="organization"),
    re_path(r"^events/(?P<page_id>[0-9]{1,18})\.ics$", views.event_feed, name="event"),
    re_path(r"^dates/(?P<date_id>[0-9]{1,18})\.ics$", views.date_feed, name="date"),
]
