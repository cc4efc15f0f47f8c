"""Which screens exist and which may follow which: the explicit transition table.

A screen module in ``ui/screens/`` defines ``register(registry)``::

    def register(registry: ScreenRegistry) -> None:
        registry.add(LawsScreen.screen_id, LawsScreen)
        registry.allow("laws", "law_detail", "search")

and is discovered automatically (:func:`discover_screens`). The Home tiles and
the global destinations (home, coming_soon, recovery, attract) are allowed
from everywhere by their own modules.
"""

from __future__ import annotations

import importlib
import logging
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.app import Services
    from ui.screens.base import Screen

log = logging.getLogger(__name__)

ANY = "*"
ScreenFactory = Callable[["Services"], "Screen"]


@dataclass(frozen=True)
class ScreenSpec:
    screen_id: str
    factory: ScreenFactory
    top_bar: bool = True
    """Whether the top bar shows above the screen (not on attract or recovery)."""
    in_history: bool = True
    """Whether Back can return to it (not for transient screens)."""


class ScreenRegistry:
    def __init__(self) -> None:
        self._specs: dict[str, ScreenSpec] = {}
        self._transitions: dict[str, set[str]] = {}

    def add(
        self,
        screen_id: str,
        factory: ScreenFactory,
        *,
        top_bar: bool = True,
        in_history: bool = True,
    ) -> None:
        if screen_id in self._specs:
            raise ValueError(f"screen {screen_id!r} is registered twice")
        self._specs[screen_id] = ScreenSpec(screen_id, factory, top_bar, in_history)

    def remove(self, screen_id: str) -> None:
        """Take a screen out (a service this hall does not offer): its tile shows "coming"."""
        self._specs.pop(screen_id, None)

    def allow(self, from_id: str, *to_ids: str) -> None:
        """Allow navigation from ``from_id`` (or ``ANY`` screen) to each of ``to_ids``."""
        self._transitions.setdefault(from_id, set()).update(to_ids)

    def allows(self, from_id: str | None, to_id: str) -> bool:
        if from_id is None:
            return True
        return to_id in self._transitions.get(from_id, set()) or to_id in self._transitions.get(
            ANY, set()
        )

    def has(self, screen_id: str) -> bool:
        return screen_id in self._specs

    def spec(self, screen_id: str) -> ScreenSpec:
        return self._specs[screen_id]

    def screen_ids(self) -> list[str]:
        return list(self._specs)

    def transitions(self) -> dict[str, set[str]]:
        return {key: set(value) for key, value in self._transitions.items()}


def discover_screens(registry: ScreenRegistry | None = None) -> ScreenRegistry:
    """Register every screen module of ``ui.screens`` that defines ``register``."""
    import ui.screens as package

    registry = registry or ScreenRegistry()
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        if info.name.startswith("_") or info.name == "base":
            continue
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        register = getattr(module, "register", None)
        if register is None:
            log.debug("screen module %s has no register()", info.name)
            continue
        register(registry)
    return registry
