"""The API contract (openapi.yaml beside this file) as request-body validators.

The server validates every body against the contract's own component schemas,
format checks included (date, date-time, uuid, uri), so what it accepts is
exactly what the contract allows.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema_rs
import yaml

OPENAPI_PATH = Path(__file__).resolve().parent / "openapi.yaml"

# Request bodies that are defined inline in the paths, not as named components.
_INLINE_BODIES = {
    "CitizenLookup": ("/citizens/submissions/lookup", "post"),
    "EventBatch": ("/events", "post"),
}


@dataclass(frozen=True)
class FieldError:
    """One offending field, as the contract's ``Error.fields`` entry."""

    field: str
    code: str
    message: str

    def as_dict(self) -> dict[str, str]:
        return {"field": self.field, "code": self.code, "message": self.message}


@functools.cache
def openapi_document() -> dict[str, Any]:
    with OPENAPI_PATH.open(encoding="utf-8") as handle:
        document: dict[str, Any] = yaml.safe_load(handle)
    return document


@functools.cache
def _validator(name: str) -> Any:
    document = openapi_document()
    if name in _INLINE_BODIES:
        path, method = _INLINE_BODIES[name]
        body = document["paths"][path][method]["requestBody"]["content"]["application/json"]
        root: dict[str, Any] = dict(body["schema"])
    else:
        root = {"$ref": f"#/components/schemas/{name}"}
    root["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    root["components"] = document["components"]
    return jsonschema_rs.validator_for(root, validate_formats=True)


def validate(name: str, instance: Any) -> list[FieldError]:
    """Errors of ``instance`` against the named schema (empty when valid).

    ``name`` is a component schema (``Submission``, ``Heartbeat``, ``KioskConfig`` …)
    or one of the inline request bodies ``CitizenLookup`` and ``EventBatch``.
    """
    errors: list[FieldError] = []
    seen: set[tuple[str, str]] = set()
    for error in _validator(name).iter_errors(instance):
        path = [str(part) for part in error.instance_path]
        code = str(error.kind.name)
        if code == "required":
            path.append(str(error.kind.property))
        field = ".".join(path) or "$"
        if (field, code) in seen:
            continue
        seen.add((field, code))
        errors.append(FieldError(field=field, code=_snake(code), message=error.message))
    return errors


def is_valid(name: str, instance: Any) -> bool:
    return bool(_validator(name).is_valid(instance))


def _snake(camel: str) -> str:
    return "".join(f"_{c.lower()}" if c.isupper() else c for c in camel).lstrip("_")
