"""The staff's API docs (/docs and /redoc) work with the network cut: Swagger UI and ReDoc come from
this server (fastapi-offline), and opening them asks no other host for anything."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

LOCAL_HOSTS = {"127.0.0.1", "localhost"}
TITLE = "Find Your Place directory"


@pytest.fixture
def cut_off(desktop):
    """The desktop page with every request to another host refused, as on a network that blocks CDNs."""
    outside: list[str] = []

    def only_local(route) -> None:
        if urlsplit(route.request.url).hostname in LOCAL_HOSTS:
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    desktop.page.route("**/*", only_local)
    yield desktop.page, outside


def test_swagger_ui_renders_from_this_server(cut_off, live):
    page, outside = cut_off
    page.goto(live.site + "docs", wait_until="load")
    title = page.locator(".swagger-ui .info .title")
    title.wait_for(state="visible", timeout=15_000)
    assert TITLE in title.inner_text()
    # An operation of the public API is listed, so the schema was read too.
    page.locator(".opblock-summary-path", has_text="/recommendations").first.wait_for(state="visible")
    assert outside == []


def test_redoc_renders_from_this_server(cut_off, live):
    page, outside = cut_off
    page.goto(live.site + "redoc", wait_until="load")
    heading = page.get_by_role("heading", name=TITLE).first
    heading.wait_for(state="visible", timeout=15_000)
    assert len(page.inner_text("body")) > 1000
    assert outside == []
