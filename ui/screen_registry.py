"""Which screens exist and which may follow which: the explicit transition table.

A screen module in ``ui/screens/`` defines ``register(registry)``::

    def register(registry: ScreenRegistry) -> None:
        registry.add(LawsScreen.screen_id, LawsScreen)
        registry.allow("laws", "law_detail", "search")

and is discovered automatically (:func:`discover_screens`). The Home tiles and
the global destinations (home, coming_soon, recovery, attract) are allowed
from everywhere by their own modules.

The kiosk registers Home's module before Home is shown and the others right
after, one module per turn of the event loop (:meth:`ScreenRegistry.register_next`),
so that importing some thirty screen modules does not delay the first screen.
Until then any question the registry cannot answer yet (a screen it does not
know, a transition not yet allowed) first registers every remaining module: the
answers are always those of the complete table.
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
        self._pending: list[str] = []

    # --- modules still to register ------------------------------------------------
    def defer(self, *module_names: str) -> None:
        """Register these screen modules later (see :meth:`register_next`)."""
        self._pending.extend(module_names)

    @property
    def complete(self) -> bool:
        return not self._pending

    def register_next(self) -> bool:
        """Register the next deferred module; True while more remain."""
        if self._pending:
            _register_module(self, self._pending.pop(0))
        return bool(self._pending)

    def register_all(self) -> None:
        while self.register_next():
            pass

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
        self.register_all()  # so that its module cannot add it back later
        self._specs.pop(screen_id, None)

    def allow(self, from_id: str, *to_ids: str) -> None:
        """Allow navigation from ``from_id`` (or ``ANY`` screen) to each of ``to_ids``."""
        self._transitions.setdefault(from_id, set()).update(to_ids)

    def allows(self, from_id: str | None, to_id: str) -> bool:
        if from_id is None or self._allowed(from_id, to_id):
            return True
        self.register_all()
        return self._allowed(from_id, to_id)

    def _allowed(self, from_id: str, to_id: str) -> bool:
        return to_id in self._transitions.get(from_id, set()) or to_id in self._transitions.get(
            ANY, set()
        )

    def has(self, screen_id: str) -> bool:
        if screen_id not in self._specs:
            self.register_all()
        return screen_id in self._specs

    def spec(self, screen_id: str) -> ScreenSpec:
        if screen_id not in self._specs:
            self.register_all()
        return self._specs[screen_id]

    def screen_ids(self) -> list[str]:
        self.register_all()
        return list(self._specs)

    def transitions(self) -> dict[str, set[str]]:
        self.register_all()
        return {key: set(value) for key, value in self._transitions.items()}


SCREENS_PACKAGE = "ui.screens"


def screen_modules() -> list[str]:
    """The screen modules of ``ui.screens``, found without importing them."""
    import ui.screens as package

    return [
        f"{SCREENS_PACKAGE}.{info.name}"
        for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name)
        if not info.name.startswith("_") and info.name != "base"
    ]


def discover_screens(
    registry: ScreenRegistry | None = None, *, first: tuple[str, ...] | None = None
) -> ScreenRegistry:
    """Register every screen module of ``ui.screens`` that defines ``register``.

    With ``first`` (module names without the package, e.g. ``("home",)``), only
    those are registered now and the others are deferred (see the module doc).
    """
    registry = registry or ScreenRegistry()
    modules = screen_modules()
    if first is None:
        now, later = modules, []
    else:
        wanted = {f"{SCREENS_PACKAGE}.{name}" for name in first}
        now = [name for name in modules if name in wanted]
        later = [name for name in modules if name not in wanted]
    for name in now:
        _register_module(registry, name)
    registry.defer(*later)
    return registry


def _register_module(registry: ScreenRegistry, module_name: str) -> None:
    module = importlib.import_module(module_name)
    register = getattr(module, "register", None)
    if register is None:
        log.debug("screen module %s has no register()", module_name)
        return
    register(registry)
