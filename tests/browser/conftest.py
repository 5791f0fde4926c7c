"""Browser tests: the real directory (serving the demo page and the widget), the real action server
and Rasa, driven through Debian's Chromium with Playwright.

Nothing here skips: a missing Chromium, Playwright or trained model fails the run with the command
that fixes it.
"""

from __future__ import annotations

import secrets
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from . import stack
from .chat import NEUTRAL_SITE

CHROMIUM = Path("/usr/bin/chromium")
# The flags from issue 4; Playwright adds its own automation flags and a headless switch.
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = stack.ROOT / "test-artifacts" / "browser"
RASA_READY_S = 600.0


# ------------------------------------------------------------------ processes


# Where a second site that embeds the widget is served; Rasa is started allowing it (WIDGET_ORIGINS).
EMBEDDING_SITE_PORT = stack.free_port()


@dataclass
class Stack:
    """All three processes, started together so that Rasa loads its model while the tests that
    need no bot run. `site` is the demo page wired to the real bot."""

    log_dir: Path
    token: str
    directory: stack.Process
    actions: stack.Process | None
    rasa: stack.Process | None
    model_problem: str | None
    processes: list[stack.Process] = field(default_factory=list)

    @property
    def site(self) -> str:
        self.directory.wait_http("/health", 60)
        return self.directory.url + "/"

    @property
    def bot_url(self) -> str:
        if self.rasa is None:
            pytest.fail(self.model_problem or "Rasa was not started")
        return self.rasa.url

    def wait_for_bot(self) -> None:
        if self.rasa is None or self.actions is None:
            pytest.fail(self.model_problem or "Rasa was not started")
        self.directory.wait_http("/health", 60)
        self.actions.wait_http("/health", RASA_READY_S)
        self.rasa.wait_until(
            lambda: httpx.get(f"{self.rasa.url}/status", params={"token": self.token}, timeout=3).status_code == 200,
            RASA_READY_S,
        )


@pytest.fixture(scope="session")
def stack_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("browser-stack")


@pytest.fixture(scope="session")
def database_url(stack_dir: Path) -> str:
    return stack.prepare_database(stack_dir / "directory.db")


@pytest.fixture(scope="session")
def live(stack_dir: Path, database_url: str) -> Iterator[Stack]:
    rasa_port, action_port = stack.free_port(), stack.free_port()
    # Hex, so the token can never start with "-" and be read by rasa as an option.
    token = secrets.token_hex(16)
    directory = stack.start_directory("directory", stack_dir, database_url, f"http://127.0.0.1:{rasa_port}")
    processes = [directory]
    actions = rasa = None
    model = stack.latest_model()
    problem = None
    if model is None:
        problem = "no trained Rasa model in models/: train one first (make train, or rasa train in .venv-rasa)"
    elif not stack.RASA_BIN.exists():
        problem = f"{stack.RASA_BIN} is missing: create .venv-rasa (make test sets it up)"
    else:
        actions = stack.start_action_server(stack_dir, action_port, directory.url)
        # The demo page's origin and a council's own site (tests/browser/test_embed_elsewhere.py): the only ones
        # Rasa accepts.
        origins = f"{directory.url} http://127.0.0.1:{EMBEDDING_SITE_PORT}"
        rasa = stack.start_rasa(stack_dir, rasa_port, model, actions.url, origins, token)
        processes += [actions, rasa]
    try:
        yield Stack(stack_dir, token, directory, actions, rasa, problem, processes)
    finally:
        for process in reversed(processes):
            process.stop()


@pytest.fixture(scope="session")
def offline_site(stack_dir: Path, database_url: str, live: Stack) -> Iterator[str]:
    """The same demo page, but its bot URL is a port that refuses connections: the bot is down."""
    dead = stack.ClosedPort()
    directory = stack.start_directory("directory-offline", stack_dir, database_url, f"http://127.0.0.1:{dead.port}")
    try:
        directory.wait_http("/health", 60)
        yield directory.url + "/"
    finally:
        directory.stop()
        dead.close()


@pytest.fixture(scope="session")
def bot_site(live: Stack) -> str:
    """The demo page with Rasa loaded and answering."""
    live.wait_for_bot()
    return live.site


# ------------------------------------------------------------------ browser


@pytest.fixture(scope="session")
def playwright_driver() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run scripts/ensure_chromium.sh (installs Debian's 'chromium' package)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("Playwright is missing from .venv: pip install playwright==1.65.2 (never 'playwright install')")
    driver = sync_playwright().start()
    try:
        yield driver
    finally:
        driver.stop()


def _launch(driver, user_data_dir: Path, **options):
    # A fresh profile per context: no first-run state, no stored site data between runs.
    shutil.rmtree(user_data_dir, ignore_errors=True)
    return driver.chromium.launch_persistent_context(
        str(user_data_dir),
        executable_path=str(CHROMIUM),
        headless=True,
        args=CHROMIUM_FLAGS,
        **options,
    )


@pytest.fixture(scope="session")
def desktop_context(playwright_driver, stack_dir: Path):
    context = _launch(playwright_driver, stack_dir / "profile-desktop", viewport={"width": 1280, "height": 800})
    yield context
    context.close()


@pytest.fixture(scope="session")
def phone_context(playwright_driver, stack_dir: Path):
    context = _launch(
        playwright_driver,
        stack_dir / "profile-phone",
        viewport={"width": 375, "height": 667},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
    )
    yield context
    context.close()


class Watched:
    """A page plus what it did that a test may have to assert on."""

    def __init__(self, page) -> None:
        self.page = page
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.bot_requests: list[str] = []
        page.on("dialog", self._dialog)
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("request", self._request)
        # The neutral site is not reachable from here; answer in its place so the URL can be checked.
        page.route(
            NEUTRAL_SITE + "**",
            lambda route: route.fulfill(status=200, content_type="text/html", body="<title>Weather</title>"),
        )

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _request(self, request) -> None:
        if "/webhooks/rest/webhook" in request.url:
            self.bot_requests.append(request.url)


def _watched_page(context) -> Iterator[Watched]:
    page = context.new_page()
    watched = Watched(page)
    try:
        yield watched
    finally:
        page.close()
    assert watched.errors == [], f"JavaScript errors on the page: {watched.errors}"


@pytest.fixture
def desktop(desktop_context) -> Iterator[Watched]:
    yield from _watched_page(desktop_context)


@pytest.fixture
def phone(phone_context) -> Iterator[Watched]:
    yield from _watched_page(phone_context)


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # Tests that need no bot run first, while Rasa is still loading its model.
    items.sort(key=lambda item: "bot_site" in getattr(item, "fixturenames", ()))
