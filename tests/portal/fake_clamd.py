"""A small fake clamd on loopback that speaks the INSTREAM protocol (clamd itself cannot run here).

It reads "zINSTREAM\\0", then <4-byte big-endian length><data> chunks until a zero length, and answers
"stream: OK\\0", or "stream: Eicar-Test-Signature FOUND\\0" when the stream holds the EICAR test string.
"""

import socket
import socketserver
import struct
import threading

from tests.portal.files import EICAR


class _Handler(socketserver.BaseRequestHandler):
    def handle(self):
        server = self.server
        conn = self.request
        command = b""
        while not command.endswith(b"\0"):
            data = conn.recv(1)
            if not data:
                return
            command += data
        server.commands.append(command)
        received = bytearray()
        while True:
            size = struct.unpack("!L", _read_exactly(conn, 4))[0]
            if size == 0:
                break
            received += _read_exactly(conn, size)
        server.streams.append(bytes(received))
        if server.mode == "silent":
            conn.close()
            return
        found = EICAR in received
        conn.sendall(b"stream: Eicar-Test-Signature FOUND\0" if found else b"stream: OK\0")


def _read_exactly(conn, size):
    data = b""
    while len(data) < size:
        chunk = conn.recv(size - len(data))
        if not chunk:
            raise ConnectionError("client went away")
        data += chunk
    return data


class FakeClamd(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, mode="scan"):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.mode = mode
        self.commands, self.streams = [], []
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)

    @property
    def address(self):
        host, port = self.server_address
        return f"{host}:{port}"

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self.shutdown()
        self.server_close()


def unused_address():
    """A loopback port nobody listens on: connecting to it is refused."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        host, port = sock.getsockname()
    return f"{host}:{port}"
