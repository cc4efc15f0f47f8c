"""The kiosk configuration: merge patches, ETags, If-None-Match."""

from __future__ import annotations

from devserver import contract
from devserver.kiosk_config import DEFAULT_CONFIG, config_etag, etag_matches, merge_patch


def test_default_config_is_contract_valid() -> None:
    assert contract.validate("KioskConfig", DEFAULT_CONFIG) == []
    names = [c["name_zh"] for c in DEFAULT_CONFIG["consultation"]["categories"]]
    assert names[:2] == ["婚姻家庭", "劳动争议"] and names[-1] == "其他"


def test_merge_patch_merges_replaces_and_removes() -> None:
    patched = merge_patch(
        DEFAULT_CONFIG, {"idle_timeout_s": 300, "speech": None, "maintenance": {"active": True}}
    )
    assert patched["idle_timeout_s"] == 300 and "speech" not in patched
    assert patched["maintenance"]["active"] is True
    assert patched["maintenance"]["message_zh"] == DEFAULT_CONFIG["maintenance"]["message_zh"]
    assert DEFAULT_CONFIG["maintenance"]["active"] is False  # the original is untouched


def test_etag_follows_content_not_key_order() -> None:
    etag = config_etag({"a": 1, "b": [1, 2]})
    assert etag == config_etag({"b": [1, 2], "a": 1})
    assert etag != config_etag({"a": 2, "b": [1, 2]})
    assert etag.startswith('"') and etag.endswith('"')
    assert (
        etag_matches(etag, etag)
        and etag_matches(f'"x", W/{etag}', etag)
        and etag_matches("*", etag)
    )
    assert not etag_matches(None, etag) and not etag_matches('"other"', etag)
