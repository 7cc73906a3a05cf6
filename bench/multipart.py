"""A hand-built multipart body: the test client cleans file names itself, a hostile browser does not (also used by
tests/portal/test_uploads.py; bench/ does not import the tests)."""

from uuid import uuid4


def multipart(fields, files):
    """fields: {name: value}; files: [(field, raw file name as bytes, content, content type)]."""
    boundary = f"----kats{uuid4().hex}"
    lines = []
    for name, value in fields.items():
        lines += [f"--{boundary}".encode(), f'Content-Disposition: form-data; name="{name}"'.encode(), b"",
                  str(value).encode()]
    for field, filename, content, content_type in files:
        lines += [f"--{boundary}".encode(),
                  f'Content-Disposition: form-data; name="{field}"; filename="'.encode() + filename + b'"',
                  f"Content-Type: {content_type}".encode(), b"", content]
    lines += [f"--{boundary}--".encode(), b""]
    return b"\r\n".join(lines), f"multipart/form-data; boundary={boundary}"
