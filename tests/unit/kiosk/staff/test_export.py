from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from devserver.testing import DevServer
from kiosk.cli import main
from kiosk.secret_store import SecretStore
from kiosk.settings import load_settings
from kiosk.staff.export import ExportError, read_export, write_export
from offline_cache.api_client import CentralClient
from offline_cache.db import database_proxy, open_database
from offline_cache.outbox import Outbox
from offline_cache.schema import ensure_schema

PASSPHRASE = "hall-office-2026"


def test_round_trip_and_wrong_passphrase(tmp_path: Path) -> None:
    target = tmp_path / "usb" / "failed.lkx"
    assert write_export([{"client_ref": "R-1", "citizen": {"name": "张三"}}], PASSPHRASE, target)
    assert "张三".encode() not in target.read_bytes()
    assert read_export(target, PASSPHRASE)[0]["citizen"]["name"] == "张三"
    with pytest.raises(ExportError, match="wrong passphrase"):
        read_export(target, "not-the-passphrase")
    with pytest.raises(ExportError, match="at least"):
        write_export([], "short", target)
    (tmp_path / "garbage").write_bytes(b"hello")
    with pytest.raises(ExportError):
        read_export(tmp_path / "garbage", PASSPHRASE)


def test_cli_exports_the_failed_submissions_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text(f'[storage]\ndata_dir = "{tmp_path / "data"}"\n')
    settings = load_settings(config, environ={})
    database = open_database(settings.database_path)
    ensure_schema(database)
    outbox = Outbox(database, SecretStore(settings.secret_file).key())
    payload = {
        "category": "x",
        "subject": "s" * 5,
        "content": "c" * 10,
        "is_public": False,
        "in_litigation": False,
        "consent_version": "1",
    }
    citizen = {"verified": False, "name": "张三", "phone": "13812345678"}
    with DevServer() as server:
        client = CentralClient(server.url, server.token, server.kiosk_id)
        server.fault("/api/v1/submissions", "status", status=422, count=1)
        outbox.enqueue("consultation", "HALL01-1", citizen, payload, "zh")
        outbox.deliver_due(client)
        outbox.enqueue("consultation", "HALL01-2", citizen, payload, "zh")
        outbox.deliver_due(client)
    assert outbox.counts().failed == 1 and outbox.counts().delivered == 1
    database.close()
    database_proxy.initialize(None)

    target = tmp_path / "failed.lkx"
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSPHRASE + "\n"))
    assert (
        main(["staff", "export-failed", "--config", str(config), "--passphrase-stdin", str(target)])
        == 0
    )
    assert "1 failed submission(s)" in capsys.readouterr().out
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSPHRASE + "\n"))
    assert main(["staff", "read-export", "--passphrase-stdin", str(target)]) == 0
    bodies = json.loads(capsys.readouterr().out)
    assert [body["client_ref"] for body in bodies] == ["HALL01-1"]
    assert bodies[0]["citizen"]["phone"] == "13812345678"
    if database_proxy.obj is not None:
        database_proxy.obj.close()
    database_proxy.initialize(None)
