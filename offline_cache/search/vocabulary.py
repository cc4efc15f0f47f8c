"""The words search understands: colloquial-to-legal terms, stop words, law
abbreviations (files in ``assets/search/``), and the segmenter built on them.

No Chinese word segmenter is installed; jieba would add ~1 s of dictionary
loading at first use. Queries are short, and what matters is finding the words
we can do something with (colloquial keys, legal terms, law titles, stop
words), so forward maximum matching over this vocabulary is enough: anything
it does not know stays as an unknown chunk and is searched as typed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from offline_cache.search.text import fold

ASSETS = Path(__file__).resolve().parents[2] / "assets" / "search"
_MAX_WORD = 16


@dataclass(frozen=True)
class Vocabulary:
    # colloquial (folded) -> groups of alternative statutory terms
    colloquial: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    stop_words: frozenset[str] = frozenset()
    # abbreviation -> full law title, e.g. 道交法 -> 中华人民共和国道路交通安全法
    law_aliases: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls, folder: Path = ASSETS) -> Vocabulary:
        return cls(
            colloquial=parse_colloquial(_lines(folder / "colloquial.tsv")),
            stop_words=frozenset(fold(w) for w in _lines(folder / "stopwords.txt")),
            law_aliases=parse_aliases(_lines(folder / "law_aliases.tsv")),
        )


def _lines(path: Path) -> list[str]:
    if not path.exists():
        return []
    return [
        line.rstrip("\n")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]


def parse_colloquial(lines: Iterable[str]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """``key<TAB>a|b;c`` -> {key: ((a, b), (c,))}: ';' separates concepts, '|' alternatives."""
    entries: dict[str, tuple[tuple[str, ...], ...]] = {}
    for line in lines:
        key, _, rest = line.partition("\t")
        key = fold(key.strip())
        groups = tuple(
            tuple(fold(term.strip()) for term in group.split("|") if term.strip())
            for group in rest.split(";")
        )
        groups = tuple(g for g in groups if g)
        if key and groups:
            entries[key] = groups
    return entries


def parse_aliases(lines: Iterable[str]) -> dict[str, str]:
    aliases: dict[str, str] = {}
    for line in lines:
        alias, _, title = line.partition("\t")
        if alias.strip() and title.strip():
            aliases[fold(alias.strip())] = title.strip()
    return aliases


class Segmenter:
    """Forward maximum matching over a known-word set; unknown characters are kept in chunks."""

    def __init__(self, words: Iterable[str]):
        self._words = {w for w in words if 1 <= len(w) <= _MAX_WORD}
        self._longest = max((len(w) for w in self._words), default=1)

    def segment(self, run: str) -> list[tuple[str, bool]]:
        """(piece, known) pairs covering ``run`` in order."""
        pieces: list[tuple[str, bool]] = []
        unknown = ""
        position = 0
        while position < len(run):
            for size in range(min(self._longest, len(run) - position), 1, -1):
                candidate = run[position : position + size]
                if candidate in self._words:
                    break
            else:
                size = 1
                candidate = run[position]
                if candidate not in self._words:
                    unknown += candidate
                    position += 1
                    continue
            if unknown:
                pieces.append((unknown, False))
                unknown = ""
            pieces.append((candidate, True))
            position += size
        if unknown:
            pieces.append((unknown, False))
        return pieces
