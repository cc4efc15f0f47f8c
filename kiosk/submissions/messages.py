"""Citizen-facing wording of rule problems, translatable (context "submissions").

The Chinese text is the source; English comes from ui/i18n/en/submissions.ts.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from kiosk.submissions.rules import Problem

CONTEXT = "submissions"


translate = QCoreApplication.translate


def _templates() -> dict[str, str]:
    # Listed literally so that lupdate finds every string.
    return {
        "required": translate("submissions", "请填写此项"),
        "too_short": translate("submissions", "至少需要 {minimum} 个字，目前 {length} 个字"),
        "too_long": translate("submissions", "最多 {maximum} 个字"),
        "contentless": translate("submissions", "请用文字写明内容，不能只有标点、空格或表情"),
        "control_characters": translate(
            "submissions", "内容中有不可见字符或控制字符，请删除后重新输入"
        ),
        "symbol_spam": translate("submissions", "请不要连续输入特殊符号"),
        "fullwidth_spam": translate("submissions", "请不要连续输入全角字母或数字"),
        "repeated_characters": translate("submissions", "请不要重复输入同一个字"),
        "sensitive_words": translate("submissions", "公开内容中不能出现以下词语：{words}"),
        "personal_numbers_in_public": translate(
            "submissions", "公开内容中有 {count} 个电话号码或身份证号码。请删除，或改为不公开"
        ),
        "personal_numbers_in_subject": translate(
            "submissions", "标题中请不要写电话号码或证件号码，需要时请写在问题内容里并选择不公开"
        ),
        "invalid_name": translate("submissions", "请填写真实姓名"),
        "invalid_phone": translate("submissions", "请填写 11 位手机号码"),
        "in_litigation": translate(
            "submissions",
            "已经进入诉讼或正由有关机关处理的事项不能在线解答。请到诉讼服务中心或大厅窗口咨询",
        ),
        "invalid_respondent": translate("submissions", "请重新选择被投诉对象"),
        "score_required": translate("submissions", "请选择一个评分"),
        "score_range": translate("submissions", "评分应在 {minimum} 到 {maximum} 之间"),
        "duplicate": translate(
            "submissions", "您在 24 小时内已提交过相同的内容，编号 {client_ref}，请勿重复提交"
        ),
        "daily_limit": translate(
            "submissions", "每人每天最多提交 {limit} 次，请明天再来或到窗口咨询"
        ),
        "payload_too_large": translate("submissions", "内容太长，无法提交，请删减后再试"),
        "wrong_kind": translate("submissions", "表格有误，请重新填写"),
    }


def problem_message(problem: Problem) -> str:
    """The message to show next to the problem's field, in the current language."""
    template = _templates().get(problem.code, translate("submissions", "内容不符合要求，请修改"))
    try:
        return template.format(**problem.params)
    except (KeyError, IndexError, ValueError):
        return template


def messages_by_field(problems: list[Problem]) -> dict[str, str]:
    """The first message of each field, ready to show next to it."""
    found: dict[str, str] = {}
    for problem in problems:
        found.setdefault(problem.field, problem_message(problem))
    return found


def submission_language(session_language: str) -> str:
    """The contract's language code ("zh" or "en") for the UI language of the session."""
    return "en" if session_language.lower().startswith("en") else "zh"
