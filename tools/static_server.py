"""The built site over HTTP on 127.0.0.1, as a static host serves it (the browser tests, tools/screenshots.py).

A missing page gets the ``404.html`` of its language folder (else the root one), as a static host
configured for the site does; nothing is logged, and a browser that closes a connection early
(a cancelled fetch) is no error.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mlnotes.book.i18n import LANGUAGES


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the files of a built site; a missing page gets its language's 404 page."""

    def log_message(self, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        root = Path(self.directory)
        lang = next((p for p in self.path.split("/") if p in LANGUAGES), None)
        page = root / lang / "404.html" if lang else root / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):  # the browser closing a connection early is no error
        pass


@contextmanager
def serve(directory: Path, port: int = 0, handler: type[SiteHandler] = SiteHandler) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1 (``port`` 0: any free one) while in the block; yield its origin."""
    httpd = _Server(("127.0.0.1", port), functools.partial(handler, directory=str(directory)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
