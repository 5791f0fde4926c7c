"""The widget on a council's own site: a page served from a second origin embeds widget.js from the
directory and talks to Rasa, which answers it because WIDGET_ORIGINS lists that origin (the browser
stack starts Rasa with it, as the Procfile does). A site that is not listed gets no replies: the browser
blocks them (CORS), and the widget says it could not reach the bot."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from . import stack
from .chat import greeted, load, open_chat, say
from .conftest import EMBEDDING_SITE_PORT


@contextmanager
def council_site(port: int, widget_url: str, bot_url: str) -> Iterator[str]:
    page = (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>A council page</title></head>"
        "<body><main><h1>Activities for young people</h1><p>Ask our assistant.</p></main>"
        f"<script src='{widget_url}' data-bot-url='{bot_url}' defer></script></body></html>"
    ).encode()

    class Page(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(page)))
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, *args: object) -> None:
            return None

    server = ThreadingHTTPServer(("127.0.0.1", port), Page)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.shutdown()
        server.server_close()


def test_a_listed_site_embeds_the_widget_and_gets_replies(desktop, live):
    live.wait_for_bot()
    page = desktop.page
    with council_site(EMBEDDING_SITE_PORT, f"{live.directory.url}/widget/widget.js", live.bot_url) as url:
        load(page, url)
        greeted(page)
        say(page, "I'm 14 from Walton and I like drama")
        page.locator(".fyp-card").first.wait_for()
        assert page.locator(".fyp-error").count() == 0


def test_a_site_that_is_not_listed_gets_no_replies(desktop, live):
    live.wait_for_bot()
    page = desktop.page
    with council_site(stack.free_port(), f"{live.directory.url}/widget/widget.js", live.bot_url) as url:
        load(page, url)
        open_chat(page)
        page.locator(".fyp-error").wait_for()
        assert page.locator(".fyp-card").count() == 0
