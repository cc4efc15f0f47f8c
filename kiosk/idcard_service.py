"""The ID-card reader as a Qt service: card events delivered on the GUI thread.

The reader (or, with no ``idcard.port``, the built-in simulator with its "place a
demo card" control) runs in its own thread. Its callbacks only post to an inbox
(``kiosk.ui_inbox``) that this object's thread reads while the reader is open;
there the card is checked (number, validity period) and either ``card_read`` or
``card_rejected`` is emitted. Nothing here logs or keeps the card's personal data.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from devices.idcard.status import ReaderHealth, ReaderStatus
from kiosk.errors import DeviceError
from kiosk.settings import Settings
from kiosk.ui_inbox import ui_inbox

# Types only: the reader, its serial library and the card decoder are imported when
# the reader starts (after Home is on screen), not when the kiosk builds this service.
if TYPE_CHECKING:
    from devices.idcard.cards import CardData
    from devices.idcard.reader import SerialCardReader
    from devices.idcard.simulator import SimulatedReaderDevice

log = logging.getLogger(__name__)


class IdCardService(QObject):
    """Reads ID cards; emits ``card_read(CardData)`` or ``card_rejected(reason_code)``.

    Reason codes: ``expired``, ``not_yet_valid``, ``invalid`` (check digit or a
    number contradicting the card), ``unreadable`` (the data could not be decoded).
    ``health_changed`` carries ``ok``, ``absent`` or ``error``.
    """

    card_read = Signal(object)
    card_rejected = Signal(str)
    health_changed = Signal(str)

    def __init__(
        self,
        settings: Settings,
        parent: QObject | None = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self._port: str = settings["idcard.port"]
        self._baudrate: int = settings["idcard.baudrate"]
        self._poll_interval: float = settings["idcard.poll_interval_s"]
        self._today = today
        self._device: SimulatedReaderDevice | None = None
        self._reader: SerialCardReader | None = None
        self._status = ReaderStatus(ReaderHealth.ABSENT, "not started")
        # What the reader thread reports reaches this thread through the inbox.
        self._inbox = ui_inbox()

    @property
    def simulated(self) -> bool:
        """True when no port is configured and the built-in simulator is used."""
        return not self._port

    @property
    def device_path(self) -> Path | None:
        if self._device is not None:
            return self._device.path
        return Path(self._port) if self._port else None

    @property
    def health(self) -> str:
        return self._status.health.value

    @property
    def status(self) -> ReaderStatus:
        """Health, detail, last read time and SAM id for the staff panel (no card data)."""
        return self._reader.health() if self._reader is not None else self._status

    def last_read_at(self) -> dt.datetime | None:
        return self.status.last_read_at

    def start(self) -> None:
        if self._reader is not None:
            return
        from devices.idcard.reader import SerialCardReader
        from devices.idcard.simulator import SimulatedReaderDevice

        port = self._port
        if self.simulated:
            self._device = SimulatedReaderDevice()
            port = str(self._device.start())
            log.info("ID-card reader: no idcard.port set, using the built-in simulator")
        inbox = self._inbox
        self._reader = SerialCardReader(
            port,
            self._baudrate,
            self._poll_interval,
            on_card=lambda card: inbox.post(self._on_reader_card_read, card),
            on_health=lambda status: inbox.post(self._on_reader_health_changed, status),
            on_unreadable=lambda detail: inbox.post(self._on_reader_card_unreadable, detail),
        )
        inbox.listen()
        self._reader.start()

    def stop(self) -> None:
        reader, self._reader = self._reader, None
        if reader is not None:
            reader.stop()
            self._inbox.stop_listening()
        device, self._device = self._device, None
        if device is not None:
            device.stop()

    def reconnect(self, port: str) -> None:
        """Use ``port`` from now on ('' for the simulator): staff changed it in the panel.

        The same object keeps its connections; only the reader thread is replaced.
        """
        running = self._reader is not None
        self.stop()
        self._port = port
        self._status = ReaderStatus(ReaderHealth.ABSENT, "not started")
        self.health_changed.emit(self._status.health.value)
        if running:
            self.start()
        log.info("ID-card reader: port changed, %s", "reconnected" if running else "not started")

    def place_demo_card(self, kind: str | None = None) -> None:
        """The demo control: put a sample card (the default demo card) on the simulated reader."""
        if self._device is None:
            raise DeviceError("a demo card can only be placed on the built-in simulator")
        from devices.idcard.samples import DEMO_CARD

        self._device.place_demo_card(kind or DEMO_CARD)

    def lift_demo_card(self) -> None:
        if self._device is not None:
            self._device.lift()

    def _on_reader_card_read(self, card: CardData) -> None:
        from devices.idcard.cards import check_card

        result = check_card(card, self._today())
        if result.reason is None:
            log.info("ID card accepted (%s)", card.id_type)
            self.card_read.emit(card)
            return
        log.info("ID card refused (%s): %s", card.id_type, result.detail)
        self.card_rejected.emit(result.reason.value)

    def _on_reader_card_unreadable(self, detail: str) -> None:
        from devices.idcard.cards import CardRejection

        log.info("ID card refused: %s", detail)
        self.card_rejected.emit(CardRejection.UNREADABLE.value)

    def _on_reader_health_changed(self, status: ReaderStatus) -> None:
        previous, self._status = self._status, status
        if previous.health != status.health:
            self.health_changed.emit(status.health.value)
