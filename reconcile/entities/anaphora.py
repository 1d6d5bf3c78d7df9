"""Words that name someone already named: "the latter" / "الأخير" (the last one named before),
"the former" (the one named before that), "her office" / "مكتبه" (the office of the person the
sentence is about), and a leader's bare title ("the prime minister", "رئيس الوزراء"): the one
person named before it whose title that day it is.  Each becomes a mention of that entity, so
"قال مكتب ألبانيز إن الأخير أجرى اتصالا مع مودي" has both leaders and "..., her office said" has
a speaker.

Matching is on folded text; the phrases and their guards are in rules/entities.yaml.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from reconcile.engine.normalise import NormalText, fold
from reconcile.entities.gazetteer import Gazetteer
from reconcile.records import EntityMention

# how far back (characters) the one an anaphor names may be: the sentence or the one before
REACH = 400
_SENTENCE_END = re.compile(r"[.!?؟\n]\s")
_NAMED = ("person", "org", "country", "media")


def anaphor_refs(gaz: Gazetteer, text: str, lang: str, refs: Sequence[EntityMention]) -> list[EntityMention]:
    """A mention for each anaphor in ``text`` whose antecedent is found; ``refs`` sorted."""
    named = [r for r in refs if r[3] != "adjective" and _type(gaz, r[2]) in _NAMED]
    out: list[EntityMention] = []
    for kind, by_lang in gaz.anaphora.items():
        for phrase in by_lang.get(lang, ()):
            regex, literals = _phrase_regex(gaz, lang, phrase)
            if literals and not any(w in text for w in literals):
                continue            # a cheap look first: the phrase is not in the text at all
            for m in regex.finditer(text):
                s, e = m.start("a"), m.end("a")
                if not _stands_alone(gaz, text, lang, s, e):
                    continue
                eid = _antecedent(gaz, kind, text, named, s)
                if eid:
                    out.append((s, e, eid, "anaphor"))
    return out


def _type(gaz: Gazetteer, eid: str) -> str:
    """An entity's type; one the run discovered after a title is a person."""
    ent = gaz.entities.get(eid)
    return ent.type if ent else "person"


def _phrase_regex(gaz: Gazetteer, lang: str, phrase: str) -> tuple[re.Pattern, tuple[str, ...]]:
    """The phrase as a word, with what may be glued before it ("وأكد الأخير", "للأخير"); and
    the literal forms one of which any match contains (none when case is ignored)."""
    key = (_phrase_regex, f"{lang}:{phrase}")
    if key not in gaz.memo:
        words = [phrase]
        contraction = gaz.contracted_article(lang)
        if contraction and phrase.startswith(contraction[0]):
            words.append(contraction[1] + phrase[len(contraction[0]):])
        alts = [re.escape(w) for w in words]
        pre = gaz.proclitic.get(lang, "")
        flags = re.IGNORECASE if lang == "en" else 0
        regex = re.compile(rf"(?<!\w){pre}(?P<a>{'|'.join(alts)})(?!\w)", flags)
        gaz.memo[key] = (regex, () if flags else tuple(words))
    result: tuple[re.Pattern, tuple[str, ...]] = gaz.memo[key]
    return result


def _stands_alone(gaz: Gazetteer, text: str, lang: str, s: int, e: int) -> bool:
    """Not an adjective ("الأسبوع الأخير", "زيارته الأخيرة", "the former president") nor an
    idiom ("في الأخير")."""
    before = text[max(0, s - 40):s].split()
    prev = before[-1] if before else ""
    if prev in gaz.anaphor_not_after.get(lang, frozenset()):
        return False
    article = gaz.article.get(lang)
    if article and prev:
        clitics = gaz.clitic_letters.get(lang, "")
        bare = prev[1:] if prev[:1] in clitics and not prev.startswith(article) else prev
        contraction = gaz.contracted_article(lang)
        if bare.startswith(article) or (contraction and bare.startswith(contraction[1])):
            return False
        # a noun with a possessive ending ("زيارته", "لقاؤهما") takes it as an adjective
        if prev not in gaz.stopwords.get(lang, frozenset()) and re.search(r"(?:ه|ها|هما|هم)$", prev):
            return False
    follow = gaz.anaphor_followers.get(lang)
    if follow is not None:
        after = re.match(r"\s*(\w+|[^\w\s])", text[e:e + 40])
        if not after or not follow.match(after.group(1)):
            return False
    return True


def _antecedent(gaz: Gazetteer, kind: str, text: str, named: Sequence[EntityMention], s: int) -> str | None:
    near = [r for r in named if s - REACH <= r[0] and r[1] <= s]
    if kind == "office":
        return _office_of_subject(gaz, text, near, s)
    persons_first = sorted(near, key=lambda r: r[0])
    distinct: list[str] = []
    for r in reversed(persons_first):
        if not distinct or distinct[-1] != r[2]:
            distinct.append(r[2])
    index = 0 if kind == "latter" else 1
    return distinct[index] if len(distinct) > index else None


def _office_of_subject(gaz: Gazetteer, text: str, near: Sequence[EntityMention], s: int) -> str | None:
    """"Meloni called bin Zayed, her office said": the first person of the sentence (its
    subject) owns the office; with nobody named in it, the subject of the sentence before."""
    lo = max(0, s - REACH)
    starts = [lo] + [m.end() for m in _SENTENCE_END.finditer(text, lo, s)]
    persons = [r for r in near if _type(gaz, r[2]) == "person"]
    for start in (starts[-1], starts[-2] if len(starts) > 1 else lo):
        in_sentence = [r for r in persons if r[0] >= start]
        if in_sentence:
            return gaz.offices.get(in_sentence[0][2])
    return None


@dataclass(frozen=True)
class _BareTitles:
    """A language's leader titles standing alone, and where to find them quickly."""
    regex: re.Pattern
    # with an article: the titles as written (a match holds one, after at most ``clitics``
    # proclitic letters), found with str.find, the regex tried only there; else None
    titles: tuple[str, ...] | None
    clitics: int

    def finditer(self, text: str) -> Iterator[re.Match]:
        """What ``regex.finditer(text)`` gives: the regex scanning every position of every
        article cost more than the rest of the bare-title search."""
        if self.titles is None:
            yield from self.regex.finditer(text)
            return
        starts: set[int] = set()
        for title in self.titles:
            at = text.find(title)
            while at >= 0:
                starts.update(range(max(0, at - self.clitics), at + 1))
                at = text.find(title, at + 1)
        end = 0
        for p in sorted(starts):
            if p >= end:
                m = self.regex.match(text, p)      # (?<!\w) still reads the text before p
                if m:
                    end = m.end()
                    yield m


def bare_title_refs(gaz: Gazetteer, nt: NormalText, lang: str, ref: dt.date | None,
                    refs: Sequence[EntityMention]) -> list[EntityMention]:
    """"Prime Minister Anwar Ibrahim spoke with President Erdogan ... The call, which the prime
    minister initiated": a leader's title standing alone names the one person named before it
    who holds a title of that kind for their state that day; with two such people it names
    neither.  A title qualified after it ("the prime minister's", "رئيس الوزراء السابق",
    "the President of ...") or followed by a name is left alone.  In an article datelined from
    another state (``home``) the title may be that state's own leader's, unnamed ("ALGIERS —
    ... she was welcomed by the Prime Minister"): it names nobody."""
    bare = _bare_titles(gaz, lang)
    if bare is None or ref is None:
        return []
    text, home = nt.text, dateline_state(gaz, nt, refs)
    out: list[EntityMention] = []
    for m in bare.finditer(text):
        s, e = m.start("a"), m.end("a")
        if not _bare(gaz, text, lang, s, e):
            continue
        holders = {r[2] for r in refs if r[1] <= s and _holds(gaz, r[2], lang, m.group("a").lower(), ref)}
        if len(holders) == 1 and (home is None or gaz.entities[next(iter(holders))].affiliation == home):
            out.append((s, e, holders.pop(), "anaphor"))
    return out


_DATELINE_REACH = 400
_AFTER_DATELINE = re.compile(r"\s*(?:[-—–:,(/]|$)")


def dateline_state(gaz: Gazetteer, nt: NormalText, found: Sequence[EntityMention]) -> str | None:
    """The state of the place an article is datelined from ("MADRID — ...", "عمان - بترا"): a
    place opening a line near the top, in capitals where the script has them, then a dash,
    colon, comma or bracket."""
    text = nt.text
    for s, e, eid, _ in sorted(found):
        if s > _DATELINE_REACH:
            break
        ent = gaz.entities.get(eid)
        if ent is None or ent.type not in ("city", "place", "country") or (s and text[s - 1] != "\n"):
            continue
        os_, oe = nt.to_original(s, e)
        written = nt.original[os_:oe]
        if (written.isupper() or written.lower() == written.upper()) and _AFTER_DATELINE.match(text, e):
            return ent.id if ent.type == "country" else ent.affiliation
    return None


def _bare_titles(gaz: Gazetteer, lang: str) -> _BareTitles | None:
    key = (_bare_titles, lang)
    if key not in gaz.memo:
        article = gaz.article.get(lang)
        # Arabic: the definite titles ("الرئيس", "رئيس الوزراء"; not "رئيس", which heads a
        # construct naming someone else); English: after "the"
        titles = [t for t in gaz.leaders.get(lang, ())
                  if not article or any(w.startswith(article) for w in t.split())]
        alt = "|".join(re.escape(t) for t in sorted(titles, key=len, reverse=True))
        if not alt:
            return None
        if article:
            pre = gaz.proclitic.get(lang, "")
            # the proclitic is optional letter sets only ("[وف]?[بلك]?": SurfaceMatcher checks)
            gaz.memo[key] = _BareTitles(re.compile(rf"(?<!\w){pre}(?P<a>{alt})(?!\w)"), tuple(titles),
                                     pre.count("]?"))
        else:
            gaz.memo[key] = _BareTitles(re.compile(rf"(?<!\w)the (?P<a>{alt})(?!\w)", re.IGNORECASE), None, 0)
    result: _BareTitles = gaz.memo[key]
    return result


def _bare(gaz: Gazetteer, text: str, lang: str, s: int, e: int) -> bool:
    before = text[max(0, s - 24):s].split()
    if (before and before[-1] in gaz.former.get(lang, frozenset())) or text[s - 1:s] == "-":
        return False
    after = re.match(r"(\s*)(\w+|[^\w\s])?", text[e:e + 40])
    nxt = after.group(2) if after else None
    if not nxt:
        return True
    article = gaz.article.get(lang)
    if article:     # an adjective or a name may follow: "الرئيس التنفيذي", "الرئيس X"
        return not nxt[0].isalnum() or nxt in gaz.stopwords.get(lang, frozenset())
    # "the president's", "the President of Cyprus", "the prime minister Kim ...": not bare
    return not (nxt in ("'", "’", "of") or nxt[0].isupper() or (after and not after.group(1) and nxt.isalnum()))


def _holds(gaz: Gazetteer, eid: str, lang: str, title: str, ref: dt.date) -> bool:
    """Whether the person holds, on ``ref``, a title of this kind for their own state."""
    ent = gaz.entities.get(eid)
    if ent is None or ent.type != "person" or not ent.affiliation:
        return False
    iso = ref.isoformat()
    for role in ent.roles:
        if str(role.get("from") or "0000") > iso or str(role.get("to") or "9999") <= iso:
            continue
        for t in role.get(lang) or []:
            rest = _state_of_title(fold(str(t)), title)
            if rest and any(c.entity == ent.affiliation for c in gaz.lookup(lang, rest)):
                return True
    return False


def _state_of_title(role_title: str, title: str) -> str | None:
    """"spanish prime minister" / "prime minister of spain" / "رئيس الوزراء الإسباني" minus the
    title: the words naming the state."""
    if role_title.endswith(" " + title):
        return role_title[:-len(title) - 1]
    if role_title.startswith(title + " "):
        rest = role_title[len(title) + 1:]
        for lead in ("of the ", "of "):
            if rest.startswith(lead):
                return rest[len(lead):]
        return rest
    return None
