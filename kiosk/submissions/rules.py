"""The platform's rules for what a citizen submits, as pure functions.

Every rule returns a list of ``Problem`` (empty = fine) naming the field at
fault, a stable code, parameters for the message and, for personal numbers in
public text, the spans found. Rules never raise on any input: a draft built
from whatever a touch screen produced gets problems back, never a traceback.
The citizen-facing wording lives in ``kiosk.submissions.messages``.
"""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from kiosk.pii import personal_number_spans
from kiosk.submissions.drafts import (
    COMPLAINT_TYPES,
    ComplaintDraft,
    ConsultationDraft,
    Contact,
    EvaluationDraft,
)

SUBJECT_MIN, SUBJECT_MAX = 5, 50
CONTENT_MIN, CONTENT_MAX = 10, 2000
RESPONDENT_MAX = 100
NAME_MAX = 60
COMMENT_MAX = 500
PAYLOAD_LIMIT_BYTES = 64 * 1024
DUPLICATE_WINDOW = timedelta(hours=24)
SCORE_MIN, SCORE_MAX = 1, 5

# A run of this many punctuation/symbol characters in a row is spam ("！！！！！", "★★★★★").
SYMBOL_RUN = 5
# The same character this many times in a row ("啊啊啊啊啊啊啊啊") is spam; digits excepted
# because amounts ("100000000元") are legitimate.
REPEAT_RUN = 8
# Full-width Latin letters and digits (Ｈｅｌｌｏ１２３) in a run this long are spam; the
# full-width punctuation of ordinary Chinese text (，！？（）) is not counted.
FULLWIDTH_RUN = 4
_MOBILE = re.compile(r"^1[3-9]\d{9}$")


@dataclass(frozen=True)
class Problem:
    """One broken rule, attached to one field of the form."""

    field: str
    code: str
    params: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    spans: tuple[tuple[int, int, str], ...] = ()


@dataclass(frozen=True)
class Category:
    code: str
    name_zh: str
    name_en: str


DEFAULT_CATEGORIES: tuple[Category, ...] = (
    Category("marriage_family", "婚姻家庭", "Marriage and family"),
    Category("labour", "劳动争议", "Labour disputes"),
    Category("contract", "合同纠纷", "Contracts"),
    Category("property", "房产物业", "Housing and property"),
    Category("traffic", "交通事故", "Traffic accidents"),
    Category("inheritance", "继承", "Inheritance"),
    Category("other", "其他", "Other"),
)


@dataclass(frozen=True)
class SubmissionPolicy:
    """The parts of the kiosk's remote config that the rules depend on."""

    categories: tuple[Category, ...] = DEFAULT_CATEGORIES
    answer_within_hours: int = 5
    max_per_citizen_per_day: int = 5
    sensitive_words: tuple[str, ...] = ()
    complaint_handling_days: int = 30

    @classmethod
    def from_config(cls, config: object, complaint_handling_days: int = 30) -> SubmissionPolicy:
        """Read a KioskConfig-shaped mapping; anything missing or malformed keeps its default."""
        config = config if isinstance(config, Mapping) else {}
        consultation = config.get("consultation")
        consultation = consultation if isinstance(consultation, Mapping) else {}
        categories = []
        raw_categories = consultation.get("categories")
        for item in raw_categories if isinstance(raw_categories, list) else []:
            if isinstance(item, Mapping) and isinstance(item.get("code"), str) and item["code"]:
                categories.append(
                    Category(
                        item["code"],
                        str(item.get("name_zh") or item["code"]),
                        str(item.get("name_en") or item.get("name_zh") or item["code"]),
                    )
                )
        words = config.get("sensitive_words")
        return cls(
            categories=tuple(categories) or DEFAULT_CATEGORIES,
            answer_within_hours=_int_in(consultation.get("answer_within_hours"), 1, 720, 5),
            max_per_citizen_per_day=_int_in(consultation.get("max_per_citizen_per_day"), 1, 100, 5),
            sensitive_words=tuple(
                w for w in (words if isinstance(words, list) else []) if isinstance(w, str) and w
            ),
            complaint_handling_days=complaint_handling_days,
        )


def _int_in(value: object, low: int, high: int, default: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        return default
    return value if low <= value <= high else default


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


# --- text rules --------------------------------------------------------------------------


def length_problems(field_name: str, text: object, minimum: int, maximum: int) -> list[Problem]:
    """Length counted in characters after trimming, as the platform counts it."""
    stripped = _text(text).strip()
    if not stripped:
        return [Problem(field_name, "required")]
    if len(stripped) < minimum:
        return [Problem(field_name, "too_short", {"minimum": minimum, "length": len(stripped)})]
    if len(stripped) > maximum:
        return [Problem(field_name, "too_long", {"maximum": maximum, "length": len(stripped)})]
    return []


def has_meaning(text: object) -> bool:
    """True when the text holds at least one letter, Hanzi or digit (not only punctuation/emoji)."""
    return any(unicodedata.category(c)[0] in "LN" for c in _text(text))


def contentless_problems(field_name: str, text: object) -> list[Problem]:
    stripped = _text(text).strip()
    if stripped and not has_meaning(stripped):
        return [Problem(field_name, "contentless")]
    return []


def _is_control(char: str) -> bool:
    if char in "\n\r\t":
        return False
    return unicodedata.category(char) in {"Cc", "Cf", "Co", "Cs", "Cn"}


def _is_symbol(char: str) -> bool:
    return unicodedata.category(char)[0] in "PS"


def _is_fullwidth_alnum(char: str) -> bool:
    code = ord(char)
    return 0xFF10 <= code <= 0xFF19 or 0xFF21 <= code <= 0xFF3A or 0xFF41 <= code <= 0xFF5A


def spam_problems(field_name: str, text: object) -> list[Problem]:
    """Control/invisible characters, strings of symbols, full-width letter runs, one character repeated."""
    value = _text(text)
    if any(_is_control(c) for c in value):
        return [Problem(field_name, "control_characters")]
    symbol_run = fullwidth_run = repeat_run = 0
    previous = ""
    for char in value:
        symbol_run = symbol_run + 1 if _is_symbol(char) else 0
        fullwidth_run = fullwidth_run + 1 if _is_fullwidth_alnum(char) else 0
        repeat_run = repeat_run + 1 if char == previous and not char.isspace() else 1
        previous = char
        if symbol_run >= SYMBOL_RUN:
            return [Problem(field_name, "symbol_spam")]
        if fullwidth_run >= FULLWIDTH_RUN:
            return [Problem(field_name, "fullwidth_spam")]
        if repeat_run >= REPEAT_RUN and not char.isdigit():
            return [Problem(field_name, "repeated_characters")]
    return []


def _folded(text: str) -> str:
    """NFKC + casefold, without whitespace and punctuation, so 'x x' and 'Ｘ，Ｘ' match 'xx'."""
    normal = unicodedata.normalize("NFKC", text).casefold()
    return "".join(c for c in normal if not c.isspace() and not _is_symbol(c))


def sensitive_word_problems(
    field_name: str, text: object, words: Iterable[str], is_public: bool
) -> list[Problem]:
    """Sensitive words matter only where the text would be published."""
    if not is_public:
        return []
    folded = _folded(_text(text))
    found = [w for w in words if isinstance(w, str) and _folded(w) and _folded(w) in folded]
    if found:
        return [Problem(field_name, "sensitive_words", {"words": "、".join(found[:5])})]
    return []


def personal_number_problems(field_name: str, text: object, is_public: bool) -> list[Problem]:
    """Phone and ID numbers must not be published; the spans let the form offer to move them."""
    if not is_public:
        return []
    spans = tuple(personal_number_spans(_text(text)))
    if spans:
        return [Problem(field_name, "personal_numbers_in_public", {"count": len(spans)}, spans)]
    return []


def remove_spans(text: str, spans: Sequence[tuple[int, int, str]]) -> tuple[str, list[str]]:
    """The text without the given spans, and the removed pieces (for the private part)."""
    kept: list[str] = []
    removed: list[str] = []
    position = 0
    for start, end, _kind in sorted(spans):
        if start < position or end > len(text):
            continue
        kept.append(text[position:start])
        removed.append(text[start:end])
        position = end
    kept.append(text[position:])
    return "".join(kept), removed


def free_text_problems(
    field_name: str,
    text: object,
    minimum: int,
    maximum: int,
    policy: SubmissionPolicy,
    is_public: bool,
) -> list[Problem]:
    """The chain every free text goes through; the first failing rule wins for that field."""
    for check in (
        lambda: length_problems(field_name, text, minimum, maximum),
        lambda: contentless_problems(field_name, text),
        lambda: spam_problems(field_name, text),
        lambda: sensitive_word_problems(field_name, text, policy.sensitive_words, is_public),
        lambda: personal_number_problems(field_name, text, is_public),
    ):
        found = check()
        if found:
            return found
    return []


# --- contact -----------------------------------------------------------------------------


def contact_problems(contact: object) -> list[Problem]:
    if not isinstance(contact, Contact):
        return [Problem("contact_name", "required"), Problem("contact_phone", "required")]
    problems: list[Problem] = []
    name = _text(contact.name).strip()
    if not name:
        problems.append(Problem("contact_name", "required"))
    elif len(name) > NAME_MAX:
        problems.append(Problem("contact_name", "too_long", {"maximum": NAME_MAX}))
    elif not has_meaning(name) or any(_is_control(c) for c in name):
        problems.append(Problem("contact_name", "invalid_name"))
    phone = _text(contact.phone).strip()
    if not phone:
        problems.append(Problem("contact_phone", "required"))
    elif not _MOBILE.match(phone):
        problems.append(Problem("contact_phone", "invalid_phone"))
    return problems


# --- per-kind rules ------------------------------------------------------------------------


def consultation_problems(draft: object, policy: SubmissionPolicy) -> list[Problem]:
    if not isinstance(draft, ConsultationDraft):
        return [Problem("form", "wrong_kind")]
    problems: list[Problem] = []
    if draft.in_litigation is True:
        # Not answered online: say so first; the rest of the form no longer matters.
        return [Problem("in_litigation", "in_litigation")]
    codes = {c.code for c in policy.categories}
    if _text(draft.category) not in codes:
        problems.append(Problem("category", "required"))
    public = draft.is_public is True
    subject_problems = free_text_problems(
        "subject", draft.subject, SUBJECT_MIN, SUBJECT_MAX, policy, public
    )
    if not subject_problems:
        # The subject is the line lists show (and the kiosk keeps after delivery): never
        # a phone or ID number in it, public or not.
        subject_problems = [
            Problem("subject", "personal_numbers_in_subject", p.params, p.spans)
            for p in personal_number_problems("subject", draft.subject, True)
        ]
    problems += subject_problems
    problems += free_text_problems(
        "content", draft.content, CONTENT_MIN, CONTENT_MAX, policy, public
    )
    problems += contact_problems(draft.contact)
    return problems


def complaint_problems(draft: object, policy: SubmissionPolicy) -> list[Problem]:
    if not isinstance(draft, ComplaintDraft):
        return [Problem("form", "wrong_kind")]
    problems: list[Problem] = []
    if _text(draft.complaint_type) not in COMPLAINT_TYPES:
        problems.append(Problem("complaint_type", "required"))
    respondent = _text(draft.respondent_name).strip()
    if not respondent:
        problems.append(Problem("respondent_name", "required"))
    elif len(respondent) > RESPONDENT_MAX:
        problems.append(Problem("respondent_name", "too_long", {"maximum": RESPONDENT_MAX}))
    else:
        problems += spam_problems("respondent_name", respondent)
        problems += contentless_problems("respondent_name", respondent)
    if draft.respondent_kind not in (None, "practitioner", "institution"):
        problems.append(Problem("respondent_name", "invalid_respondent"))
    # Complaints are never published: only the non-public text rules apply.
    problems += free_text_problems(
        "content", draft.content, CONTENT_MIN, CONTENT_MAX, policy, False
    )
    problems += contact_problems(draft.contact)
    return problems


def evaluation_problems(draft: object) -> list[Problem]:
    if not isinstance(draft, EvaluationDraft):
        return [Problem("form", "wrong_kind")]
    problems: list[Problem] = []
    if not _text(draft.tracking_no).strip():
        problems.append(Problem("tracking_no", "required"))
    for name in ("resolution", "timeliness", "attitude"):
        score = getattr(draft, name, None)
        if isinstance(score, bool) or not isinstance(score, int):
            problems.append(Problem(name, "score_required"))
        elif not SCORE_MIN <= score <= SCORE_MAX:
            problems.append(
                Problem(name, "score_range", {"minimum": SCORE_MIN, "maximum": SCORE_MAX})
            )
    comment = _text(draft.comment).strip()
    if len(comment) > COMMENT_MAX:
        problems.append(Problem("comment", "too_long", {"maximum": COMMENT_MAX}))
    elif comment:
        problems += spam_problems("comment", comment)
    return problems


# --- rules that need the kiosk's history ----------------------------------------------------


@dataclass(frozen=True)
class PriorSubmission:
    """What the kiosk remembers of an earlier submission (no personal data)."""

    citizen_key: str
    content_digest: str
    client_ref: str
    created_at: datetime


def normalised_for_duplicates(text: str) -> str:
    return _folded(text)


def citizen_key(secret: bytes, contact: Contact) -> str:
    """A keyed digest identifying the citizen (ID number when read from a card, else the phone).

    Keyed so that the stored value cannot be reversed by trying every phone number.
    """
    if contact.verified and contact.id_number:
        basis = "id:" + contact.id_number.strip().upper()
    else:
        basis = "phone:" + re.sub(r"\D", "", contact.phone or "")
    return hmac.new(secret, basis.encode("utf-8"), hashlib.sha256).hexdigest()


def content_digest(secret: bytes, text: str) -> str:
    return hmac.new(
        secret, normalised_for_duplicates(text).encode("utf-8"), hashlib.sha256
    ).hexdigest()


def duplicate_problems(
    key: str, digest: str, history: Iterable[PriorSubmission], now: datetime
) -> list[Problem]:
    """The same content from the same citizen within 24 hours: refused, with the earlier number."""
    for prior in history:
        if prior.citizen_key != key or prior.content_digest != digest:
            continue
        try:
            age = now - prior.created_at
        except TypeError:  # one naive, one aware: not comparable, so not a duplicate
            continue
        if timedelta(0) <= age < DUPLICATE_WINDOW:
            return [Problem("content", "duplicate", {"client_ref": prior.client_ref})]
    return []


def daily_limit_problems(count_today: int, policy: SubmissionPolicy) -> list[Problem]:
    if count_today >= policy.max_per_citizen_per_day:
        return [Problem("form", "daily_limit", {"limit": policy.max_per_citizen_per_day})]
    return []


def payload_size_problems(size_bytes: int, limit: int = PAYLOAD_LIMIT_BYTES) -> list[Problem]:
    if size_bytes > limit:
        return [Problem("form", "payload_too_large", {"size": size_bytes, "limit": limit})]
    return []
