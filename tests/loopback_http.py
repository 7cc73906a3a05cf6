"""Small HTTP servers on a free loopback port, each in a daemon thread: a fake remote service for code that fetches,
or a counter that shows a renderer fetched nothing."""

import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@contextmanager
def serving(handler, **attributes):
    """A server answering with `handler`, the given attributes set on it (the handler reads them as self.server.x);
    shut down afterwards. Its address: http://127.0.0.1:{server.server_port}."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    for name, value in attributes.items():
        setattr(server, name, value)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def answer(handler, status, content_type, body):
    """The whole response of a request handler: status, type and length, then the body (bytes)."""
    handler.send_response(status)
    handler.send_header("Content-Type", content_type)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


class StylesheetCounter(BaseHTTPRequestHandler):
    """Answers every GET with a small style sheet and records the path in the server's `hits` (a list)."""

    def do_GET(self):
        self.server.hits.append(self.path)
        answer(self, 200, "text/css", b"body { color: red }")

    def log_message(self, *args):
        pass
