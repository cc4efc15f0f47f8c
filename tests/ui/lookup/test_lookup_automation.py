"""The lookup screens with real content meet the automation and touch rules in both
languages and text sizes (the shell's check sees them only without content)."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from kiosk.app import Services
from tests.ui.test_automation_ids import _problems, assert_documented
from ui.main_window import MainWindow
from ui.screenshots import lookup_samples

LOOKUP_SCREENS = (
    "laws",
    "law",
    "article",
    "practitioners",
    "practitioner",
    "institution",
    "cases",
    "case",
    "guides",
    "guide",
    "hall_map",
    "announcements",
    "home",
)


@pytest.mark.parametrize("large_text", [False, True], ids=["normal", "large"])
@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_lookup_screens_with_content(
    qtbot: QtBot,
    lookup_window: MainWindow,
    lookup_services: Services,
    language: str,
    large_text: bool,
) -> None:
    lookup_services.session.set_language(language)
    lookup_services.session.set_large_text(large_text)
    samples = lookup_samples(lookup_services)
    manager = lookup_window.manager
    problems: list[str] = []
    seen: set[str] = set()
    for screen_id in LOOKUP_SCREENS:
        for suffix, params in samples.get(screen_id, [("", {})]):
            manager.jump(screen_id, **params)
            qtbot.waitUntil(lambda: lookup_services.content.searches_pending() == 0)
            qtbot.wait(20)  # let layouts settle
            found, names = _problems(lookup_window, f"{screen_id} {suffix}".strip())
            problems += found
            seen |= names
    assert not problems, "\n".join(problems)
    assert {"laws.search", "law.jump", "article.next", "practitioners.role.all"} <= seen
    assert_documented(seen)
