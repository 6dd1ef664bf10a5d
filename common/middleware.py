"""Refuse request bodies over MAX_REQUEST_BYTES before anything reads them.

Django bounds form fields (DATA_UPLOAD_MAX_MEMORY_SIZE) but streams file parts of any size to a
temporary file; the first middleware that touches request.POST (the CSRF check) would do that.
This one looks only at the headers, so a refused body is never read, parsed or written.
"""

from django.conf import settings
from django.http import HttpResponse
from django.utils import translation
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
