"""The citizen who logged in with an ID card, as the rest of the kiosk may know them.

A :class:`CitizenIdentity` is made from a card that passed its checks and lives
only in :attr:`kiosk.session.CitizenSession.identity`: the session drops it on
logout, idle wipe and session end, and nothing else keeps a reference. It holds
what a real-name submission needs (full name and number, in memory only) and
what a screen may show (the masked name, the masked number, the card type).
Its ``repr`` and ``str`` are masked, so a stray log line or f-string leaks
nothing; the full values are reached only through the explicitly named
:attr:`full_name` (alias ``name``, which ``kiosk.submissions`` reads) and
:attr:`id_number`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from kiosk.pii import mask_id_number, mask_name

if TYPE_CHECKING:
    from devices.idcard.cards import CardData

IdType = Literal["resident", "hmt_residence", "foreign_permanent"]

# The sample cards the demo control of the built-in simulator can place, in the
# order the login screen offers them (see devices.idcard.samples).
DEMO_CARD_KINDS: tuple[str, ...] = (
    "resident",
    "resident_long_term",
    "hmt_residence",
    "foreign_2017",
    "foreign_2023",
    "resident_expired",
    "resident_bad_check_digit",
)


@dataclass(frozen=True, eq=False)
class CitizenIdentity:
    """Who is logged in. Compare with :meth:`same_person`, never by printing it."""

    id_type: IdType
    masked_name: str
    """张*三 / J*** S****: the only form of the name a screen shows."""
    masked_id_number: str
    """110***********0021: the only form of the number a screen shows."""
    card_edition: str | None = None
    _full_name: str = field(default="", repr=False)
    _id_number: str = field(default="", repr=False)

    @classmethod
    def from_card(cls, card: CardData) -> CitizenIdentity:
        name = card.display_name
        return cls(
            id_type=card.id_type,
            masked_name=mask_name(name),
            masked_id_number=mask_id_number(card.id_number),
            card_edition=card.card_edition,
            _full_name=name,
            _id_number=card.id_number.upper(),
        )

    @property
    def full_name(self) -> str:
        """The real name, for a real-name submission only: never shown, logged or spoken."""
        return self._full_name

    @property
    def name(self) -> str:
        """Same as :attr:`full_name`: what kiosk.submissions reads for a verified contact."""
        return self._full_name

    @property
    def id_number(self) -> str:
        """The full number, for submissions and "my submissions" look-ups only."""
        return self._id_number

    @property
    def has_chinese_name(self) -> bool:
        return bool(self._full_name) and not self._full_name.isascii()

    def same_person(self, other: CitizenIdentity | None) -> bool:
        return (
            other is not None
            and other.id_type == self.id_type
            and other._id_number == self._id_number
        )

    def __repr__(self) -> str:
        return (
            f"CitizenIdentity(id_type={self.id_type!r}, name={self.masked_name!r}, "
            f"id_number={self.masked_id_number!r})"
        )

    __str__ = __repr__
