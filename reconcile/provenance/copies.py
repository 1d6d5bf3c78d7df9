"""Copies of one article: wire copy run by several outlets, an aggregator's reprint, a story
republished with an "Updated at" line.  A copy group counts once as a source.

Each document is reduced to fingerprints: word 4-grams of its folded text (as extraction folded
it), sampled where the first word's hash falls in a fixed residue class (so two copies sample the same places), each
hashed as a tuple of word hashes (deterministic across processes: int tuples are not salted).
Documents are taken in corpus order; a document joins the group of the earlier document it
shares the most fingerprints with when they cover most of the shorter of the two.  Only a
group's first document is indexed, and a fingerprint found in very many groups is boilerplate
(a site's footer) and no longer looked up: time stays linear in the corpus.
"""
from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import Mapping
from itertools import chain, compress, repeat
from operator import itemgetter

from reconcile.records import CopyGroup

SHINGLE_WORDS = 4
SAMPLE_EVERY = 3             # keep one shingle in three (by the first word's hash)
MIN_SHARED = 3               # fewer shared fingerprints than this is chance
MIN_CONTAINMENT = 0.5        # share of the shorter document's fingerprints found in the other
BOILERPLATE_GROUPS = 30      # a fingerprint in more groups than this is a stock phrase or boilerplate


class _WordHashes(dict[str, int]):
    """crc32 of each distinct word, and whether a shingle it begins is sampled, computed once
    per run: a word is hashed the first time it is looked up (``__missing__``), so a document
    of known words costs one lookup per word, all in C."""

    def __init__(self) -> None:
        super().__init__()
        self.sampled: set[str] = set()

    def __missing__(self, word: str) -> int:
        self[word] = h = zlib.crc32(word.encode("utf-8"))
        if h % SAMPLE_EVERY == 0:
            self.sampled.add(word)
        return h

    def of(self, words: list[str]) -> list[int]:
        return list(map(self.__getitem__, words))


def fingerprints(folded: str, words: _WordHashes) -> set[int]:
    """The sampled shingles of a folded text (``engine.normalise.fold``)."""
    tokens = folded.split()
    hashes = words.of(tokens)
    shingles = zip(*(hashes[k:] for k in range(SHINGLE_WORDS)), strict=False)
    # only a third of the shingles is hashed; picked in C, by the first word
    return set(map(hash, compress(shingles, map(words.sampled.__contains__, tokens))))


class _Index:
    """Fingerprint -> the groups (by their first document) it was seen in."""

    def __init__(self) -> None:
        self.postings: dict[int, list[int]] = {}
        self.boilerplate: set[int] = set()

    def informative(self, fps: set[int]) -> set[int]:
        """The fingerprints that say something about copying (stock phrases shared by many
        groups do not)."""
        return fps - self.boilerplate

    def best_match(self, informative: set[int], sizes: list[int]) -> int | None:
        """The earlier group a document with these informative fingerprints copies."""
        # one update over every posting (same counts, same first-seen order as one per fingerprint)
        postings = self.postings
        shared: Counter[int] = Counter(chain.from_iterable(map(postings.get, informative, repeat(()))))
        # the few groups sharing most (most_common's five: most first, ties in first-seen order,
        # sorted in C rather than by heapq in Python), of those sharing enough not to be chance:
        # a copy shares far more than any template-mate
        enough = compress(shared.items(), map(MIN_SHARED.__le__, shared.values()))
        top = sorted(enough, key=itemgetter(1), reverse=True)[:5]
        for group, n in sorted(top, key=lambda kv: (-kv[1], kv[0])):
            if n >= MIN_CONTAINMENT * min(len(informative), sizes[group]):
                return group
        return None

    def add(self, group: int, informative: set[int]) -> None:
        postings = self.postings
        for fp in informative:
            posting = postings.setdefault(fp, [])
            posting.append(group)
            if len(posting) > BOILERPLATE_GROUPS:
                self.boilerplate.add(fp)
                del postings[fp]


def copy_groups(documents: Mapping[str, str]) -> list[CopyGroup]:
    """Groups of two or more documents that are copies of one another, in corpus order; each
    group is named by its first document.  ``documents``: id -> folded text, in corpus order."""
    words = _WordHashes()
    index = _Index()
    heads: list[int] = []            # group number -> index of its first document
    sizes: list[int] = []            # group number -> fingerprints of its first document
    members: list[list[str]] = []
    for i, (doc_id, folded) in enumerate(documents.items()):
        fps = fingerprints(folded, words)
        informative = index.informative(fps)
        group = index.best_match(informative, sizes) if fps else None
        if group is None:
            group = len(heads)
            heads.append(i)
            sizes.append(len(fps))
            members.append([])
            index.add(group, informative)
        members[group].append(doc_id)
    return [CopyGroup(ids[0], tuple(ids)) for ids in members if len(ids) > 1]
