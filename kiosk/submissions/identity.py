"""The contact of a submission from the citizen's ID-card login, when there is one."""

from __future__ import annotations

from typing import Any

from kiosk.submissions.drafts import ID_TYPES, Contact


def contact_from_identity(identity: Any, phone: str = "") -> Contact | None:
    """A verified contact from a card-read identity (name and ID number locked), or None.

    The identity object comes from the login service; only ``name``,
    ``id_number`` and ``id_type`` are read, and a ``phone`` if it carries one.
    """
    if identity is None:
        return None
    name = getattr(identity, "name", None)
    number = getattr(identity, "id_number", None)
    if not isinstance(name, str) or not isinstance(number, str) or not name or not number:
        return None
    id_type = getattr(identity, "id_type", "resident")
    carried_phone = getattr(identity, "phone", None)
    return Contact(
        name=name,
        phone=carried_phone if isinstance(carried_phone, str) and carried_phone else phone,
        id_type=id_type if id_type in ID_TYPES else "resident",
        id_number=number,
        verified=True,
    )
