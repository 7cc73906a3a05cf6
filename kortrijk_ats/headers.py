"""Response headers for personal data: no browser or shared cache keeps a page with personal data."""

from django.utils.cache import add_never_cache_headers

# The candidates' portal pages and the back office hold personal data even before a log-in page is left.
PERSONAL_PREFIXES = ("/mijn-kandidaturen/", "/mijn-gegevens/", "/account/", "/admin/", "/hr/", "/jury/", "/intake/",
                     "/personeel/")


class NoStoreMiddleware:
    """Cache-Control: no-store on every response to a logged-in person and on every portal or back-office page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if (user is not None and user.is_authenticated) or request.path.startswith(PERSONAL_PREFIXES):
            add_never_cache_headers(response)
        return response
