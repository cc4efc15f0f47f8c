"""The reference server over real HTTP on loopback: the contract's rules, one by one."""

from __future__ import annotations

import copy
import gzip
import uuid
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
import requests

from devserver.testing import DevServer, DevServerError

FAQ = {
    "kind": "faq",
    "question": "押金不退怎么办？",
    "answer": "先协商，再调解。",
    "category": "房屋租赁",
}


def _get(server: DevServer, path: str, **kwargs: Any) -> requests.Response:
    headers = {**server.headers, **kwargs.pop("headers", {})}
    return requests.get(server.url + path, headers=headers, timeout=30, **kwargs)


def _post(server: DevServer, path: str, body: Any, **kwargs: Any) -> requests.Response:
    headers = {**server.headers, **kwargs.pop("headers", {})}
    return requests.post(server.url + path, json=body, headers=headers, timeout=30, **kwargs)


def _pull_all(
    server: DevServer, since: str | None = None, limit: int = 500
) -> tuple[list[dict[str, Any]], str]:
    changes: list[dict[str, Any]] = []
    while True:
        params: dict[str, Any] = {"limit": limit}
        if since is not None:
            params["since"] = since
        response = _get(server, "/content/changes", params=params)
        assert response.status_code == 200, response.text
        page = response.json()
        changes.extend(page["changes"])
        since = page["next_cursor"]
        if not page["has_more"]:
            return changes, since


def _submission(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "client_id": str(uuid.uuid4()),
        "client_ref": f"HALL01-20261122-{uuid.uuid4().hex[:6]}",
        "kind": "consultation",
        "created_at": "2026-11-22T10:00:00+08:00",
        "language": "zh",
        "citizen": {"verified": False, "name": "张三", "phone": "13800001234"},
        "payload": {
            "category": "labour",
            "subject": "公司拖欠三个月工资",
            "content": "公司拖欠我三个月工资，老板不接电话，怎么办？",
            "is_public": False,
            "in_litigation": False,
            "consent_version": "2026-01",
        },
    }
    body.update(overrides)
    return body


# --- change feed -------------------------------------------------------------
def test_full_sync_yields_every_demo_item_once_in_seq_order(devserver: DevServer) -> None:
    changes, _ = _pull_all(devserver, limit=97)
    seqs = [c["seq"] for c in changes]
    assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs)
    assert len({(c["type"], c["id"]) for c in changes}) == len(changes)
    counts = devserver.state()["counts"]
    assert len(changes) == sum(counts.values())
    assert counts["law"] == 390 and counts["practitioner"] == 60


def test_incremental_pull_yields_upserts_deletes_and_stale_versions(devserver: DevServer) -> None:
    _, cursor = _pull_all(devserver)
    first = devserver.upsert("faq", "faq-new", FAQ)
    second = devserver.upsert("faq", "faq-new", {**FAQ, "answer": "先协商，再申请人民调解。"})
    stale = devserver.upsert("faq", "faq-new", FAQ, version=1)
    gone = devserver.delete("practitioner", "prac-001")
    changes, cursor = _pull_all(devserver, since=cursor)
    assert [(c["seq"], c["op"], c["version"]) for c in changes] == [
        (first["seq"], "upsert", 1),
        (second["seq"], "upsert", 2),
        (stale["seq"], "upsert", 1),
        (gone["seq"], "delete", 2),
    ]
    assert changes[-1]["data"] is None
    # A full sync now holds the newest version and no longer the deleted practitioner.
    full, _ = _pull_all(devserver)
    latest = {(c["type"], c["id"]): c for c in full}
    assert latest[("faq", "faq-new")]["version"] == 2
    assert ("practitioner", "prac-001") not in latest
    assert _pull_all(devserver, since=cursor)[0] == []


def test_types_filter_and_limit(devserver: DevServer) -> None:
    response = _get(devserver, "/content/changes", params={"types": "guide,faq", "limit": 10})
    page = response.json()
    assert len(page["changes"]) == 10 and page["has_more"] is True
    assert {c["type"] for c in page["changes"]} <= {"guide", "faq"}
    guides, _ = _pull_all_types(devserver, "guide")
    assert len(guides) == 6


def _pull_all_types(server: DevServer, types: str) -> tuple[list[dict[str, Any]], str]:
    changes: list[dict[str, Any]] = []
    since: str | None = None
    while True:
        params: dict[str, Any] = {"types": types}
        if since:
            params["since"] = since
        page = _get(server, "/content/changes", params=params).json()
        changes.extend(page["changes"])
        since = page["next_cursor"]
        if not page["has_more"]:
            return changes, since


def test_compaction_and_unknown_cursors_answer_410(devserver: DevServer) -> None:
    _, cursor = _pull_all(devserver)
    devserver.upsert("faq", "faq-410", FAQ)
    devserver.compact()
    for since in (cursor, "not-a-cursor", "aS4xMjM0NTY3OC4xLjk5OTk5"):
        response = _get(devserver, "/content/changes", params={"since": since})
        assert response.status_code == 410
        assert response.json()["error"] == "cursor_expired"
    changes, fresh = _pull_all(devserver)
    assert any(c["id"] == "faq-410" for c in changes)
    assert _get(devserver, "/content/changes", params={"since": fresh}).status_code == 200


def test_full_sync_cursors_survive_compaction(devserver: DevServer) -> None:
    page = _get(devserver, "/content/changes", params={"limit": 100}).json()
    assert all(c["type"] == "law" for c in page["changes"])
    devserver.delete("faq", "faq-001")
    devserver.compact()
    rest, _ = _pull_all(devserver, since=page["next_cursor"])
    upserted = {c["id"] for c in page["changes"]} | {c["id"] for c in rest if c["op"] == "upsert"}
    deleted = [c["id"] for c in rest if c["op"] == "delete"]
    # Deleted while the full sync ran: not handed out, and its delete follows.
    assert "faq-001" not in upserted and deleted == ["faq-001"]
    assert len(upserted) == sum(devserver.state()["counts"].values())


def test_a_cursor_from_another_server_is_unknown(devserver: DevServer) -> None:
    _, cursor = _pull_all(devserver)
    with DevServer() as other:
        assert _get(other, "/content/changes", params={"since": cursor}).status_code == 410


def test_changes_are_gzip_compressed_on_request(devserver: DevServer) -> None:
    response = requests.get(
        devserver.url + "/content/changes",
        headers={**devserver.headers, "Accept-Encoding": "gzip"},
        params={"limit": 5},
        stream=True,
        timeout=30,
    )
    assert response.headers["Content-Encoding"] == "gzip"
    raw = response.raw.read()
    assert gzip.decompress(raw).startswith(b'{"changes":[')


@pytest.mark.parametrize("params", [{"limit": "0"}, {"limit": "1001"}, {"types": "law,bogus"}])
def test_bad_query_parameters_answer_400(devserver: DevServer, params: dict[str, str]) -> None:
    response = _get(devserver, "/content/changes", params=params)
    assert response.status_code == 400
    assert response.json()["error"] == "bad_request"


# --- authentication ----------------------------------------------------------
@pytest.mark.parametrize(
    ("headers", "code"),
    [
        ({"Authorization": "Bearer wrong"}, "invalid_token"),
        ({"Authorization": ""}, "invalid_token"),
        ({"X-Kiosk-Id": "HALL99"}, "invalid_kiosk"),
        ({"X-Kiosk-Id": "bad id!"}, "invalid_kiosk"),
    ],
)
def test_wrong_credentials_answer_401(
    devserver: DevServer, headers: dict[str, str], code: str
) -> None:
    response = _get(devserver, "/content/changes", headers=headers)
    assert response.status_code == 401
    assert response.json()["error"] == code


def test_health_needs_no_credentials(devserver: DevServer) -> None:
    response = requests.get(devserver.url + "/health", timeout=10)
    assert response.status_code == 200 and response.json()["status"] == "ok"


# --- configuration and heartbeat ---------------------------------------------
def test_config_etag_304_and_heartbeat_follow_changes(devserver: DevServer) -> None:
    first = _get(devserver, "/kiosks/HALL01/config")
    etag = first.headers["ETag"]
    assert first.json()["consultation"]["answer_within_hours"] == 5
    assert (
        _get(devserver, "/kiosks/HALL01/config", headers={"If-None-Match": etag}).status_code == 304
    )
    heartbeat = {
        "app_version": "0.1.0",
        "status": "in_service",
        "outbox_pending": 0,
        "outbox_failed": 0,
        "uptime_s": 60,
    }
    assert _post(devserver, "/kiosks/HALL01/heartbeat", heartbeat).json()["config_etag"] == etag
    new_etag = devserver.set_maintenance(True, message_zh="系统升级", message_en="Upgrading")
    assert new_etag != etag
    assert _post(devserver, "/kiosks/HALL01/heartbeat", heartbeat).json()["config_etag"] == new_etag
    refreshed = _get(devserver, "/kiosks/HALL01/config", headers={"If-None-Match": etag})
    assert refreshed.status_code == 200 and refreshed.headers["ETag"] == new_etag
    assert refreshed.json()["maintenance"]["active"] is True
    assert devserver.heartbeats()[0]["heartbeat"] == heartbeat
    patched = devserver.patch_config({"idle_timeout_s": 300, "sensitive_words": ["示例敏感词"]})
    assert _get(devserver, "/kiosks/HALL01/config").headers["ETag"] == patched


def test_another_kiosks_config_is_not_found(devserver: DevServer) -> None:
    assert _get(devserver, "/kiosks/HALL02/config").status_code == 404


def test_invalid_heartbeat_answers_422_with_fields(devserver: DevServer) -> None:
    response = _post(
        devserver, "/kiosks/HALL01/heartbeat", {"app_version": "1", "status": "asleep"}
    )
    assert response.status_code == 422
    fields = {f["field"] for f in response.json()["fields"]}
    assert {"status", "outbox_pending", "uptime_s"} <= fields


# --- submissions ---------------------------------------------------------------
def test_submission_idempotency(devserver: DevServer) -> None:
    body = _submission()
    first = _post(devserver, "/submissions", body)
    assert first.status_code == 201
    again = _post(devserver, "/submissions", copy.deepcopy(body))
    assert again.status_code == 200 and again.json() == first.json()
    changed = {**body, "payload": {**body["payload"], "content": "内容改过了，不再一样的正文。"}}
    conflict = _post(devserver, "/submissions", changed)
    assert conflict.status_code == 409
    stored = devserver.submissions()
    assert len(stored) == 1 and stored[0]["deliveries"] == 2 and stored[0]["body"] == body


def test_submission_validation_rules(devserver: DevServer) -> None:
    bad = _submission(client_id="not-a-uuid", created_at="yesterday")
    bad["citizen"]["phone"] = "12345"
    response = _post(devserver, "/submissions", bad)
    assert response.status_code == 422
    fields = {f["field"] for f in response.json()["fields"]}
    assert {"client_id", "created_at", "citizen.phone"} <= fields
    mismatch = _submission(kind="complaint")
    assert _post(devserver, "/submissions", mismatch).json()["error"] == "kind_mismatch"
    first = _submission()
    assert _post(devserver, "/submissions", first).status_code == 201
    reuse = _submission(client_ref=first["client_ref"])
    response = _post(devserver, "/submissions", reuse)
    assert response.status_code == 422 and response.json()["error"] == "duplicate_client_ref"


def test_oversized_and_malformed_submissions(devserver: DevServer) -> None:
    huge = _submission()
    huge["payload"]["content"] = "欠" * 30000
    assert _post(devserver, "/submissions", huge).status_code == 413
    response = requests.post(
        devserver.url + "/submissions",
        data=b"{not json",
        headers={**devserver.headers, "Content-Type": "application/json"},
        timeout=10,
    )
    assert response.status_code == 400


def test_status_lookup_answer_and_evaluation(devserver: DevServer) -> None:
    body = _submission()
    receipt = _post(devserver, "/submissions", body).json()
    tracking_no = receipt["tracking_no"]
    for ref in (tracking_no, body["client_ref"]):
        status = _get(devserver, f"/submissions/{ref}", params={"phone_last4": "1234"})
        assert status.status_code == 200 and status.json()["status"] == "received"
    assert (
        _get(devserver, f"/submissions/{tracking_no}", params={"phone_last4": "9999"}).status_code
        == 404
    )
    assert _get(devserver, "/submissions/ZX000", params={"phone_last4": "1234"}).status_code == 404

    evaluation = _submission(
        kind="evaluation",
        payload={"tracking_no": tracking_no, "resolution": 5, "timeliness": 4, "attitude": 5},
    )
    assert _post(devserver, "/submissions", evaluation).status_code == 422  # not answered yet
    devserver.answer(
        tracking_no, "可向劳动人事争议仲裁委员会申请仲裁。", "王某 律师（示例明理律师事务所）"
    )
    status = _get(devserver, f"/submissions/{tracking_no}", params={"phone_last4": "1234"}).json()
    assert status["status"] == "answered" and status["evaluation_allowed"] is True
    assert status["answer"]["answered_by"].startswith("王某")
    stranger = copy.deepcopy(evaluation)
    stranger["client_id"] = str(uuid.uuid4())
    stranger["citizen"]["phone"] = "13900005678"
    assert _post(devserver, "/submissions", stranger).status_code == 422
    assert _post(devserver, "/submissions", evaluation).status_code == 201


def test_citizen_lookup_by_identity_card(devserver: DevServer) -> None:
    citizen = {
        "verified": True,
        "id_type": "resident",
        "id_number": "11010519491231002X",
        "name": "李四",
        "phone": "13700007777",
    }
    older = _submission(citizen=citizen)
    newer = _submission(citizen=citizen)
    for body in (older, newer, _submission()):
        assert _post(devserver, "/submissions", body).status_code == 201
    found = _post(
        devserver,
        "/citizens/submissions/lookup",
        {"id_type": "resident", "id_number": "11010519491231002x"},
    ).json()["submissions"]
    assert [s["client_ref"] for s in found] == [newer["client_ref"], older["client_ref"]]


# --- hand-offs and events ---------------------------------------------------------
def test_handoff_token_and_expiry(devserver: DevServer) -> None:
    response = _post(
        devserver, "/handoffs", {"ttl_s": 60, "context": {"kind": "tracking", "ref": "ZX1"}}
    )
    assert response.status_code == 201
    minted = response.json()
    assert 16 <= len(minted["token"]) <= 32 and minted["token"] in minted["url"]
    assert (
        _post(
            devserver, "/handoffs", {"ttl_s": 5, "context": {"kind": "draft", "draft": {}}}
        ).status_code
        == 422
    )


def test_events_are_idempotent_by_id(devserver: DevServer) -> None:
    events = [
        {"id": str(uuid.uuid4()), "type": "screen_view", "at": "2026-11-22T10:00:00+08:00"}
        for _ in range(3)
    ]
    assert _post(devserver, "/events", {"events": events}).json() == {"accepted": 3}
    response = _post(devserver, "/events", {"events": events[:2]})
    assert response.status_code == 202 and response.json() == {"accepted": 2}
    stored = {e["id"]: e["times_received"] for e in devserver.events()}
    assert len(stored) == 3 and sorted(stored.values()) == [1, 2, 2]
    too_many = [
        {"id": str(uuid.uuid4()), "type": "x", "at": "2026-11-22T10:00:00+08:00"}
        for _ in range(501)
    ]
    assert _post(devserver, "/events", {"events": too_many}).status_code == 422


# --- faults --------------------------------------------------------------------------
def test_status_fault_with_retry_after_then_recovery(devserver: DevServer) -> None:
    devserver.fault("/api/v1/content/changes", "status", status=503, retry_after=7, count=2)
    for _ in range(2):
        response = _get(devserver, "/content/changes")
        assert response.status_code == 503 and response.headers["Retry-After"] == "7"
    assert _get(devserver, "/content/changes").status_code == 200


def test_malformed_and_wrong_type_faults(devserver: DevServer) -> None:
    devserver.fault("/content/changes", "malformed_json", count=1)
    with pytest.raises(ValueError):
        _get(devserver, "/content/changes").json()
    devserver.fault("/content/changes", "wrong_types", count=1)
    assert not isinstance(_get(devserver, "/content/changes").json()["changes"], list)
    devserver.fault("/content/changes", "huge", count=1, size_bytes=3_000_000)
    assert len(_get(devserver, "/content/changes").content) == 3_000_000
    assert _get(devserver, "/content/changes").status_code == 200


def test_drop_after_commit_stores_once_and_the_retry_gets_200(devserver: DevServer) -> None:
    devserver.fault("/api/v1/submissions", "drop_after_commit", count=1)
    body = _submission()
    with pytest.raises(requests.ConnectionError):
        _post(devserver, "/submissions", body)
    assert len(devserver.submissions()) == 1
    retry = _post(devserver, "/submissions", body)
    assert retry.status_code == 200
    assert devserver.submissions()[0]["tracking_no"] == retry.json()["tracking_no"]


def test_close_connection_fault_then_clear(devserver: DevServer) -> None:
    devserver.fault("/api/v1/health", "close_connection")
    with pytest.raises(requests.ConnectionError):
        requests.get(devserver.url + "/health", timeout=10)
    devserver.clear_faults()
    assert requests.get(devserver.url + "/health", timeout=10).status_code == 200


def test_subprocess_server_survives_kill_with_its_data() -> None:
    with DevServer(dataset="empty", in_subprocess=True) as server:
        change = server.upsert("faq", "faq-kill", FAQ)
        server.kill()
        with pytest.raises(requests.ConnectionError):
            requests.get(server.url + "/health", timeout=5)
        server.restart()
        changes, _ = _pull_all(server)
        assert [(c["id"], c["seq"]) for c in changes] == [("faq-kill", change["seq"])]


def test_concurrent_deliveries_of_one_submission_store_it_once(devserver: DevServer) -> None:
    body = _submission()
    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = sorted(
            pool.map(lambda _: _post(devserver, "/submissions", body).status_code, range(8))
        )
    assert statuses == [200] * 7 + [201]
    stored = devserver.submissions()
    assert len(stored) == 1 and stored[0]["deliveries"] == 8


def test_slow_fault_trips_a_client_read_timeout(devserver: DevServer) -> None:
    devserver.fault("/api/v1/health", "slow", delay_s=3, count=1)
    with pytest.raises(requests.ReadTimeout):
        requests.get(devserver.url + "/health", timeout=(5, 0.3))
    assert requests.get(devserver.url + "/health", timeout=10).status_code == 200


def test_dev_content_is_validated_unless_unchecked(devserver: DevServer) -> None:
    with pytest.raises(DevServerError):
        devserver.upsert("faq", "faq-bad", {"kind": "faq", "question": 5})
    change = devserver.upsert("faq", "faq-bad", {"kind": "faq", "question": 5}, checked=False)
    assert change["data"] == {"kind": "faq", "question": 5}
    with pytest.raises(DevServerError):
        devserver.delete("faq", "faq-never-existed")
