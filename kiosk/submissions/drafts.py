"""What a citizen fills in before confirming: plain data, no behaviour beyond shaping payloads."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

COMPLAINT_TYPES: tuple[str, ...] = (
    "practitioner_conduct",
    "institution_conduct",
    "service_quality",
    "fees",
    "other",
)
ID_TYPES: tuple[str, ...] = ("resident", "foreign_permanent", "hmt_residence")


@dataclass
class Contact:
    """Who submits. ``verified`` when name and ID number come from a card read at the kiosk."""

    name: str = ""
    phone: str = ""
    id_type: str | None = None
    id_number: str | None = None
    verified: bool = False

    def as_citizen(self) -> dict[str, Any]:
        citizen: dict[str, Any] = {
            "verified": self.verified,
            "name": self.name.strip(),
            "phone": self.phone.strip(),
        }
        if self.id_number:
            citizen["id_type"] = self.id_type or "resident"
            citizen["id_number"] = self.id_number.strip()
        return citizen


@dataclass
class ConsultationDraft:
    category: str = ""
    subject: str = ""
    content: str = ""
    is_public: bool = False
    in_litigation: bool = False
    contact: Contact = field(default_factory=Contact)

    kind = "consultation"

    def payload(self, consent_version: str) -> dict[str, Any]:
        return {
            "category": self.category,
            "subject": self.subject.strip(),
            "content": self.content.strip(),
            "is_public": bool(self.is_public),
            "in_litigation": bool(self.in_litigation),
            "consent_version": consent_version,
        }

    def text_for_duplicates(self) -> str:
        return self.subject + "\n" + self.content


@dataclass
class ComplaintDraft:
    complaint_type: str = ""
    respondent_name: str = ""
    respondent_kind: str | None = None
    respondent_id: str | None = None
    content: str = ""
    contact: Contact = field(default_factory=Contact)

    kind = "complaint"

    def payload(self, consent_version: str) -> dict[str, Any]:
        return {
            "complaint_type": self.complaint_type,
            "respondent_kind": self.respondent_kind,
            "respondent_id": self.respondent_id,
            "respondent_name": self.respondent_name.strip(),
            "content": self.content.strip(),
            "consent_version": consent_version,
        }

    def text_for_duplicates(self) -> str:
        return self.respondent_name + "\n" + self.content


@dataclass
class EvaluationDraft:
    tracking_no: str = ""
    resolution: int = 0
    timeliness: int = 0
    attitude: int = 0
    comment: str = ""
    contact: Contact = field(default_factory=Contact)

    kind = "evaluation"

    def payload(self, consent_version: str) -> dict[str, Any]:
        comment = self.comment.strip()
        return {
            "tracking_no": self.tracking_no,
            "resolution": self.resolution,
            "timeliness": self.timeliness,
            "attitude": self.attitude,
            "comment": comment or None,
        }

    def text_for_duplicates(self) -> str:
        return "evaluation:" + self.tracking_no


Draft = ConsultationDraft | ComplaintDraft | EvaluationDraft
