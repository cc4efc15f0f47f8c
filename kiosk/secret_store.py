"""The kiosk's secret file: keys and hashes that must never sit in the config or the logs.

A small TOML file (``storage.secret_file``, mode 0600) holding, for example, the
key that encrypts queued personal data and the staff PIN hash. Written
atomically (temp file + rename) so a power cut never leaves half a file.
"""

from __future__ import annotations

import base64
import os
from pathlib import Path

OUTBOX_KEY = "outbox_key"


class SecretStore:
    def __init__(self, path: Path):
        self.path = path

    def _read(self) -> dict[str, str]:
        import tomllib  # imported when a secret is first read, not with the kiosk

        try:
            with self.path.open("rb") as handle:
                data = tomllib.load(handle)
        except FileNotFoundError:
            return {}
        return {str(k): str(v) for k, v in data.items()}

    def get(self, name: str) -> str | None:
        return self._read().get(name)

    def set(self, name: str, value: str) -> None:
        data = self._read()
        data[name] = value
        self._write(data)

    def delete(self, name: str) -> None:
        data = self._read()
        if data.pop(name, None) is not None:
            self._write(data)

    def _write(self, data: dict[str, str]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_name(self.path.name + ".tmp")
        lines = [f"{key} = {_toml_string(value)}\n" for key, value in sorted(data.items())]
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.writelines(lines)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, self.path)
        os.chmod(self.path, 0o600)

    def key(self, name: str = OUTBOX_KEY, length: int = 32) -> bytes:
        """A random key stored under ``name``, created on first use."""
        stored = self.get(name)
        if stored is None:
            import secrets

            stored = base64.urlsafe_b64encode(secrets.token_bytes(length)).decode("ascii")
            self.set(name, stored)
        return base64.urlsafe_b64decode(stored)


def _toml_string(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'
