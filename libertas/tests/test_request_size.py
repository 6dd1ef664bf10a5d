"""A request larger than MAX_REQUEST_BYTES is refused (413) before any of it is read or stored."""

import pytest
from django.test import Client

MB = 1024 * 1024
BOUNDARY = "libertasboundary"


class HugeUpload:
    """A multipart body of `size` bytes made as it is read: it is never held in memory.

    It notes how much was read and whether an upload temp file appeared meanwhile.
    """

    def __init__(self, size, temp_dir):
        self.temp_dir = temp_dir
        self.read_bytes = 0
        self.wrote_to_disk = False
        head = (
            f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="logo"; '
            'filename="huge.png"\r\nContent-Type: image/png\r\n\r\n'
        ).encode()
        tail = f"\r\n--{BOUNDARY}--\r\n".encode()
        self.chunks = self._chunks(head, size - len(head) - len(tail), tail)
        self.buffer = b""

    @staticmethod
    def _chunks(head, filler, tail):
        yield head
        block = b"x" * MB
        while filler > 0:
            yield block[:filler]
            filler -= MB
        yield tail

    def read(self, size=-1):
        while size < 0 or len(self.buffer) < size:
            chunk = next(self.chunks, None)
            if chunk is None:
                break
            self.buffer += chunk
        size = len(self.buffer) if size < 0 else size
        data, self.buffer = self.buffer[:size], self.buffer[size:]
        self.read_bytes += len(data)
        if any(self.temp_dir.iterdir()):
            self.wrote_to_disk = True
        return data

    def readline(self, size=-1):
        return self.read(size)


@pytest.fixture
def client():
    # As an attacker's request meets the site: with any CSRF cookie (one GET gives one), the
    # CSRF check reads the whole form body to find the token.
    client = Client(enforce_csrf_checks=True)
    client.cookies["csrftoken"] = "a" * 32
    return client


@pytest.fixture
def temp_dir(settings, tmp_path):
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path)
    return tmp_path


def post_stream(client, path, body, length):
    return client.generic(
        "POST",
        path,
        CONTENT_TYPE=f"multipart/form-data; boundary={BOUNDARY}",
        CONTENT_LENGTH=str(length),
        **{"wsgi.input": body},
    )


@pytest.mark.parametrize("path", ["/en/sponsor/", "/en/about/", "/nowhere/"])
def test_a_200_mb_post_is_refused_before_anything_is_read_or_written(client, db, temp_dir, path):
    size = 200 * MB
    body = HugeUpload(size, temp_dir)
    response = post_stream(client, path, body, size)
    assert response.status_code == 413
    assert (body.read_bytes, body.wrote_to_disk) == (0, False)
    assert not any(temp_dir.iterdir())


def test_a_body_without_a_length_is_refused(client, db, temp_dir):
    body = HugeUpload(50 * MB, temp_dir)
    response = client.generic(
        "POST",
        "/en/about/",
        CONTENT_TYPE=f"multipart/form-data; boundary={BOUNDARY}",
        HTTP_TRANSFER_ENCODING="chunked",
        CONTENT_LENGTH="",
        **{"wsgi.input": body},
    )
    assert response.status_code == 411
    assert body.read_bytes == 0


def test_a_request_within_the_limit_goes_through(client, db, temp_dir, settings):
    settings.MAX_REQUEST_BYTES = 2 * MB
    body = HugeUpload(2 * MB, temp_dir)
    response = post_stream(client, "/en/sponsor/", body, 2 * MB)
    assert response.status_code != 413
    assert body.read_bytes == 2 * MB


def test_the_limit_is_read_from_the_environment():
    from libertas.tests.test_settings import PRODUCTION, run_django

    code = "from django.conf import settings; print(settings.MAX_REQUEST_BYTES)"
    result = run_django("shell", "-c", code, **PRODUCTION, MAX_REQUEST_BYTES="5000000")
    assert result.stdout.strip().endswith("5000000"), result.stderr
