"""The remotely managed kiosk configuration: its default, merge patches and ETag."""

from __future__ import annotations

import copy
import hashlib
import json
from typing import Any

DEFAULT_CONFIG: dict[str, Any] = {
    "maintenance": {
        "active": False,
        "message_zh": "系统维护中，请到人工窗口办理。",
        "message_en": "Under maintenance. Please go to a service window.",
        "until": None,
    },
    "idle_timeout_s": 120,
    "consultation": {
        "categories": [
            {"code": "marriage_family", "name_zh": "婚姻家庭", "name_en": "Marriage and family"},
            {"code": "labour", "name_zh": "劳动争议", "name_en": "Labour disputes"},
            {"code": "lending", "name_zh": "借贷纠纷", "name_en": "Loans and debts"},
            {"code": "traffic", "name_zh": "交通事故", "name_en": "Traffic accidents"},
            {"code": "tenancy", "name_zh": "房屋租赁", "name_en": "Housing and tenancy"},
            {"code": "consumer", "name_zh": "消费维权", "name_en": "Consumer rights"},
            {"code": "other", "name_zh": "其他", "name_en": "Other"},
        ],
        "answer_within_hours": 5,
        "max_per_citizen_per_day": 5,
    },
    "sensitive_words": ["赌博", "博彩", "六合彩", "枪支", "毒品", "办假证", "代开发票", "裸聊"],
    "miniprogram": {"static_url_template": "https://mp.example.gov.cn/p/{type}/{id}"},
    "speech": {"rate": 170, "volume": 0.8},
}


def merge_patch(target: Any, patch: Any) -> Any:
    """RFC 7386 JSON merge patch: objects merge, ``null`` removes, anything else replaces."""
    if not isinstance(patch, dict):
        return copy.deepcopy(patch)
    result = dict(target) if isinstance(target, dict) else {}
    for key, value in patch.items():
        if value is None:
            result.pop(key, None)
        else:
            result[key] = merge_patch(result.get(key), value)
    return result


def config_etag(config: dict[str, Any]) -> str:
    """A strong ETag (quotes included) that changes whenever the configuration does."""
    canonical = json.dumps(config, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return '"' + hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:24] + '"'


def etag_matches(if_none_match: str | None, etag: str) -> bool:
    """Whether an If-None-Match header names the current ETag (weak comparison)."""
    if not if_none_match:
        return False
    if if_none_match.strip() == "*":
        return True
    wanted = etag.removeprefix("W/")
    return any(
        candidate.strip().removeprefix("W/") == wanted for candidate in if_none_match.split(",")
    )
