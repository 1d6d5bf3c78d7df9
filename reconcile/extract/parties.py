"""Parties of an event that its clause does not name outright: the person a subject pronoun
stands for ("Lula said he would speak with Macron"), and one event per partner of a plural
("calls with Macron and Scholz" are a call with each)."""
from __future__ import annotations

import re
from dataclasses import replace

from reconcile.engine.patterns import fold_pattern
from reconcile.entities.registry import EntityRegistry
from reconcile.extract.attribution import Speakers, speaker_at
from reconcile.extract.context import LanguageContext
from reconcile.extract.positions import Starts
from reconcile.records import DocExtraction, Hit, RawMention

# the most words between a subject pronoun and its event word ("he would then hold a call")
PRONOUN_REACH_WORDS = 5
# the most characters between a plural event word and the word naming its partners
# ("phone calls today with"): one word
_PARTNER_GAP = r"(?:\s+[^\s,.;:،؛]+)?"


def _regexes(ctx: LanguageContext) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """The subject pronouns as words, and a partner word right after an event word."""
    if _regexes not in ctx.memo:
        pron = ctx.rs.lexicons.get("subject_pronoun")
        partner = ctx.rs.lexicons.get("partner_preposition")
        pre = fold_pattern(ctx.rs.macros.get("proclitic", ""))     # it reads folded text
        ctx.memo[_regexes] = (
            re.compile(rf"(?<!\w){pre}(?:{pron.alternation})(?!\w)") if pron else None,
            re.compile(rf"{_PARTNER_GAP}\s+(?:{partner.alternation})(?!\w)") if partner else None)
    return ctx.memo[_regexes]


def pronoun_subject(ex: DocExtraction, ctx: LanguageContext, gaz: EntityRegistry, speakers: Speakers,
                    speech: Starts[Hit], clause_start: int, trigger_start: int, sentence: int) -> str | None:
    """"Lula said he would speak with Macron", "قال لولا إنه سيتحدث مع ماكرون": a pronoun in
    the event word's clause, a few words before it with nobody named and nothing said between,
    stands for the person speaking there, who is a party.  Not when someone else is named
    between what is said and the pronoun ("Lula said Macron told him he would ...")."""
    pron = _regexes(ctx)[0]
    if pron is None:
        return None
    t = ex.nt.text
    last = None
    for m in pron.finditer(t, clause_start, trigger_start):
        last = m
    if last is None or speech.any_between(last.end(), trigger_start):
        return None
    if len(t[last.end():trigger_start].split()) > PRONOUN_REACH_WORDS or ex.entities_in(last.end(), trigger_start):
        return None
    sentence_start = ex.sentences[sentence][0]
    cues = [h for h in speech.between(sentence_start, last.start()) if h.end <= last.start()]
    lo = cues[-1].end if cues else sentence_start
    who = speaker_at(ctx, speakers, sentence, last.start())
    if who is None or gaz.entities[who].type != "person":
        return None
    named = [eid for _s, _e, eid, _h in ex.entities_in(lo, last.start()) if gaz.entities[eid].type == "person"]
    return who if all(eid == who for eid in named) else None


def distribute(ex: DocExtraction, ctx: LanguageContext, gaz: EntityRegistry, m: RawMention) -> list[RawMention]:
    """"Trudeau held phone calls with Macron and Scholz": a plural event word whose partners
    (two people or more, named after "with") follow it is one event with each of them, the
    subject a party to every one.  Nothing for a series between the same people ("calls
    between Macron and Scholz") or with one partner ("calls with Macron")."""
    partner = _regexes(ctx)[1]
    if not m.generic or partner is None or not partner.match(ex.nt.text, m.trigger[1]):
        return []
    persons = [p for p in m.participants if gaz.entities[p].type == "person"]
    after: list[str] = []
    for _es, _ee, eid, _how in ex.entities_in(m.trigger[1], m.scope[1]):
        if eid in persons and eid not in after:
            after.append(eid)
    if len(after) < 2:
        return []
    subject = [p for p in persons if p not in after]
    return [replace(m, participants=subject + [p], generic=False, dates=list(m.dates)) for p in after]
