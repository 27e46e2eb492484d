"""Open local HTML files in a real headless Chromium: Debian's, driven by Playwright.

Playwright's own browser download is never used: the system executable is launched with the
network features that phone home turned off. Every request the page makes is recorded, and
any that is not the document itself is aborted, so a test can assert that the page loads
nothing. When Chromium or Playwright is missing the helper fails (it does not skip): run
``.ci/run``, which installs both.

    with open_page(path, width=375) as page:
        assert page.requests == [path.as_uri()]
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
MISSING = "run .ci/run to install Debian's chromium and the test extra (playwright)"


@dataclass
class Page:
    """A loaded page, the URLs it requested, the ones routed (aborted) and the dialogs seen."""

    page: Any  #: playwright.sync_api.Page
    requests: list[str] = field(default_factory=list)
    routed: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)


def executable() -> str:
    """The Chromium executable, or a test failure saying how to install it."""
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.fail(f"{CHROMIUM} not found: {MISSING}", pytrace=False)
    return CHROMIUM if Path(CHROMIUM).exists() else str(shutil.which("chromium"))


@contextmanager
def open_page(path: Path, width: int = 1280, height: int = 900) -> Iterator[Page]:
    """Load ``path`` (a local file) at the given viewport; yield it with what it requested."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail(f"the playwright package is missing: {MISSING}", pytrace=False)
    document = path.resolve().as_uri()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable(), args=list(ARGS))
        try:
            context = browser.new_context(
                viewport={"width": width, "height": height}, service_workers="block"
            )
            seen = Page(context.new_page())

            def route(request_route: Any) -> None:
                url = request_route.request.url
                if url == document:
                    request_route.continue_()
                else:
                    seen.routed.append(url)
                    request_route.abort()

            context.route("**/*", route)
            seen.page.on("request", lambda request: seen.requests.append(request.url))
            seen.page.on("dialog", _dismiss(seen))
            seen.page.on("console", lambda message: seen.console.append(message.text))
            seen.page.goto(document, wait_until="load")
            yield seen
        finally:
            browser.close()


def _dismiss(seen: Page) -> Any:
    def handle(dialog: Any) -> None:
        seen.dialogs.append(dialog.message)
        dialog.dismiss()

    return handle


def screenshot(path: Path, target: Path, width: int = 1280, full_page: bool = True) -> Path:
    """Save a screenshot of the local page ``path`` at ``width`` into ``target``."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with open_page(path, width=width) as seen:
        seen.page.screenshot(path=str(target), full_page=full_page)
    return target
