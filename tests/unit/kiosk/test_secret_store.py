from __future__ import annotations

import stat
from pathlib import Path

from kiosk.secret_store import SecretStore


def test_values_persist_with_owner_only_permissions(tmp_path: Path) -> None:
    store = SecretStore(tmp_path / "secret.toml")
    store.set("staff_pin_hash", 'scrypt$a"b\\c')
    key = store.key()
    again = SecretStore(tmp_path / "secret.toml")
    assert again.get("staff_pin_hash") == 'scrypt$a"b\\c'
    assert again.key() == key and len(key) == 32
    assert stat.S_IMODE((tmp_path / "secret.toml").stat().st_mode) == 0o600
    again.delete("staff_pin_hash")
    assert SecretStore(tmp_path / "secret.toml").get("staff_pin_hash") is None
