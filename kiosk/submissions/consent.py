"""The service agreement and risk notice a citizen accepts before submitting anything.

Kept in code, in both languages, with one version string: the version the
citizen accepted travels with each submission as ``consent_version``. Change
the text -> change the version.
"""

from __future__ import annotations

from dataclasses import dataclass

CONSENT_VERSION = "2026-11-v1"


@dataclass(frozen=True)
class ConsentText:
    version: str
    title: str
    sections: tuple[tuple[str, str], ...]  # (heading, body)
    declined_help: str


_ZH = ConsentText(
    CONSENT_VERSION,
    "服务协议与风险提示",
    (
        (
            "一、解答仅供参考",
            "平台的法律咨询解答由志愿者、律师等法律服务人员提供，仅供参考，不构成正式法律意见。"
            "平台及解答人员不对您采纳解答后产生的任何后果承担责任。重要事项请到窗口或找律师当面咨询。",
        ),
        (
            "二、不在线解答的事项",
            "已经起诉、正在诉讼，或正由法院、仲裁机构、行政机关等处理的事项，不在线解答，"
            "请到诉讼服务中心或大厅窗口咨询。重复提问、与法律无关或滥用服务的提问也不予解答。",
        ),
        (
            "三、答复时间",
            "留言咨询一般在承诺时间内答复（以提交时显示的时间为准）；投诉按规定时限办理。"
            "提交后不能撤回或删除。",
        ),
        (
            "四、个人信息保护",
            "您的姓名、手机号码、身份证号码只用于办理您的事项并转交有关部门，不会公开。"
            "在本机保存时加密，平台收到后即从本机删除。选择公开的问题会隐去个人信息；"
            "请不要在公开内容中写入他人的姓名、电话、住址、证件号码或照片。",
        ),
        (
            "五、内容要求",
            "请如实、文明地描述问题。违法、侮辱诽谤、歧视、广告、乱码或大量特殊符号的内容不予受理。",
        ),
    ),
    "不同意也没关系：您可以到大厅服务窗口当面咨询或投诉，也可以拨打 12348 公共法律服务热线。",
)

_EN = ConsentText(
    CONSENT_VERSION,
    "Service agreement and risk notice",
    (
        (
            "1. Answers are for reference only",
            "Answers are given by volunteers, lawyers and other legal service workers for reference "
            "only; they are not formal legal opinions. Neither the platform nor the person who "
            "answers is liable for what follows from acting on an answer. For important matters, "
            "please ask at a window or see a lawyer in person.",
        ),
        (
            "2. Matters not answered online",
            "Matters already before a court, or being handled by a court, an arbitration body or "
            "another authority, are not answered online: please go to the litigation service "
            "centre or a hall window. Repeated questions, questions unrelated to law and abuse of "
            "the service are not answered either.",
        ),
        (
            "3. When you get an answer",
            "Written questions are normally answered within the promised time shown when you "
            "submit; complaints are handled within the statutory time limit. A submission cannot "
            "be withdrawn or deleted once submitted.",
        ),
        (
            "4. Your personal data",
            "Your name, mobile number and ID number are used only to handle your matter and to "
            "pass it to the body that handles it; they are never published. This kiosk keeps them "
            "encrypted and deletes them once the platform has received your submission. Public "
            "questions are shown without personal data; please do not write other people's names, "
            "phone numbers, addresses, ID numbers or photos into public text.",
        ),
        (
            "5. What is accepted",
            "Describe your matter truthfully and politely. Unlawful, insulting, defamatory or "
            "discriminatory content, advertising, gibberish and strings of special symbols are "
            "not accepted.",
        ),
    ),
    "If you do not agree, you can still get help: ask at a service window in this hall, or call "
    "the 12348 public legal service hotline.",
)


def consent_text(language: str) -> ConsentText:
    """The agreement in ``language`` ("zh" or "en"; anything else gets Chinese)."""
    return _EN if language.lower().startswith("en") else _ZH
