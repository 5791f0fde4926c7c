"""The HTTP stack around the endpoints: security headers from the plain ASGI middleware on every kind of
response (success, error, preflight, static files), and the serve command picking uvloop and httptools."""

from __future__ import annotations

import pytest

from directory.app import ADMIN_HEADERS, SECURITY_HEADERS
from directory.cli import fast_server_parts


def has(headers, expected: dict) -> bool:
    return all(headers.get(k) == v for k, v in expected.items())


@pytest.mark.parametrize("path", ["/services", "/recommendations?q=football", "/services/no-such-id",
                                  "/services?per_page=0", "/places/resolve?q=L1", "/health"])
def test_public_responses_carry_the_security_headers_and_cors(client, path):
    r = client.get(path, headers={"Origin": "https://example.org"})
    assert has(r.headers, SECURITY_HEADERS), (path, r.status_code, dict(r.headers))
    assert "content-security-policy" not in r.headers
    assert r.headers["access-control-allow-origin"] == "*"
    # One value per header, not one from the route and one from the middleware.
    assert len(r.headers.get_list("x-frame-options")) == 1


def test_admin_responses_carry_the_admin_headers_too(client):
    r = client.get("/admin/services/some-id", headers={"Origin": "https://example.org"})
    assert r.status_code == 401
    assert has(r.headers, SECURITY_HEADERS) and has(r.headers, ADMIN_HEADERS)
    assert "access-control-allow-origin" not in r.headers


def test_preflight_and_static_files_carry_them(client):
    r = client.options("/services", headers={"Origin": "https://example.org", "Access-Control-Request-Method": "GET"})
    assert r.status_code == 200 and has(r.headers, SECURITY_HEADERS)
    r = client.get("/widget/widget.js")
    if r.status_code == 200:
        assert has(r.headers, SECURITY_HEADERS)


def test_serve_uses_uvloop_and_httptools():
    # Both come with uvicorn[standard] (requirements.txt); without them the server is several times slower.
    assert fast_server_parts() == ("uvloop", "httptools")
