"""A reference server for tests: ``with DevServer() as server: ... server.url ...``.

The server runs on 127.0.0.1 on a free port, in a background thread (default)
or in a child process (``in_subprocess=True``, for tests that kill it). Every
``/_dev`` control endpoint has a helper method here. A dataset is built once per
test process into a template database and copied for each server, with a new
epoch so cursors never carry over from one server to the next.
"""

from __future__ import annotations

import os
import selectors
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from types import TracebackType
from typing import Any

import requests
from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server

from devserver.app import DEFAULT_KIOSKS, ServerConfig, create_app
from devserver.datasets import load_dataset
from devserver.store import Store

REPO_ROOT = Path(__file__).resolve().parent.parent
_TEMPLATES: dict[tuple[str, str], Path] = {}
_TEMPLATE_LOCK = threading.Lock()
_TEMPLATE_DIR: Path | None = None


class _QuietHandler(WSGIRequestHandler):
    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        return None


def _template(dataset: str, laws_path: Path | None) -> Path:
    """A database file holding ``dataset``, built once per process."""
    global _TEMPLATE_DIR
    key = (dataset, str(laws_path or ""))
    with _TEMPLATE_LOCK:
        if key not in _TEMPLATES:
            if _TEMPLATE_DIR is None:
                _TEMPLATE_DIR = Path(tempfile.mkdtemp(prefix="devserver-templates-"))
            path = _TEMPLATE_DIR / f"{dataset}-{len(_TEMPLATES)}.sqlite3"
            store = Store(path)
            load_dataset(store, dataset, laws_path)
            store.close()
            _TEMPLATES[key] = path
        return _TEMPLATES[key]


def _copy_database(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    src.close()
    dst.close()
    store = Store(target)
    store.renew_epoch()
    store.close()


class DevServerError(RuntimeError):
    """The reference server could not be started or answered a control call badly."""


class DevServer:
    """A running reference server with helpers for every ``/_dev`` control endpoint."""

    def __init__(
        self,
        dataset: str = "demo",
        *,
        db_path: Path | None = None,
        token: str = "dev-token",
        kiosk_id: str = "HALL01",
        kiosks: tuple[str, ...] = DEFAULT_KIOSKS,
        laws_path: Path | None = None,
        in_subprocess: bool = False,
        startup_timeout_s: float = 60.0,
    ) -> None:
        self.dataset = dataset
        self.token = token
        self.kiosk_id = kiosk_id
        self.kiosks = kiosks
        self.laws_path = laws_path
        self.in_subprocess = in_subprocess
        self.startup_timeout_s = startup_timeout_s
        self._own_dir: Path | None = None
        if db_path is None:
            self._own_dir = Path(tempfile.mkdtemp(prefix="devserver-"))
            db_path = self._own_dir / "devserver.sqlite3"
        self.db_path = db_path
        self.port = 0
        self._server: BaseWSGIServer | None = None
        self._thread: threading.Thread | None = None
        self._process: subprocess.Popen[bytes] | None = None
        self._store: Store | None = None
        self._session = requests.Session()

    # --- life cycle ------------------------------------------------------------
    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def url(self) -> str:
        """The API base URL a kiosk is configured with."""
        return f"{self.base_url}/api/v1"

    @property
    def headers(self) -> dict[str, str]:
        """Authentication headers of ``kiosk_id``."""
        return {"Authorization": f"Bearer {self.token}", "X-Kiosk-Id": self.kiosk_id}

    def start(self) -> DevServer:
        if not self.db_path.exists() and self.dataset != "empty":
            _copy_database(_template(self.dataset, self.laws_path), self.db_path)
        if self.in_subprocess:
            self._start_process()
        else:
            self._start_thread()
        return self

    def _start_thread(self) -> None:
        config = ServerConfig(
            db_path=self.db_path,
            dataset=self.dataset,
            token=self.token,
            kiosks=self.kiosks,
            laws_path=self.laws_path,
        )
        app = create_app(config)
        self._store = app.extensions["devserver"]["store"]
        self._server = make_server(
            "127.0.0.1", self.port, app, threaded=True, request_handler=_QuietHandler
        )
        self.port = self._server.server_port
        server = self._server
        # A short poll interval keeps stop() quick: tests start and stop many servers.
        self._thread = threading.Thread(
            target=lambda: server.serve_forever(poll_interval=0.05), name="devserver", daemon=True
        )
        self._thread.start()

    def _start_process(self) -> None:
        command = [
            sys.executable,
            "-m",
            "devserver",
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--db",
            str(self.db_path),
            "--dataset",
            self.dataset,
            "--token",
            self.token,
            "--kiosks",
            ",".join(self.kiosks),
            "--quiet",
        ]
        if self.laws_path is not None:
            command += ["--laws", str(self.laws_path)]
        log = (self.db_path.parent / "devserver.log").open("ab")
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        self._process = subprocess.Popen(
            command, cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=log, env=env
        )
        log.close()
        assert self._process.stdout is not None
        deadline = time.monotonic() + self.startup_timeout_s
        line = b""
        with selectors.DefaultSelector() as selector:
            selector.register(self._process.stdout, selectors.EVENT_READ)
            while b"listening on" not in line:
                remaining = deadline - time.monotonic()
                if remaining <= 0 or self._process.poll() is not None:
                    self._process.kill()
                    self._process.wait()
                    raise DevServerError(
                        f"devserver did not start; see {self.db_path.parent / 'devserver.log'}"
                    )
                if selector.select(timeout=remaining):
                    line = self._process.stdout.readline()
        self.port = int(line.decode().strip().rsplit(":", 1)[1].split("/", 1)[0])

    def stop(self) -> None:
        """Stop the server (gracefully); the database file stays for a restart."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        if self._thread is not None:
            self._thread.join(timeout=10)
            self._thread = None
        if self._store is not None:
            self._store.close()
            self._store = None
        if self._process is not None:
            if self._process.poll() is None:
                self._process.terminate()
                try:
                    self._process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    self._process.kill()
                    self._process.wait()
            if self._process.stdout is not None:
                self._process.stdout.close()
            self._process = None

    def kill(self) -> None:
        """SIGKILL the server process (``in_subprocess`` only): no clean shutdown at all."""
        if self._process is None:
            raise DevServerError("kill() needs a server started with in_subprocess=True")
        self._process.kill()
        self._process.wait()
        if self._process.stdout is not None:
            self._process.stdout.close()
        self._process = None

    def restart(self) -> None:
        """Start again on the same database and port (after ``stop`` or ``kill``)."""
        self.stop()
        self.start()

    def close(self) -> None:
        self.stop()
        self._session.close()
        if self._own_dir is not None:
            shutil.rmtree(self._own_dir, ignore_errors=True)

    def __enter__(self) -> DevServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # --- control helpers ---------------------------------------------------------
    def _call(self, method: str, path: str, body: Any = None) -> Any:
        response = self._session.request(
            method, f"{self.base_url}/_dev{path}", json=body, timeout=30
        )
        if response.status_code >= 400:
            raise DevServerError(f"{method} /_dev{path}: {response.status_code} {response.text}")
        return response.json()

    def state(self) -> dict[str, Any]:
        """``head_seq``, ``generation``, ``dataset``, ``counts`` per type, ``faults``, ``config_etag``."""
        return dict(self._call("GET", "/state"))

    def upsert(
        self,
        type_: str,
        id_: str,
        data: dict[str, Any],
        version: int | None = None,
        *,
        checked: bool = True,
    ) -> dict[str, Any]:
        """Append an upsert change; returns the change (``seq``, ``version`` …)."""
        body: dict[str, Any] = {"type": type_, "id": id_, "data": data}
        if version is not None:
            body["version"] = version
        if not checked:
            body["unchecked"] = True
        return dict(self._call("POST", "/content", body))

    def delete(self, type_: str, id_: str) -> dict[str, Any]:
        """Append a delete change; returns it."""
        return dict(self._call("DELETE", f"/content/{type_}/{id_}"))

    def compact(self) -> dict[str, Any]:
        """Compact history: every incremental cursor handed out so far answers 410."""
        return dict(self._call("POST", "/compact"))

    def fault(
        self,
        path: str,
        mode: str,
        *,
        status: int = 503,
        retry_after: int | None = None,
        count: int | None = None,
        delay_s: float | None = None,
        size_bytes: int | None = None,
    ) -> dict[str, Any]:
        """Inject a fault on requests whose path starts with ``path``."""
        body: dict[str, Any] = {"path": path, "mode": mode, "status": status}
        for name, value in (
            ("retry_after", retry_after),
            ("count", count),
            ("delay_s", delay_s),
            ("size_bytes", size_bytes),
        ):
            if value is not None:
                body[name] = value
        return dict(self._call("POST", "/faults", body))

    def clear_faults(self) -> None:
        self._call("POST", "/faults/clear", {})

    def answer(self, ref: str, text: str, answered_by: str | None = None) -> dict[str, Any]:
        """Answer a submission (tracking number, client_ref or client_id); returns its status."""
        return dict(
            self._call(
                "POST", f"/submissions/{ref}/answer", {"text": text, "answered_by": answered_by}
            )
        )

    def set_status(
        self, ref: str, status: str, rejection_reason: str | None = None
    ) -> dict[str, Any]:
        body = {"status": status, "rejection_reason": rejection_reason}
        return dict(self._call("POST", f"/submissions/{ref}/status", body))

    def set_maintenance(
        self,
        active: bool,
        message_zh: str | None = None,
        message_en: str | None = None,
        until: str | None = None,
    ) -> str:
        """Toggle maintenance mode; returns the config's new ETag."""
        body: dict[str, Any] = {"active": active, "until": until}
        if message_zh is not None:
            body["message_zh"] = message_zh
        if message_en is not None:
            body["message_en"] = message_en
        return str(self._call("POST", "/maintenance", body)["etag"])

    def patch_config(self, patch: dict[str, Any]) -> str:
        """Merge a patch (RFC 7386) into the kiosk configuration; returns the new ETag."""
        return str(self._call("POST", "/config", patch)["etag"])

    def config(self) -> dict[str, Any]:
        """``{"etag", "config"}`` as served now."""
        return dict(self._call("GET", "/config"))

    def submissions(self) -> list[dict[str, Any]]:
        """Every stored submission with ``body`` and ``deliveries`` (how often it arrived)."""
        return list(self._call("GET", "/submissions")["submissions"])

    def events(self) -> list[dict[str, Any]]:
        """Every stored event with ``times_received``."""
        return list(self._call("GET", "/events")["events"])

    def heartbeats(self) -> list[dict[str, Any]]:
        return list(self._call("GET", "/heartbeats")["heartbeats"])

    def handoffs(self) -> list[dict[str, Any]]:
        return list(self._call("GET", "/handoffs")["handoffs"])
