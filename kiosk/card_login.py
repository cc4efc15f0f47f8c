"""ID-card login: a card placed on the reader, on any screen, logs the citizen in.

The reader service has already checked the card (number, validity period).
Here it becomes a :class:`~kiosk.identity.CitizenIdentity` in the citizen
session, with these rules about the session it lands in:

- attract screen (no session): the card starts a session and logs in;
- a session without anyone logged in: the citizen at the screen logs in;
- the same person again: greeted again, the session goes on (and a running
  "more time?" countdown is answered);
- someone else, or any card during the countdown of a session nobody claimed:
  the previous session is wiped first, so one citizen never sees another's
  inputs or name;
- staff mode: cards are ignored (staff test the reader from their panel).

A refused card (expired, not yet valid, invalid, unreadable) logs nobody in and
changes no identity; ``refused`` carries the reason code for the screen.
Nothing personal is logged: only the card type.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from kiosk.identity import CitizenIdentity
from kiosk.session import CitizenSession, SessionState

if TYPE_CHECKING:
    from devices.idcard.cards import CardData

log = logging.getLogger(__name__)

REFUSAL_REASONS = ("expired", "not_yet_valid", "invalid", "unreadable")


class CardLogin(QObject):
    """Turns the reader's ``card_read`` / ``card_rejected`` into session identity changes."""

    logged_in = Signal(object)
    """A citizen logged in (the :class:`CitizenIdentity`, already in the session)."""
    refused = Signal(str)
    """A card was refused: ``expired``, ``not_yet_valid``, ``invalid`` or ``unreadable``."""
    logged_out = Signal()
    """The identity was forgotten (logout, idle wipe or session end)."""

    def __init__(
        self,
        idcard: Any,
        session: CitizenSession,
        *,
        is_staff_mode: Callable[[], bool] = lambda: False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._is_staff_mode = is_staff_mode
        idcard.card_read.connect(self._on_idcard_card_read)
        idcard.card_rejected.connect(self._on_idcard_card_rejected)
        session.identity_changed.connect(self._on_session_identity_changed)

    @property
    def identity(self) -> CitizenIdentity | None:
        identity = self._session.identity
        return identity if isinstance(identity, CitizenIdentity) else None

    def log_in(self, card: CardData) -> CitizenIdentity | None:
        """Log the holder of ``card`` in (the reader's path; tests may call it directly)."""
        if self._is_staff_mode():
            log.info("ID card ignored: staff mode is active")
            return None
        identity = CitizenIdentity.from_card(card)
        self._make_room_for(identity)
        self._session.set_identity(identity)
        log.info("citizen logged in with an ID card (%s)", identity.id_type)
        self.logged_in.emit(identity)
        return identity

    def log_out(self) -> None:
        """The citizen's "log out": forgets them and ends the session."""
        self._session.logout()

    def refuse(self, reason: str) -> None:
        if self._is_staff_mode():
            return
        if reason not in REFUSAL_REASONS:
            reason = "unreadable"
        session = self._session
        if session.state is SessionState.COUNTDOWN:
            session.wipe()  # someone new at the kiosk: the abandoned session goes first
        session.touch()
        self.refused.emit(reason)

    def _make_room_for(self, identity: CitizenIdentity) -> None:
        session = self._session
        current = self.identity
        same = identity.same_person(current)
        if session.state is SessionState.COUNTDOWN:
            if same:
                session.extend()
            else:
                log.info("ID card placed during the countdown: previous session wiped")
                session.wipe()
        elif current is not None and not same:
            log.info("another citizen's ID card: previous session wiped")
            session.wipe()

    def _on_idcard_card_read(self, card: CardData) -> None:
        self.log_in(card)

    def _on_idcard_card_rejected(self, reason: str) -> None:
        self.refuse(reason)

    def _on_session_identity_changed(self, identity: object) -> None:
        if identity is None:
            self.logged_out.emit()
