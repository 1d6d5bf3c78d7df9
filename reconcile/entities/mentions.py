"""Find entity mentions in a text: gazetteer spellings first, then fuzzy spelling variants,
then new names introduced by a title ("الرئيس X", "المتحدث باسم Y X").

Matching is on folded text.  Fuzzy matching is anchored: a variant is accepted only next to
a surname or first name the gazetteer knows, and the surname decides, so two people who
share a first name (فلاديمير بوتين / فلاديمير زيلينسكي) are never merged.
"""
from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Container, Iterable, Iterator, Sequence
from itertools import compress, count

from rapidfuzz import fuzz, process

from reconcile.engine.normalise import NormalText, fold
from reconcile.entities.anaphora import anaphor_refs, bare_title_refs
from reconcile.entities.gazetteer import Gazetteer, Surface
from reconcile.entities.words import Covered, Word, split_words
from reconcile.records import EntityMention

# (start, end, entity id, how) in folded offsets; how: gazetteer | adjective | role | fuzzy | title
# the run's registry entry for a person named after a title: (folded name, language) -> entity id
Discover = Callable[[str, str, str], str]     # (folded name, language, name as written) -> id

# word tokens that never belong to a person's name (checked on folded text)
_DIGIT = re.compile(r"\d")
_PUNCT_GAP = re.compile(r"[^\w\s\"]")        # a comma or a full stop ends a name
# "X, the president's spokesman,": up to this many words from the comma to the title, none of
# them punctuated (an apostrophe belongs to a possessive)
_APPOSITIVE_WORDS = 5
_NOT_IN_APPOSITIVE = re.compile(r"[^\w\s'’-]")


def find_folded(gaz: Gazetteer, nt: NormalText, lang: str, ref: dt.date | None,
                known_words: frozenset[str], discover: Discover) -> list[EntityMention]:
    """Entity mentions in one document, sorted; ``discover`` registers a person the gazetteer
    does not know and names its entity."""
    refs, unresolved = _gazetteer_refs(gaz, nt, lang, ref)
    refs = [r for r in refs if not _hamza_added(gaz, nt, lang, r)]
    kept = _drop_roles_before_names(gaz, refs, nt.text)
    # a title dropped for the name after it still is no name ("رئيس جنوب أفريقيا سيريل رامافوزا")
    unresolved += [(s, e) for s, e, _, _ in set(refs) - set(kept)]
    scan = _Scan(gaz, nt, lang, kept, unresolved)
    found = sorted(scan.variants(kept, known_words, discover))
    found = sorted(found + _surnames_again(scan, found, known_words))
    taken = Covered(len(nt.text), found)
    anaphors = [a for a in anaphor_refs(gaz, nt.text, lang, found) if not taken.any_in(a[0], a[1])]
    found += anaphors
    taken.add_all(anaphors, unresolved)
    found += [a for a in bare_title_refs(gaz, nt, lang, ref, sorted(found)) if not taken.any_in(a[0], a[1])]
    return sorted(found)


_MEDIAL_HAMZA = re.compile(r"\B[أإآ]")


def _hamza_added(gaz: Gazetteer, nt: NormalText, lang: str, r: EntityMention) -> bool:
    """"ترأس" (chaired) folds as "تراس" (Truss): a hamza written inside a word where no listed
    spelling of the name has one is another word (writers drop hamzas, they do not add them)."""
    if r[3] != "gazetteer":
        return False
    os_, oe = nt.to_original(r[0], r[1])
    if not _MEDIAL_HAMZA.search(nt.original[os_:oe]):
        return False
    spellings = [a for a in gaz.entities[r[2]].aliases.get(lang, []) if fold(a) == nt.text[r[0]:r[1]]]
    return bool(spellings) and not any(_MEDIAL_HAMZA.search(a) for a in spellings)


def surname_of(words: list[str]) -> str:
    """The family name among a name's words: the last one, except before a hyphenated given
    name, which East Asian names romanised put last ("Kang Yu-jung": Kang)."""
    if len(words) >= 2 and "-" in words[-1] and "-" not in words[0]:
        return words[0]
    return words[-1]


def _surnames_again(scan: _Scan, found: list[EntityMention], known_words: frozenset[str]) -> list[EntityMention]:
    """"Russian journalist Pavel Zarubin ... When Zarubin asked": a person the text introduced
    after a title is named again later by the surname alone (written with its capital)."""
    surname: dict[str, tuple[int, str, str]] = {}
    for s, e, eid, how in found:
        words = scan.text[s:e].split()
        last = surname_of(words) if len(words) >= 2 else ""
        if how == "title" and len(last) >= 3 and last not in known_words:
            surname.setdefault(last, (e, eid, how))
        elif how in ("gazetteer", "fuzzy") and _unlisted_surname(scan, eid, last, known_words):
            # "Prime Minister Pedro Sánchez ... Sánchez has argued": a listed person's surname
            # the gazetteer does not list alone, in a script that writes names with a capital
            surname.setdefault(last, (e, eid, "fuzzy"))
    if not surname:
        return []
    taken = Covered(len(scan.text), found)
    out: list[EntityMention] = []
    for i in scan.indices_of(surname):
        w = scan.words[i]
        hit = surname[w[2]]
        if w[0] >= hit[0] and not taken.at(w[0]) and scan.capitalised(w):
            out.append((w[0], w[1], hit[1], hit[2]))
    return out


def _unlisted_surname(scan: _Scan, eid: str, last: str, known_words: frozenset[str]) -> bool:
    """A gazetteer person's surname (not a patronymic's last word: "bin Zayed" is the father)
    that names nothing by itself in the gazetteer."""
    return (len(last) >= 4 and last not in known_words and scan.gaz.entities[eid].type == "person"
            and last.isalpha() and last.lower() != last.upper() and not scan.gaz.lookup(scan.lang, last)
            and not any(w in _PATRONYMIC_WORDS for a in scan.gaz.entities[eid].aliases.get(scan.lang, [])
                        for w in a.lower().split()))


_PATRONYMIC_WORDS = frozenset({"bin", "bint", "ibn", "ben"})


def _gazetteer_refs(gaz: Gazetteer, nt: NormalText, lang: str,
                    ref: dt.date | None) -> tuple[list[EntityMention], list[tuple[int, int]]]:
    """Spellings the gazetteer lists, and the spans of titles whose holder that day is unknown."""
    refs: list[EntityMention] = []
    unresolved: list[tuple[int, int]] = []
    text = nt.text
    # an article names the same people again and again: each spelling is chosen once
    chosen: dict[str, tuple[str | None, str]] = {}
    for s, e in gaz.matcher(lang).spans(text):
        surface = text[s:e]
        if surface in chosen:
            eid, how = chosen[surface]
        else:
            cands = gaz.lookup(lang, surface)
            if any(c.exact_case for c in cands):
                # the choice depends on how this occurrence is written: not kept
                os_, oe = nt.to_original(s, e)
                written = nt.original[os_:oe].replace(".", "")
                cands = [c for c in cands if not c.exact_case or c.exact_case.replace(".", "") == written]
                eid, how = _choose(cands, ref)
            else:
                eid, how = chosen[surface] = _choose(cands, ref)
        if how == "role" and _past_holder(gaz, lang, text, s, e):
            eid = None      # "former US President", "الرئيس الأمريكي السابق": not the holder that day
        if eid:
            refs.append((s, e, eid, how))
        else:
            unresolved.append((s, e))
    return refs, unresolved


_WORD_BEFORE = re.compile(r"(\w+)[\s-]*$")
_WORD_AFTER = re.compile(r"[\s-]*(\w+)")


def _past_holder(gaz: Gazetteer, lang: str, text: str, s: int, e: int) -> bool:
    """A title with a "former" word just before or after it."""
    words = gaz.former.get(lang)
    if not words:
        return False
    before = _WORD_BEFORE.search(text, max(0, s - 24), s)
    after = _WORD_AFTER.match(text, e, e + 24)
    return bool((before and before.group(1) in words) or (after and after.group(1) in words))


def _choose(cands: Sequence[Surface], ref: dt.date | None) -> tuple[str | None, str]:
    names = [c for c in cands if c.kind == "name"]
    if names:
        return names[0].entity, "gazetteer"
    adjs = [c for c in cands if c.kind == "adjective"]
    if adjs:
        return adjs[0].entity, "adjective"
    roles = [c for c in cands if c.kind == "role"]
    if not roles:
        return None, ""
    if ref is not None:
        iso = ref.isoformat()
        live = [c for c in roles if (c.valid[0] or "0000") <= iso and (c.valid[1] or "9999") > iso]
        holders = {c.entity for c in live}
        if len(holders) == 1:
            return holders.pop(), "role"
        return None, ""
    holders = {c.entity for c in roles}
    return (holders.pop(), "role") if len(holders) == 1 else (None, "")


def _drop_roles_before_names(gaz: Gazetteer, refs: list[EntityMention], text: str) -> list[EntityMention]:
    """"الرئيس البرازيلي لولا دا سيلفا": the name, not the title, says who it is."""
    refs = sorted(refs)
    out = []
    for i, r in enumerate(refs):
        if r[3] == "role" and i + 1 < len(refs):
            nxt = refs[i + 1]
            gap = text[r[1]:nxt[0]]
            if nxt[3] in ("gazetteer", "fuzzy") and len(gap) <= 3 and \
                    gaz.entities[nxt[2]].type == "person":
                continue
        out.append(r)
    return out


class _Scan:
    """One document's words, and which of their characters a mention already covers."""

    def __init__(self, gaz: Gazetteer, nt: NormalText, lang: str, refs: list[EntityMention],
                 unresolved: list[tuple[int, int]]):
        text = nt.text
        self.gaz, self.nt, self.text, self.lang = gaz, nt, text, lang
        self.starts, self.word_texts, self.words = split_words(text)
        self.covered = Covered(len(text), unresolved, refs)

    def capitalised(self, word: Word) -> bool:
        """Whether the word is written with a capital (folding lower-cases it); true in scripts
        without case."""
        os_, _ = self.nt.to_original(word[0], word[1])
        c = self.nt.original[os_:os_ + 1]
        return not c.isalpha() or c.isupper() or c.lower() == c.upper()

    def indices_of(self, vocabulary: Container[str]) -> Iterator[int]:
        """The indices of the words in ``vocabulary``, in order (the membership tests run in C:
        most words are in none of the small vocabularies looked for)."""
        return compress(count(), map(vocabulary.__contains__, self.word_texts))

    def is_covered(self, word: Word) -> bool:
        return self.covered.any_in(word[0], word[1])

    def variants(self, refs: list[EntityMention], known_words: frozenset[str],
                 discover: Discover) -> list[EntityMention]:
        """Extend or add person mentions whose spelling the gazetteer does not list."""
        out = self._extend_first_names(refs)
        learned = self._surname_variants(out)
        if learned:
            self._learned_surnames(out, learned)
        titled = _Titled(self, self._person_at(out), known_words, discover)
        titled.role_words = {w for w in self._person_at(r for r in out if r[3] == "role")}
        out.extend(titled.names())
        return out

    def _extend_first_names(self, refs: list[EntityMention]) -> list[EntityMention]:
        """A known surname with an unlisted first-name spelling before it: extend the mention."""
        words, text = self.words, self.text
        starts = self.starts
        parts = self.gaz.name_parts(self.lang)
        first_tokens, by_first = parts.first, parts.by_first
        # "على بوتين" is "on Putin", "الرئيس بوتين" a title: neither a first name
        stop = self.gaz.title_words(self.lang).not_first
        article = self.gaz.article.get(self.lang)
        out = []
        for s, e, eid, how in refs:
            i = bisect_left(starts, s) if how == "gazetteer" else 0
            if i >= len(starts) or starts[i] != s:
                i = 0           # no word starts there: nothing before it to extend with
            if self.gaz.entities[eid].type == "person" and how == "gazetteer" and i and \
                    len(text[s:e].split()) == 1:
                ps, pe, pw = words[i - 1]
                if pe <= s and text[pe:s].strip() in ("", '"') and not self.covered.at(ps) and \
                        len(pw) >= 3 and eid in first_tokens:
                    best = max(fuzz.ratio(pw, f) for f in first_tokens[eid])
                    # another person's first name before a known surname ("فلاديمير أوشاكوف"
                    # for Yuri Ushakov): the surname decides whose name it is
                    if best >= 75 or (pw in by_first and pw not in stop and
                                      not (article and pw.startswith(article))):
                        out.append((ps, e, eid, "fuzzy"))
                        self.covered.add(ps, s)
                        continue
            out.append((s, e, eid, how))
        return out

    def _surname_variants(self, out: list[EntityMention]) -> dict[str, str]:
        """First name known exactly, surname a variant ("ليز تروس" for "ليز تراس"): added to
        ``out``; returns the surname spellings so learned."""
        # a common first name ("علي", also "on") is met often: word lists read, cheap tests first
        text, starts, ends, texts = self.text, self.starts, self.words.ends, self.word_texts
        parts = self.gaz.name_parts(self.lang)
        covered = self.covered.at
        learned: dict[str, str] = {}
        last = len(texts) - 1
        for i in self.indices_of(parts.by_first):
            if i == last:
                continue
            nw = texts[i + 1]
            if len(nw) < 3:
                continue
            s, ns, e = starts[i], starts[i + 1], ends[i]
            if covered(s) or covered(ns) or text[e:ns].strip():
                continue
            ne = ends[i + 1]
            best = parts.closest_surname(texts[i], nw)
            if best:
                out.append((s, ne, best[1], "fuzzy"))
                self.covered.add(s, ne)
                learned[nw] = best[1]
        return learned

    def _learned_surnames(self, out: list[EntityMention], learned: dict[str, str]) -> None:
        """A surname variant learned above, standing alone later in the same article."""
        clitics = self.gaz.clitic_letters.get(self.lang, "")
        for s, e, w in self.words:
            if self.covered.at(s):
                continue
            if w in learned:
                out.append((s, e, learned[w], "fuzzy"))
            elif w[:1] in clitics and w[1:] in learned:   # "وتروس"
                out.append((s + 1, e, learned[w[1:]], "fuzzy"))
            else:
                continue
            self.covered.add(s, e)

    def _person_at(self, refs: Iterable[EntityMention]) -> dict[int, str]:
        """Which words a person's name covers, by the word's start."""
        starts, ends = self.starts, self.words.ends
        entities = self.gaz.entities
        n = len(starts)
        person_at: dict[int, str] = {}
        for s, e, eid, _ in refs:
            if entities[eid].type == "person":
                i = bisect_right(starts, s) - 1
                while 0 <= i < n and starts[i] < e:
                    if ends[i] > s:
                        person_at[starts[i]] = eid
                    i += 1
        return person_at


class _Titled:
    """Names right after a title ("وزير الدفاع الروسي سيرغي شويغو"): a fuzzy variant of a
    gazetteer person, or else a person the gazetteer does not know yet."""

    def __init__(self, scan: _Scan, person_at: dict[int, str], known_words: frozenset[str],
                 discover: Discover):
        gaz, lang = scan.gaz, scan.lang
        self.scan, self.person_at, self.known_words, self.discover = scan, person_at, known_words, discover
        self.role_words: set[int] = set()      # starts of words a title naming its holder covers
        self.person_names = gaz.person_names(lang)
        self.counterparts = gaz.counterparts.get(lang, frozenset())
        self.qualifiers = gaz.qualifiers.get(lang, frozenset())
        words = gaz.title_words(lang)
        self.titles, self.title_starts = words.titles, words.starts
        self.stop = gaz.stopwords.get(lang, frozenset())
        self.article = gaz.article.get(lang)

    def names(self) -> list[EntityMention]:
        words, text = self.scan.words, self.scan.text
        found: list[EntityMention] = []
        i = 0           # the first word not read yet
        for title_at in self.scan.indices_of(self.title_starts):
            if title_at < i:
                continue
            if title_at >= len(words) - 1:
                break
            i = title_at
            w = words[i][2]
            two = f"{w} {words[i + 1][2]}"
            if w not in self.titles and two not in self.titles:
                i += 1
                continue
            j, named = self._past_qualifiers(i, i + (2 if two in self.titles else 1))
            if named or self._appositive_title(i):
                i = j + 1
                continue
            run = self._name_run(j)
            k = j + len(run)
            if len(run) >= 2 and text[words[j - 1][1]:run[0][0]].strip() in ("", '"'):
                ref = self._titled_name(run, after_counterpart=w in self.counterparts)
                if ref:
                    found.append(ref)
                    self.scan.covered.add(ref[0], ref[1])
                i = k
                continue
            before = self._named_before(i)
            if before:
                found.append(before)
                self.scan.covered.add(before[0], before[1])
            i += 1
        return found

    def _appositive_title(self, i: int) -> bool:
        """"محمد بن زايد رئيس الدولة", "مودي رئيس وزراء الهند": a title without the article
        right after a person's name is that person's, in apposition; no name follows it."""
        words, text = self.scan.words, self.scan.text
        if not self.article or i == 0 or words[i][2].startswith(self.article):
            return False
        prev = words[i - 1]
        return prev[0] in self.person_at and not text[prev[1]:words[i][0]].strip()

    def _named_before(self, i: int) -> EntityMention | None:
        """"Anna Lindqvist, the president's spokeswoman, said": where names are capitalised, two
        or three capitalised words just before the comma that opens the title's appositive.
        After "the" or a preposition the words name a place ("in the Black Sea, the official
        said"), not a person."""
        words, text = self.scan.words, self.scan.text
        k = i - 1
        while k >= 0 and i - k <= _APPOSITIVE_WORDS and not text[words[k][1]:words[k + 1][0]].strip():
            k -= 1
        if k < 0 or text[words[k][1]:words[k + 1][0]].strip() != "," or \
                _NOT_IN_APPOSITIVE.search(text[words[k + 1][0]:words[i][0]]):
            return None
        run: list[Word] = []
        while k >= 0 and len(run) < 3 and self._may_end_name(words[k], run):
            run.insert(0, words[k])
            k -= 1
        if len(run) < 2 or not self._cased(run[0]):
            return None
        if k >= 0 and words[k][2] in self.stop and not text[words[k][1]:run[0][0]].strip():
            return None
        return (run[0][0], run[-1][1], self._discovered(run[0][0], run[-1][1]), "title")

    def _may_end_name(self, word: Word, run: list[Word]) -> bool:
        """Whether ``word`` may stand before the name words in ``run`` (read backwards)."""
        s, e, t = word
        text = self.scan.text
        gap = text[e:run[0][0]] if run else ""
        joined = text[s - 1:s] == "-"      # "Yu-jung": a syllable of the given name
        if run and gap not in (" ", "-"):
            return False
        return not (self.scan.is_covered(word) or t in self.stop or t in self.titles or t in self.known_words
                    or _DIGIT.search(t) or len(t) < 2 or not (joined or self._cased(word)))

    def _cased(self, word: Word) -> bool:
        """Written with a capital, in a script that has capitals."""
        os_, _ = self.scan.nt.to_original(word[0], word[1])
        c = self.scan.nt.original[os_:os_ + 1]
        return c.isupper() and c.lower() != c.upper()

    def _past_qualifiers(self, i: int, j: int) -> tuple[int, bool]:
        """Skip what qualifies the title at ``i`` (adjectives, institutions, more title words):
        (the next word, False), or (a person's word, True) when someone is already named there
        and the title is taken."""
        words, scan = self.scan.words, self.scan
        while j < len(words) and j < i + 8 and (scan.is_covered(words[j]) or words[j][2] in self.titles
                                               or words[j][2] in self.qualifiers
                                               or (self.article and words[j][2].startswith(self.article))):
            if scan.is_covered(words[j]) and self.person_at.get(words[j][0]):
                # "رئيس الدولة ورئيس وزراء الهند": a second title joined by "and" is no principal's
                if words[j][0] in self.role_words and words[i][0] not in self.role_words and \
                        not self._joined_title(words[j][2]):
                    j += 1      # "المتحدث باسم الرئيس الأوكراني X": the principal's title, X holds the first
                    continue
                return j, True
            j += 1
        return j, False

    def _joined_title(self, word: str) -> bool:
        clitics = self.scan.gaz.clitic_letters.get(self.scan.lang, "")
        return word[:1] in clitics and word[1:] in self.titles

    def _name_run(self, j: int) -> list[Word]:
        """Up to three words from ``j`` that may form a name."""
        words = self.scan.words
        run: list[Word] = []
        k = j
        while k < len(words) and len(run) < 3 and self._may_continue_name(words[k], run, words[k - 1]):
            run.append(words[k])
            k += 1
        return run

    def _may_continue_name(self, word: Word, run: list[Word], before: Word) -> bool:
        s, e, t = word
        text = self.scan.text
        gap = text[(run[-1][1] if run else before[1]):s]
        # "Kang Yu-jung", "كانغ يو-جونغ": a hyphen joins the syllables of one given name
        # (one may spell a known word: "Min-ji")
        joined = bool(run) and gap == "-"
        syllable = joined or (bool(run) and text[e:e + 1] == "-")
        return not (self.scan.is_covered(word) or t in self.stop or t in self.titles
                    or (t in self.known_words and not syllable)
                    or _DIGIT.search(t) or self._has_article(t)
                    or not (joined or self.scan.capitalised(word))
                    or "\n" in gap or (_PUNCT_GAP.search(gap) and not joined)
                    or len(t) < 2 or (run and gap.strip() not in ("", "-")))

    def _has_article(self, t: str) -> bool:
        """"الرئيس", "والعمل": a word with the article (after a clitic or not) is no name."""
        if not self.article:
            return False
        clitics = self.scan.gaz.clitic_letters.get(self.scan.lang, "")
        return t.startswith(self.article) or (t[:1] in clitics and t[1:].startswith(self.article))

    def _titled_name(self, run: list[Word], after_counterpart: bool) -> EntityMention | None:
        """The person a run of words after a title names: a gazetteer person whose name and
        surname it spells closely, else a new person (not after "his counterpart")."""
        names = self.person_names
        a, b = run[0], run[-1]
        cand = " ".join(r[2] for r in run[:2])
        hit = process.extractOne(cand, [n for n, _ in names], scorer=fuzz.ratio,
                                 processor=None, score_cutoff=78)
        eid = None
        if hit:
            eid = names[hit[2]][1]
            last = max(fuzz.ratio(run[1][2], n.split()[-1]) for n, x in names if x == eid)
            if last < 75:
                eid = None
            b = run[1]
        if eid is not None:
            return (a[0], b[1], eid, "fuzzy")
        if after_counterpart:
            return None
        return (a[0], b[1], self._discovered(a[0], b[1]), "title")

    def _discovered(self, s: int, e: int) -> str:
        """The entity of a person named at s:e (folded offsets), named as the article writes it."""
        os_, oe = self.scan.nt.to_original(s, e)
        return self.discover(self.scan.text[s:e], self.scan.lang, self.scan.nt.original[os_:oe])
