"""Failed submissions, exported encrypted for delivery by hand.

When the platform keeps refusing a submission (or the kiosk cannot reach it for
good), staff can take the submissions away on a USB stick and hand them to the
platform's operators. The file is encrypted with a passphrase staff choose
(scrypt, then AES-256-GCM), so a lost stick reveals nothing:

    LKEXPORT1 | salt (16 bytes) | nonce (12 bytes) | ciphertext of a JSON list of bodies

``read_export`` (``legal-kiosk staff read-export``) opens it again.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

MAGIC = b"LKEXPORT1"
PASSPHRASE_MIN = 10


class ExportError(ValueError):
    """Wrong passphrase, damaged file, or a passphrase too short."""


def _key(passphrase: str, salt: bytes) -> bytes:
    return hashlib.scrypt(
        passphrase.encode("utf-8"), salt=salt, n=2**15, r=8, p=1, maxmem=64 * 1024 * 1024, dklen=32
    )


def check_passphrase(passphrase: str) -> None:
    """``ExportError`` when the passphrase is too short to protect the file."""
    if len(passphrase) < PASSPHRASE_MIN:
        raise ExportError(f"the passphrase needs at least {PASSPHRASE_MIN} characters")


def write_export(bodies: list[dict[str, Any]], passphrase: str, target: Path) -> int:
    """Encrypt ``bodies`` into ``target`` (written atomically); returns how many."""
    check_passphrase(passphrase)
    # Imported here: the staff panel names this module, and start-up stays light.
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt, nonce = os.urandom(16), os.urandom(12)
    plain = json.dumps({"submissions": bodies}, ensure_ascii=False).encode("utf-8")
    sealed = AESGCM(_key(passphrase, salt)).encrypt(nonce, plain, MAGIC)
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(target.name + ".tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(MAGIC + salt + nonce + sealed)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, target)
    # The rename itself is on the stick only once its folder is flushed too.
    folder = os.open(target.parent, os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)
    return len(bodies)


def read_export(source: Path, passphrase: str) -> list[dict[str, Any]]:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    data = source.read_bytes()
    if not data.startswith(MAGIC) or len(data) < len(MAGIC) + 28 + 16:
        raise ExportError("not an export file of this kiosk software")
    start = len(MAGIC)
    salt, nonce, sealed = (
        data[start : start + 16],
        data[start + 16 : start + 28],
        data[start + 28 :],
    )
    try:
        plain = AESGCM(_key(passphrase, salt)).decrypt(nonce, sealed, MAGIC)
    except InvalidTag:
        raise ExportError("wrong passphrase, or the file is damaged") from None
    submissions = json.loads(plain).get("submissions", [])
    return [item for item in submissions if isinstance(item, dict)]
