"""From what a citizen typed to a query plan: normalisation, article references,
law names, segmentation, stop words and colloquial-to-legal expansion.

Pure functions over strings; nothing here touches the database.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass, field

from offline_cache.search.text import CJK_CLASS, fold, is_cjk
from offline_cache.search.vocabulary import Segmenter, Vocabulary

# Work is bounded whatever arrives: 10 kB of text costs the same as 1 kB.
MAX_INPUT_CHARS = 1000
MAX_QUERY_CHARS = 80
MAX_GROUPS = 8
_CN_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4}
_CN_DIGITS |= {"五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}
_NUMBER = r"\d{1,5}|[零〇一二两三四五六七八九十百千万]{1,10}"
_ARTICLE = re.compile(
    rf"(?P<di>第)?\s*(?P<num>{_NUMBER})\s*(?P<tiao>条)?(?:\s*之\s*(?P<sub>\d{{1,2}}|[一二三四五六七八九十]{{1,3}}))?"
)
_KEEP = re.compile(rf"[^{CJK_CLASS}a-z0-9〇\s]")
_SPACES = re.compile(r"\s+")
_LETTERS = re.compile(r"[a-z]+")
_LICENSE = re.compile(r"[a-z0-9]*\d{4,}[a-z0-9]*")


@dataclass(frozen=True)
class TermGroup:
    """One concept of the query: any of its members counts as a match."""

    members: tuple[str, ...]
    weight: float = 1.0
    # Typed text the vocabulary does not know (may be a phrase, a typo, a fragment).
    unknown: bool = False

    def pieces(self) -> list[TermGroup]:
        """Its overlapping 2-character words, for when the whole finds nothing."""
        term = self.members[0]
        return [TermGroup((term[i : i + 2],), 0.5) for i in range(len(term) - 1)]


@dataclass(frozen=True)
class ArticleRef:
    law_id: str
    no: int
    sub: int


@dataclass
class QueryPlan:
    text: str
    groups: list[TermGroup] = field(default_factory=list)
    article_refs: list[ArticleRef] = field(default_factory=list)
    law_ids: list[str] = field(default_factory=list)
    pinyin: str | None = None
    license_no: str | None = None

    @property
    def compact(self) -> str:
        return self.text.replace(" ", "")

    @property
    def is_empty(self) -> bool:
        return not (
            self.groups or self.article_refs or self.law_ids or self.pinyin or self.license_no
        )


def normalise(query: str) -> str:
    """Half-width, lower case, only Chinese characters, letters, digits and single spaces.

    Quotes, FTS5 operators, SQL, emoji and control characters become spaces.
    """
    if not isinstance(query, str):
        return ""
    text = fold(query[:MAX_INPUT_CHARS])
    text = "".join(" " if unicodedata.category(c)[0] in "CZ" else c for c in text)
    text = _KEEP.sub(" ", text)
    return _SPACES.sub(" ", text).strip()[:MAX_QUERY_CHARS].strip()


def chinese_number(text: str) -> int | None:
    """一千零七十七 -> 1077, 十九 -> 19, 133 -> 133; None when it is not a number."""
    if text.isdigit():
        return int(text)
    total, section, digit = 0, 0, None
    for char in text:
        if char in "零〇":
            continue  # a place holder: 一千零十 is 1010
        if char in _CN_DIGITS:
            digit = _CN_DIGITS[char]
        elif char in _CN_UNITS:
            unit = _CN_UNITS[char]
            if unit == 10000:
                total += (section + (digit or 0)) * unit
                section = 0
            else:
                section += (1 if digit is None else digit) * unit
            digit = None
        else:
            return None
    return total + section + (digit or 0)


class QueryPlanner:
    """Turns a query into a plan, given the vocabulary and the law names present."""

    def __init__(self, vocabulary: Vocabulary, law_names: dict[str, str]):
        # law_names: folded title / short title / abbreviation -> law_id
        self._vocabulary = vocabulary
        self._law_names = law_names
        # Single-character stop words stay out of the dictionary: as words they
        # would cut unknown words apart (上限 -> 上 + 限); they are trimmed off
        # the ends of unknown chunks instead.
        words: set[str] = set(vocabulary.colloquial) | set(law_names)
        words |= {w for w in vocabulary.stop_words if len(w) > 1}
        self._single_stops = "".join(w for w in vocabulary.stop_words if len(w) == 1)
        for groups in vocabulary.colloquial.values():
            for group in groups:
                words.update(m for m in group if all(is_cjk(c) for c in m))
        self._segmenter = Segmenter(words)

    def plan(self, query: str) -> QueryPlan:
        text = normalise(query)
        plan = QueryPlan(text=text)
        if not text:
            return plan
        compact = plan.compact
        if _LETTERS.fullmatch(compact):
            plan.pinyin = compact
        if _LICENSE.fullmatch(compact):
            plan.license_no = compact
        remaining = self._take_article_refs(text, plan)
        self._take_terms(remaining, plan)
        return plan

    def _take_article_refs(self, text: str, plan: QueryPlan) -> str:
        """Finds ``<law> [第]N[条][之M]``; returns the text with those references removed."""
        kept: list[str] = []
        position = 0
        for match in _ARTICLE.finditer(text):
            if not (match.group("di") or match.group("tiao") or match.group("num").isdigit()):
                continue
            number = chinese_number(match.group("num"))
            if number is None:
                continue
            before = text[position : match.start()].rstrip()
            law = self._law_at_end(before)
            if law is None:
                continue
            alias, law_id = law
            sub_text = match.group("sub")
            sub = chinese_number(sub_text) if sub_text else 0
            plan.article_refs.append(ArticleRef(law_id, number, sub or 0))
            if law_id not in plan.law_ids:
                plan.law_ids.append(law_id)
            kept.append(before[: len(before) - len(alias)])
            position = match.end()
        kept.append(text[position:])
        return " ".join(kept)

    def _law_at_end(self, text: str) -> tuple[str, str] | None:
        """The longest law name that ``text`` ends with."""
        tail = text.replace(" ", "")
        for size in range(min(len(tail), 40), 1, -1):
            candidate = tail[-size:]
            law_id = self._law_names.get(candidate)
            if law_id is not None and text.endswith(candidate):
                return candidate, law_id
        return None

    def _take_terms(self, text: str, plan: QueryPlan) -> None:
        vocabulary = self._vocabulary
        terms: list[tuple[str, bool]] = []
        for run, boundaries in _runs_across_spaces(text):
            if not is_cjk(run[0]):
                terms.append((run, False))
                continue
            offset = 0
            for piece, known in self._segmenter.segment(run):
                # Known words may span a typed space (离婚 房子怎么分); unknown
                # chunks are cut where the citizen put one.
                if known:
                    terms.append((piece, True))
                else:
                    terms.extend((part, False) for part in _cut(piece, offset, boundaries))
                offset += len(piece)
        seen: set[tuple[str, ...]] = set()
        singles: list[str] = []
        for piece, known in terms:
            if not known:
                piece = piece.strip(self._single_stops) if len(piece) > 1 else piece
                if not piece:
                    continue
            if piece in self._law_names:
                law_id = self._law_names[piece]
                if law_id not in plan.law_ids:
                    plan.law_ids.append(law_id)
                continue
            if piece in vocabulary.stop_words:
                continue
            if len(piece) == 1 and is_cjk(piece):
                singles.append(piece)
                continue
            for group in self._expand(piece, known):
                if group.members not in seen:
                    seen.add(group.members)
                    plan.groups.append(group)
        # A lone character is searched only when nothing better was typed.
        if not plan.groups and not plan.law_ids and not plan.article_refs:
            for single in singles[:2]:
                plan.groups.append(TermGroup((single,), 1.0))
        del plan.groups[MAX_GROUPS:]

    def _expand(self, piece: str, known: bool) -> list[TermGroup]:
        entry = self._vocabulary.colloquial.get(piece)
        if entry is None:
            # Unknown chunks may be typos or fragments: they count a little less.
            return [TermGroup((piece,), 1.0 if known else 0.8, unknown=not known)]
        # The entry lists what to search; the everyday word itself only if a
        # statute uses it (低保 as a string would match 降低保险).
        groups = [TermGroup(entry[0], 1.0)]
        groups.extend(TermGroup(group, 0.6) for group in entry[1:])
        return groups


_ITEM = re.compile(rf"[{CJK_CLASS}〇]+|[a-z0-9]+")


def _runs_across_spaces(text: str) -> list[tuple[str, list[int]]]:
    """Runs of Chinese joined across spaces, with the offsets where spaces were."""
    result: list[tuple[str, list[int]]] = []
    previous_end = -1
    for match in _ITEM.finditer(text):
        item = match.group()
        joinable = (
            result
            and is_cjk(item[0])
            and is_cjk(result[-1][0][-1])
            and text[previous_end : match.start()].isspace()
        )
        if joinable:
            run, boundaries = result[-1]
            result[-1] = (run + item, [*boundaries, len(run)])
        else:
            result.append((item, []))
        previous_end = match.end()
    return result


def _cut(piece: str, offset: int, boundaries: list[int]) -> list[str]:
    cuts = [b - offset for b in boundaries if offset < b < offset + len(piece)]
    edges = [0, *cuts, len(piece)]
    return [piece[a:b] for a, b in itertools.pairwise(edges) if b > a]
