"""Requests the site refuses or cannot serve, answered plainly instead of with a 500.

RequestSizeLimitMiddleware: refuse request bodies over MAX_REQUEST_BYTES before anything reads them.

Django bounds form fields (DATA_UPLOAD_MAX_MEMORY_SIZE) but streams file parts of any size to a
temporary file; the first middleware that touches request.POST (the CSRF check) would do that.
This one looks only at the headers, so a refused body is never read, parsed or written.
"""

from django.conf import settings
from django.contrib import messages
from django.db import OperationalError
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _


class RequestSizeLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        length = request.META.get("CONTENT_LENGTH", "")
        chunked = "chunked" in request.META.get("HTTP_TRANSFER_ENCODING", "").lower()
        if not chunked and (not length or length.isdigit() and int(length) <= self.limit):
            return self.get_response(request)
        # Short and plain: nothing about the visitor is known yet, and nothing is read.
        language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
        with translation.override(language):
            if chunked:
                # A body sent in chunks could be any size; every browser states the length.
                status, message = 411, _("Please send the length of your request.")
            elif not length.isdigit():
                status, message = 400, _("The request could not be read.")
            else:
                status = 413
                message = _(
                    "This request is too large: the limit is %(size)s MB. "
                    "Please send smaller files."
                ) % {"size": self.limit // (1024 * 1024)}
        return HttpResponse(message, status=status, content_type="text/plain; charset=utf-8")

    @property
    def limit(self):
        return settings.MAX_REQUEST_BYTES


# What the databases say when a write could not get its lock in time (SQLite, once its busy
# timeout is over) or was chosen to give way (PostgreSQL deadlock or serialisation failure):
# the same request a moment later succeeds.
BUSY_MARKERS = (
    "database is locked",
    "database table is locked",
    "deadlock detected",
    "could not serialize access",
)


def is_busy(exception):
    return isinstance(exception, OperationalError) and any(
        marker in str(exception).lower() for marker in BUSY_MARKERS
    )


class DatabaseBusyMiddleware:
    """A write that could not get the database answers 503 "try again", never 500.

    Nothing was saved (the transaction rolled back). The visitor gets the same page back, its
    form filled with what they typed: the view runs again as a GET, which reads the form from
    request.POST (the `Form(request.POST or None)` of every public form) and writes nothing.
    If that fails too, a plain page offers to send the same fields again. Files cannot come
    back; the page says so.
    """

    RETRY_AFTER = 5  # seconds

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        request.busy_retry_view = (view_func, view_args, view_kwargs)

    def process_exception(self, request, exception):
        if not is_busy(exception):
            return None
        message = _(
            "So many people are writing at this moment that what you sent could not be saved. "
            "Nothing was lost: please check the form and send it again in a few seconds."
        )
        response = None
        if request.method == "POST" and hasattr(request, "busy_retry_view"):
            view_func, view_args, view_kwargs = request.busy_retry_view
            request.method = "GET"
            try:
                messages.warning(request, message)
                response = view_func(request, *view_args, **view_kwargs)
                if hasattr(response, "render"):
                    response = response.render()
                if response.status_code != 200:
                    response = None
            except Exception:
                response = None
            finally:
                request.method = "POST"
        if response is None:
            kept = [
                (name, value)
                for name, values in request.POST.lists()
                if name != "csrfmiddlewaretoken" and "password" not in name
                for value in values
            ]
            context = {"kept": kept, "had_files": bool(request.FILES), "action": request.path}
            response = render(request, "503_busy.html", context)
        response.status_code = 503
        response["Retry-After"] = str(self.RETRY_AFTER)
        patch_cache_control(response, no_cache=True, no_store=True, private=True)
        return response
