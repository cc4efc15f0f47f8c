"""Schemathesis against the running reference server: it must implement the contract exactly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import requests

from devserver.testing import DevServer

CONFIG = Path(__file__).resolve().parent / "schemathesis.toml"


@pytest.mark.slow
def test_devserver_conforms_to_the_openapi_contract(devserver: DevServer, tmp_path: Path) -> None:
    schema_url = devserver.base_url + "/openapi.yaml"
    assert requests.get(schema_url, timeout=10).status_code == 200
    command = [
        sys.executable,
        "-m",
        "schemathesis.cli",
        "--config-file",
        str(CONFIG),
        "run",
        schema_url,
        "--url",
        devserver.url,
        "--header",
        f"Authorization: Bearer {devserver.token}",
        "--checks",
        "all",
        "--max-examples",
        "15",
        "--seed",
        "12348",
        "--workers",
        "1",
        "--request-timeout",
        "20",
        "--no-color",
    ]
    env = {**os.environ, "NO_PROXY": "127.0.0.1,localhost", "SCHEMATHESIS_TELEMETRY": "false"}
    result = subprocess.run(
        command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=240, check=False
    )
    report = result.stdout + result.stderr
    assert result.returncode == 0, report
    assert "9 selected / 9 total" in report
