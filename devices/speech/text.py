"""Turning display text into short pieces espeak-ng reads well.

Cheap fixes only: espeak-ng pauses at full-width punctuation in Mandarin but
not at ASCII punctuation squeezed between Hanzi, reads ``*`` aloud as
"asterisk", and the English voice says nothing useful for 。 or ，. Long texts
are cut into sentences (and over-long sentences at commas) so the first piece
is synthesized in a few milliseconds and an interruption takes effect at once.

Personal data is not this module's business: the kiosk masks ID and phone
numbers before text reaches a speech engine (see ``kiosk.speech_text``).
"""

from __future__ import annotations

import re
import unicodedata

# Pieces longer than this (characters) are cut at clause punctuation.
MAX_PIECE_CHARS = {"zh": 40, "en": 160}

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_ASCII_TO_FULL = {",": "，", ".": "。", ";": "；", ":": "：", "!": "！", "?": "？"}
_FULL_TO_ASCII = {
    "，": ", ",
    "、": ", ",
    "。": ". ",
    "；": "; ",
    "：": ": ",
    "！": "! ",
    "？": "? ",
    "（": " (",
    "）": ") ",
    "《": " ",
    "》": " ",
    "“": ' "',
    "”": '" ',
    "「": " ",
    "」": " ",
    "【": " ",
    "】": " ",
    "…": "... ",
    "—": ", ",
}
# Symbols read aloud by name ("bullet", "underscore") that mean a pause to a reader.
_PAUSE_SYMBOLS = re.compile(r"[•●○◆■□▪|_~#=]+")
_SENTENCE_END = re.compile(r"(?<=[。！？；!?;\n])|(?<=\.)(?=\s)")
_CLAUSE_END = re.compile(r"(?<=[，、：,:])")


def normalize_language(language: str) -> str:
    """'zh_CN', 'zh-cn', 'cmn' -> 'zh'; 'en_US', 'en-GB' -> 'en'; anything else -> 'zh'."""
    lowered = (language or "").strip().lower()
    if lowered.startswith("en"):
        return "en"
    return "zh"


def clean_for_speech(text: str, language: str) -> str:
    """One line of text with the punctuation and symbols the voice of ``language`` reads well."""
    language = normalize_language(language)
    text = unicodedata.normalize("NFC", str(text))
    text = "".join(
        " " if unicodedata.category(ch) in {"Cc", "Cf"} and ch != "\n" else ch for ch in text
    )
    # A masked name (张*三, 欧**明): "某" is how a person would read it aloud.
    if language == "zh":
        text = re.sub(rf"(?<=[{_CJK}])\*+(?=[{_CJK}])", "某", text)
    text = re.sub(r"\*+", " ", text)
    text = _PAUSE_SYMBOLS.sub(" ", text)
    if language == "zh":
        text = re.sub(
            rf"(?<=[{_CJK}])\s*([,.;:!?])(?!\d)",
            lambda m: _ASCII_TO_FULL[m.group(1)],
            text,
        )
    else:
        text = "".join(_FULL_TO_ASCII.get(ch, ch) for ch in text)
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    text = re.sub(r" *\n[\s]*", "\n", text)
    return text.strip()


def split_for_speech(text: str, language: str) -> list[str]:
    """Cleaned text cut into sentences (and long sentences into clauses), in reading order."""
    language = normalize_language(language)
    limit = MAX_PIECE_CHARS[language]
    pieces: list[str] = []
    for sentence in _SENTENCE_END.split(clean_for_speech(text, language)):
        sentence = sentence.strip()
        if not sentence or not _has_speakable(sentence):
            continue
        if len(sentence) <= limit:
            pieces.append(sentence)
            continue
        pieces.extend(_cut_long(sentence, limit))
    return pieces


def _cut_long(sentence: str, limit: int) -> list[str]:
    """Cut at clause punctuation, packing clauses up to ``limit``; hard-cut what is still long."""
    out: list[str] = []
    current = ""
    for clause in _CLAUSE_END.split(sentence):
        if not clause.strip():
            continue
        if current and len(current) + len(clause) > limit:
            out.append(current.strip())
            current = ""
        current += clause
        while len(current) > limit:
            cut = current.rfind(" ", 0, limit)
            cut = cut if cut > limit // 2 else limit
            out.append(current[:cut].strip())
            current = current[cut:]
    if current.strip():
        out.append(current.strip())
    return [piece for piece in out if _has_speakable(piece)]


def _has_speakable(text: str) -> bool:
    return any(ch.isalnum() for ch in text)
