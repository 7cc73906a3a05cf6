"""A real SMTP server on loopback for tests (aiosmtpd), recording every message it accepts.

    with SMTPSink() as sink:
        settings.EMAIL_BACKEND = ...          # or: for k, v in sink.django_settings().items(): setattr(settings, k, v)
        sink.answer_421(times=2)              # the next two messages get "421 try again later"
        sink.refuse("x@example.org", 550)     # RCPT TO for that address gets "550 mailbox unavailable"
        ...
        assert sink.with_message_id(mail.message_id)

The server binds a free port chosen by the OS, so parallel runs never collide.
"""

import email
import threading
import time
from dataclasses import dataclass
from email import policy
from email.message import EmailMessage

from aiosmtpd.controller import Controller


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list
    message: EmailMessage

    @property
    def message_id(self):
        return self.message["Message-ID"]


class SinkHandler:
    """aiosmtpd handler: records accepted messages; answers 421 or 550 when told to."""

    def __init__(self):
        self.lock = threading.Lock()
        self.messages = []
        self.sessions = 0
        self.temporary_failures = 0
        self.refused = {}

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        with self.lock:
            self.sessions += 1
        session.host_name = hostname
        return responses

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        code = self.refused.get(address.lower())
        if code is not None:
            text = "Mailbox unavailable" if code >= 500 else "Mailbox busy, try again later"
            return f"{code} {code // 100}.1.1 {text}"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            if self.temporary_failures > 0:
                self.temporary_failures -= 1
                return "421 4.3.0 Service not available, try again later"
            message = email.message_from_bytes(envelope.content, policy=policy.default)
            self.messages.append(Received(envelope.mail_from, list(envelope.rcpt_tos), message))
        return "250 Message accepted for delivery"


class _FreePortController(Controller):
    """Binds port 0 and learns the real port before aiosmtpd's start-up check connects to it."""

    def _create_server(self):
        create = super()._create_server()

        async def created():
            server = await create
            self.port = server.sockets[0].getsockname()[1]
            return server

        return created()


class SMTPSink:
    def __init__(self, host="127.0.0.1"):
        self.handler = SinkHandler()
        self.controller = _FreePortController(self.handler, hostname=host, port=0)

    def __enter__(self):
        self.controller.start()
        return self

    def __exit__(self, *exc):
        self.controller.stop()

    @property
    def host(self):
        return self.controller.hostname

    @property
    def port(self):
        return self.controller.port

    @property
    def messages(self):
        with self.handler.lock:
            return list(self.handler.messages)

    @property
    def sessions(self):
        """How many SMTP sessions (EHLO) the sink saw: tells a reused connection from one per mail."""
        with self.handler.lock:
            return self.handler.sessions

    def answer_421(self, *, times=1):
        with self.handler.lock:
            self.handler.temporary_failures = times

    def refuse(self, address, code=550):
        self.handler.refused[address.lower()] = code

    def with_message_id(self, message_id):
        return [m for m in self.messages if m.message_id == message_id]

    def wait_for(self, count, *, timeout=30):
        """Wait until at least `count` messages arrived (for a worker in another thread); returns the messages."""
        deadline = time.monotonic() + timeout
        while len(self.messages) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        return self.messages

    def django_settings(self):
        """Settings that point Django's SMTP backend at this sink."""
        return {
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": self.host, "EMAIL_PORT": self.port,
            "EMAIL_HOST_USER": "", "EMAIL_HOST_PASSWORD": "",
            "EMAIL_USE_TLS": False, "EMAIL_USE_SSL": False, "EMAIL_TIMEOUT": 10,
        }
