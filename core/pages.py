"""What a page shows is computed by page views that its app registers, not by the model.

Page models hold fields, and every service imports them. If their `serve` and
`get_context` imported services too, models and services would import each other
(docs/architecture.md, "Dependencies"). So an app registers, in its
`AppConfig.ready()`, the function that serves a page type and the functions that add
to its context, possibly for a page type of a lower app: activities adds the
upcoming activities to an organization's page. Previews go through the same `serve`.
"""

_serve = {}
_context = {}


def serve_with(page_class, view):
    """`view(page, request, *args, **kwargs)` answers every request for the page type."""
    _serve[page_class] = view


def add_context(page_class, provider):
    """`provider(page, request, context, **kwargs)` fills the context in place."""
    providers = _context.setdefault(page_class, [])
    if provider not in providers:
        providers.append(provider)


class PageViewsMixin:
    def serve(self, request, *args, **kwargs):
        view = _serve.get(type(self))
        if view is None:
            return super().serve(request, *args, **kwargs)
        return view(self, request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        for provider in _context.get(type(self), ()):
            provider(self, request, context, **kwargs)
        return context
