"""Continue on the phone: the link a QR code carries to the WeChat Mini Program.

Online, every hand-off is a token minted by the platform (``POST /handoffs``)
with a short lifetime (``handoff.ttl_s``). Offline, public content still gets a
plain link from the platform's ``miniprogram.static_url_template`` (no token,
no personal data); a draft or a submission to track needs the network, and the
result says what works instead. A draft never leaves the kiosk except through
a minted token, and no URL that reaches a QR code carries personal data: every
URL is checked before it is shown.

Network calls run off the UI thread; results come back as signals on it.
"""

from __future__ import annotations

import enum
import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import quote, unquote

from PySide6.QtCore import QObject, Signal

from kiosk.pii import find_id_numbers, find_phone_numbers, mask_name, mask_text
from kiosk.ui_inbox import ui_inbox

if TYPE_CHECKING:
    from kiosk.submissions.drafts import ComplaintDraft, ConsultationDraft

log = logging.getLogger(__name__)

CONTENT_TYPES = ("law", "practitioner", "institution", "case", "faq", "guide", "announcement")


@dataclass(frozen=True)
class ContentContext:
    """A public content item (law, practitioner, institution, case, Q&A, guide …)."""

    type: str
    id: str
    anchor: str | None = None

    def to_api(self) -> dict[str, Any]:
        body: dict[str, Any] = {"kind": "content", "type": self.type, "id": self.id}
        if self.anchor:
            body["anchor"] = self.anchor
        return body


@dataclass(frozen=True)
class DraftContext:
    """A consultation or complaint the citizen started here (any subset of its fields)."""

    draft: Mapping[str, Any] = field(default_factory=dict)

    def to_api(self) -> dict[str, Any]:
        # Cleaned again here, whoever built the context: nothing personal leaves the kiosk.
        return {"kind": "draft", "draft": clean_draft(self.draft)}


@dataclass(frozen=True)
class TrackingContext:
    """A submission to follow up, by its tracking number or receipt reference."""

    ref: str

    def to_api(self) -> dict[str, Any]:
        return {"kind": "tracking", "ref": self.ref}


HandoffContext = ContentContext | DraftContext | TrackingContext

# Keys of a draft that hold who the citizen is; they never travel in a hand-off.
PERSONAL_KEYS = frozenset(
    {"contact", "citizen", "name", "phone", "id_type", "id_number", "verified", "consent_version"}
)


def clean_draft(draft: Mapping[str, Any], names: tuple[str, ...] = ()) -> dict[str, Any]:
    """The draft as it may travel in a hand-off request: nothing that identifies the citizen.

    A QR code on a kiosk screen can be scanned by whoever stands behind the
    citizen for as long as its token lives, so the draft behind it carries no
    contact (the Mini Program asks for it again on the phone), ID and mobile
    numbers typed into the text are masked, and so is the citizen's own name
    wherever it appears in the text. Consent is given again on the phone too.
    """
    known = [n.strip() for n in (*names, *_names_in(draft)) if len(n.strip()) >= 2]
    # Longest first, so that 欧阳小明 is masked before a shorter name inside it.
    known.sort(key=len, reverse=True)
    return {
        key: _clean_value(value, known)
        for key, value in draft.items()
        if str(key) not in PERSONAL_KEYS
    }


def _names_in(draft: Mapping[str, Any]) -> list[str]:
    found = []
    for holder in (draft, draft.get("contact"), draft.get("citizen")):
        name = holder.get("name") if isinstance(holder, Mapping) else getattr(holder, "name", None)
        if isinstance(name, str):
            found.append(name)
    return found


def _clean_value(value: Any, names: list[str]) -> Any:
    if isinstance(value, str):
        text = mask_text(value)
        for name in names:
            text = text.replace(name, mask_name(name))
        return text
    if isinstance(value, Mapping):
        return clean_draft(value, tuple(names))
    if isinstance(value, list | tuple):
        return [_clean_value(item, names) for item in value]
    if value is None or isinstance(value, bool | int | float):
        return value
    return None  # anything else (a contact object …) is not sent


def draft_for_handoff(
    draft: ConsultationDraft | ComplaintDraft, unset: tuple[str, ...] = ()
) -> dict[str, Any]:
    """What a form filled in so far, shaped as the contract's draft (payload fields, any subset)
    plus its ``kind``; fields left empty, and those named in ``unset`` (choices the
    citizen has not made yet), are left out. Already cleaned (see :func:`clean_draft`)."""
    fields = draft.payload(consent_version="")
    chosen = {
        key: value
        for key, value in fields.items()
        if key not in unset and value is not None and value != ""
    }
    return clean_draft({"kind": draft.kind, **chosen}, names=(draft.contact.name,))


def context_from_params(params: Mapping[str, Any]) -> HandoffContext | None:
    """The context a screen asked for: ``context=`` itself, or plain navigation params
    (``kind="content", type=, id=, anchor=`` / ``kind="tracking", ref=`` /
    ``kind="draft", draft=``), so screens need not build the dataclasses."""
    given = params.get("context")
    if isinstance(given, ContentContext | DraftContext | TrackingContext):
        return given
    kind = params.get("kind")
    if kind == "content" and params.get("type") and params.get("id"):
        anchor = params.get("anchor")
        return ContentContext(
            str(params["type"]), str(params["id"]), None if anchor is None else str(anchor)
        )
    if kind == "tracking" and params.get("ref"):
        return TrackingContext(str(params["ref"]))
    if kind == "draft" and isinstance(params.get("draft"), Mapping):
        return DraftContext(dict(params["draft"]))
    return None


@dataclass(frozen=True)
class HandoffCode:
    """A URL ready to be shown as a QR code; ``minted`` ones expire."""

    url: str
    minted: bool
    expires_at: datetime | None = None
    ttl_s: float | None = None
    # Monotonic time at which the code stops working on this kiosk's clock.
    deadline: float | None = None

    def seconds_left(self, now: float | None = None) -> float | None:
        if self.deadline is None:
            return None
        return max(0.0, self.deadline - (time.monotonic() if now is None else now))

    def is_expired(self, now: float | None = None) -> bool:
        left = self.seconds_left(now)
        return left is not None and left <= 0


class Unavailability(enum.Enum):
    NEEDS_NETWORK = "needs_network"  # drafts and tracking while offline
    NOT_CONFIGURED = "not_configured"  # no platform, and no static link template either
    REFUSED = "refused"  # the platform said no (4xx) or sent a URL we will not show


class Alternative(enum.Enum):
    SUBMIT_HERE = "submit_here"  # finish the consultation or complaint on the kiosk
    RECEIPT_NUMBER = "receipt_number"  # note the receipt number and look it up later
    READ_HERE = "read_here"  # keep reading on the kiosk


@dataclass(frozen=True)
class HandoffUnavailable:
    reason: Unavailability
    instead: Alternative
    detail: str = ""


HandoffResult = HandoffCode | HandoffUnavailable


class HandoffMinter(Protocol):
    """The part of the central API client that mints hand-off tokens."""

    def create_handoff(self, context: Mapping[str, Any], ttl_s: int) -> Any: ...


class PersonalDataInUrl(ValueError):
    """A URL about to be encoded carries personal data; it is never shown."""


def check_url_is_clean(url: str, context: HandoffContext | None = None) -> None:
    """Raise PersonalDataInUrl if ``url`` holds an ID number, a phone number or draft text."""
    decoded = unquote(unquote(url))
    if find_id_numbers(decoded) or find_phone_numbers(decoded):
        raise PersonalDataInUrl("an ID or phone number")
    if isinstance(context, DraftContext):
        for value in _strings(context.draft):
            if len(value) >= 2 and value in decoded:
                raise PersonalDataInUrl("text of the draft")


def static_url(template: str, context: ContentContext) -> str:
    """The platform's public link for a content item (offline hand-off)."""
    if "{type}" not in template or "{id}" not in template:
        raise ValueError("miniprogram.static_url_template needs {type} and {id}")
    return template.replace("{type}", quote(context.type, safe="")).replace(
        "{id}", quote(context.id, safe="")
    )


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, Mapping):
        return [s for item in value.values() for s in _strings(item)]
    if isinstance(value, list | tuple):
        return [s for item in value for s in _strings(item)]
    return []


def _field(result: Any, name: str) -> Any:
    if isinstance(result, Mapping):
        return result.get(name)
    return getattr(result, name, None)


def _parse_time(value: Any) -> datetime | None:
    if isinstance(value, datetime):
        return value
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return None
    return None


def _offline_result(context: HandoffContext, template: str | None, detail: str) -> HandoffResult:
    if isinstance(context, ContentContext):
        if template:
            try:
                url = static_url(template, context)
                check_url_is_clean(url, context)
            except ValueError as error:
                log.warning("static hand-off link unusable: %s", error)
            else:
                return HandoffCode(url=url, minted=False)
        return HandoffUnavailable(Unavailability.NOT_CONFIGURED, Alternative.READ_HERE, detail)
    instead = (
        Alternative.SUBMIT_HERE if isinstance(context, DraftContext) else Alternative.RECEIPT_NUMBER
    )
    return HandoffUnavailable(Unavailability.NEEDS_NETWORK, instead, detail)


class HandoffService(QObject):
    """Turns a context into a QR-ready URL: minted online, static offline for public content."""

    code_ready = Signal(object)  # HandoffCode
    unavailable = Signal(object)  # HandoffUnavailable

    def __init__(
        self,
        minter: HandoffMinter | None,
        ttl_s: int,
        static_url_template: Callable[[], str | None] = lambda: None,
        clock: Callable[[], float] = time.time,
        monotonic: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._minter = minter
        self.ttl_s = ttl_s
        self._template = static_url_template
        self._clock = clock
        self._monotonic = monotonic
        self._generation = 0
        self.current: HandoffCode | None = None
        # The worker's answer comes back through the inbox, not a signal (see kiosk.ui_inbox).
        self._inbox = ui_inbox()

    def set_minter(self, minter: HandoffMinter | None) -> None:
        """Attach the platform client once it exists (after start-up)."""
        self._minter = minter

    def set_static_url_template(self, source: Callable[[], str | None]) -> None:
        self._template = source

    def request(self, context: HandoffContext) -> int:
        """Resolve ``context`` in the background; ``code_ready`` or ``unavailable`` follows.

        Only the latest request is answered (one code on screen at a time); the
        returned number tells a caller whether it is still the latest one."""
        self._generation += 1
        generation = self._generation
        self._inbox.run_in_thread(
            "handoff",
            lambda: self.resolve(context),
            lambda result: self._on_worker_resolved(generation, result),
            # Every request gets an answer, whatever went wrong.
            lambda error: self._on_worker_resolved(
                generation, _offline_result(context, None, str(error))
            ),
        )
        return generation

    def now(self) -> float:
        """This service's monotonic clock: what a code's ``deadline`` is measured against."""
        return self._monotonic()

    def is_latest(self, generation: int) -> bool:
        """Whether the request numbered ``generation`` is still the one to be answered."""
        return generation == self._generation

    def forget(self) -> None:
        """Drop the current code and ignore any answer still on its way (session wipe)."""
        self._generation += 1
        self.current = None

    def resolve(self, context: HandoffContext) -> HandoffResult:
        """The blocking part (network included): never call it on the UI thread."""
        template = self._safe_template()
        if self._minter is None:
            return _offline_result(context, template, "no central platform configured")
        # Imported here: the HTTP client is not needed before the first hand-off.
        from offline_cache.api_client import CentralError, TransientError

        try:
            answer = self._minter.create_handoff(context.to_api(), self.ttl_s)
        except Exception as error:  # offline, timeout, 5xx, 4xx: all end here
            # Network trouble and 5xx mean "offline"; a 4xx is the platform saying no.
            retryable = isinstance(error, TransientError) or not isinstance(error, CentralError)
            log.info("hand-off token not minted (%s): %s", type(error).__name__, error)
            result = _offline_result(context, template, str(error))
            if not retryable and isinstance(result, HandoffUnavailable):
                return HandoffUnavailable(Unavailability.REFUSED, result.instead, str(error))
            return result
        return self._minted_code(context, answer)

    def _minted_code(self, context: HandoffContext, answer: Any) -> HandoffResult:
        url = _field(answer, "url")
        expires_at = _parse_time(_field(answer, "expires_at"))
        instead = _offline_result(context, None, "")
        fallback = (
            instead.instead if isinstance(instead, HandoffUnavailable) else Alternative.READ_HERE
        )
        if not isinstance(url, str) or not url:
            return HandoffUnavailable(Unavailability.REFUSED, fallback, "no URL in the answer")
        try:
            check_url_is_clean(url, context)
        except PersonalDataInUrl as error:
            log.error("platform returned a hand-off URL with %s; not shown", error)
            return HandoffUnavailable(Unavailability.REFUSED, fallback, "unsafe URL")
        remaining = float(self.ttl_s)
        if expires_at is not None:
            until = expires_at.timestamp() - self._clock()
            # Trust the platform's expiry unless this kiosk's clock is clearly off.
            if 0 < until <= self.ttl_s + 60:
                remaining = until
        return HandoffCode(
            url=url,
            minted=True,
            expires_at=expires_at,
            ttl_s=float(self.ttl_s),
            deadline=self._monotonic() + remaining,
        )

    def _safe_template(self) -> str | None:
        try:
            return self._template()
        except Exception:
            log.exception("could not read miniprogram.static_url_template")
            return None

    def _on_worker_resolved(self, generation: int, result: object) -> None:
        if generation != self._generation:
            return  # wiped or superseded while the request was on its way
        if isinstance(result, HandoffCode):
            self.current = result
            self.code_ready.emit(result)
        else:
            self.current = None
            self.unavailable.emit(result)
