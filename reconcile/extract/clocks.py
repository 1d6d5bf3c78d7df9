"""How the clock readings of one document relate to each other before they become claims: a
range names its zone and day part once ("from 9.10 to 10.02 a.m. ET"), a reading restated in
another zone in brackets is one moment ("10 a.m. (1400 GMT)"), "local time" under a city
dateline is that city's time, and "ended 40 minutes later" counts from a start."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from reconcile.extract.context import LanguageContext
from reconcile.records import DocExtraction, Hit

# the words joining the two ends of a range ("from 9 to 11 a.m.", "10-11 GMT", "between 9 and 10")
_RANGE_GAP = re.compile(r"\s*(?:-|to|until|till|through|and|و?(?:حتي|الي|لغايه)|و)\s*")
_RANGE_CLOSED = re.compile(r"\s*(?:-|to|until|till|through|و?(?:حتي|الي|لغايه))\s*")
# the second reading of an Arabic range holds its "حتى" ("وحتى الخامسة عصرا"): the joiner
_JOINED_END = re.compile(r"و?(?:حتي|الي|لغايه)\s")
_RANGE_FROM = ("from", "من")
# a bare number and a dash right before a reading: the start of a window not read as a clock
_UNREAD_START = re.compile(r"(?<![\d.:])\d{1,2}\s?-\s?$")
# "to 10.15 p.m. local time (1700-1915 GMT)": a range restated in brackets in another zone, its
# first figures no reading of their own; the bracket's second reading is the range's end again
_BRACKET_RANGE = re.compile(r"\s*\(\s*\d{1,2}[:.h]?\d{2}\s*(?:-|–|to)\s*")
# a dateline: the first words of one of the first lines, then a bracketed country, and a comma
# before the date, an agency in brackets, or a dash ("MOSCOW, March 18 -", "Beijing [China], Nov 16");
# or only a blank and at most a short word before a date in figures ("أبوظبي في 12 أغسطس / وام /")
_DATELINE = re.compile(r"[ \t]*([^\W\d_]+(?:[ .'][^\W\d_]+){0,2}?)[ \t]*(\[[^\]\n]{1,40}\][ \t]*)?(,|\(|\s-\s|:\s)")
_BARE_DATELINE = re.compile(r"[ \t]*([^\W\d_]+(?:[ .'][^\W\d_]+){0,2}?)()()[ \t]+(?:[^\W\d_]{1,3}[ \t]+)?(?=\d)")
_DATELINE_LINES = 3


@dataclass
class Readings:
    """The clock readings of a document in text order, and what each is to the others."""
    hits: list[Hit]
    skip: set[int]            # restatements of the reading before them, and open ranges
    range_end: set[int]       # the second reading of "from X to Y": the end of what X starts
    noted: dict[int, int]     # a reading in a bracketed note after a length -> where the note opens
    dateline: str | None      # the zone of the city the article is datelined from


def arrange(ex: DocExtraction, ctx: LanguageContext) -> Readings:
    t = ex.nt.text
    for h in ex.hits["clock_time"]:
        if h.value and _zone_in_lower_case(ex, h):
            h.value = None        # "at 9 pm cat owners": a word, not the zone it spells
    hits = sorted((h for h in ex.hits["clock_time"] if h.value), key=lambda h: h.start)
    local_zone = dateline_zone(ex, ctx)
    out = Readings(hits, set(), set(), {}, local_zone)
    for h in hits:
        if h.value.get("zone") is None and h.value.get("local_zone") and local_zone:
            h.value["zone"] = local_zone        # "5 p.m. local time" under "MOSCOW, March 18 -"
        if h.value.get("zone") is None and h.value.get("zone_choices") and local_zone:
            # "6.30 pm IST" under "NEW DELHI, Aug 12 -", "9 a.m. CST" under "WASHINGTON -"
            h.value["zone"] = _choice_for(h.value["zone_choices"], local_zone)
    _no_moments(ex, ctx, out)
    for k in range(len(hits) - 1):
        a, b = hits[k], hits[k + 1]
        gap = t[a.end:b.start]
        joined = gap.strip() in ("", "و") and _JOINED_END.match(t, b.start) is not None
        if gap.strip() == "(" or (not gap.strip() and t[b.start:b.start + 1] == "(") or \
                (_BRACKET_RANGE.fullmatch(gap) and a.value.get("zone")):
            # a restatement in brackets is the same moment: keep the one that names its zone
            out.skip.add(k if a.value.get("zone") is None and b.value.get("zone") else k + 1)
        elif _RANGE_GAP.fullmatch(gap) or joined:
            _share(a.value, b.value)
            opening = t[max(0, a.start - 8):a.start + 5].split()
            closed = _RANGE_CLOSED.fullmatch(gap) or joined
            # "from 9 to 11", and "1610-1755 GMT" (two readings to the minute need no "from")
            if closed and (any(w in opening for w in _RANGE_FROM) or _to_the_minute(t, a) and _to_the_minute(t, b)):
                out.range_end.add(k + 1)
            else:
                out.skip.update((k, k + 1))     # "between 9 and 10": neither is the moment
    return out


def _choice_for(choices: list[str], local_zone: str) -> str | None:
    """Of the zones an abbreviation may name, the dateline's, or the one zone of the dateline's
    country (CLDR's zone territories); None when that does not settle it."""
    if local_zone in choices:
        return local_zone
    from babel.core import get_global
    territory = get_global("zone_territories")
    home = territory.get(local_zone)
    same = [z for z in choices if home is not None and territory.get(z) == home]
    return same[0] if len(same) == 1 else None


def _no_moments(ex: DocExtraction, ctx: LanguageContext, out: Readings) -> None:
    """Readings that are no moment of the event (a page's stamp, the end of a window whose start
    is no reading), and those in a note on a list row's cell."""
    t, hits = ex.nt.text, out.hits
    stamp = _stamp_regex(ctx)
    for k, h in enumerate(hits):
        if stamp is not None and stamp.fullmatch(t, t.rfind("\n", 0, h.start) + 1, h.start):
            out.skip.add(k)           # "UPDATE, 10.40 p.m.:": when the page changed, not the event
        if _UNREAD_START.search(t, max(0, h.start - 8), h.start) and not (k and hits[k - 1].end >= h.start - 8):
            out.skip.add(k)           # "9-10 a.m.": the end of a window whose start is no reading
        opens = _note_start(t, h)
        if opens is not None and any(d.end <= opens and not t[d.end:opens].strip() for d in ex.hits["duration"]):
            out.noted[k] = opens      # "about 90 minutes (late evening in Tokyo)": a note on a row's cell


def _to_the_minute(t: str, h: Hit) -> bool:
    """A reading written with its minutes ("16:10", "4.10", "1610"), not a bare hour ("9")."""
    return bool(_MINUTES.search(t, h.start, h.end))


_MINUTES = re.compile(r"\d[:.h]?[0-5]\d(?!\d)")


def _stamp_regex(ctx: LanguageContext) -> re.Pattern[str] | None:
    """A line opening with a page's stamp word ("UPDATE", "Last updated", "آخر تحديث") and at
    most a few words (a date) before the reading: page furniture."""
    if _stamp_regex not in ctx.memo:
        lx = ctx.rs.lexicons.get("page_stamp")
        ctx.memo[_stamp_regex] = re.compile(rf"[\W_]*(?:{lx.alternation})(?!\w)(?:[\W_]*[^\W_]+){{0,5}}[\W_]*") \
            if lx else None
    return ctx.memo[_stamp_regex]


def _zone_in_lower_case(ex: DocExtraction, h: Hit) -> bool:
    """A zone abbreviation that is also a word ("CAT", "ART", "EAT") is a zone only written in
    capitals (``zone_in_capitals`` in clock_time.yaml)."""
    for start, end, _surface, lexes in h.tokens:
        if any(lex == "zone_in_capitals" for lex, _v in lexes):
            os_, oe = ex.span(start, end)
            if not ex.doc.text[os_:oe].isupper():
                return True
    return False


def _note_start(t: str, h: Hit) -> int | None:
    """Where the bracket a reading stands in opens, when it does ("(late evening in Tokyo)")."""
    line_start = t.rfind("\n", 0, h.start) + 1
    opens = t.rfind("(", line_start, h.start + 1)
    if opens < 0 or ")" in t[opens:h.start]:
        return None
    closes = t.find(")", h.start)
    return opens if closes >= 0 and "\n" not in t[h.start:closes] else None


def _share(first: dict, second: dict) -> None:
    """The zone and day part written once, after the second reading, hold for the first."""
    if first.get("zone") is None and second.get("zone"):
        first["zone"] = second["zone"]
    if not first.get("daypart") and second.get("daypart") and first["hour"] < 12:
        later = first["hour"] + 12
        if later * 60 + first["minute"] <= second["hour"] * 60 + second["minute"]:
            first["hour"] = later                # "from 9.10 to 10.02 p.m.": 21:10
        first["daypart"] = True
        first.pop("twelve_hour", None)           # the end's day part says which half it is


def dateline_span(ex: DocExtraction) -> tuple[int, int] | None:
    """The place words of an article's opening dateline ("Beijing [China], Nov 16 (ANI):"),
    when its first line opens with one that brackets its country or is followed by the day."""
    m = _DATELINE.match(ex.nt.text)
    if m is None:
        return None
    return (m.start(1), m.end(2) if m.group(2) else m.end(1)) if (m.group(2) or _dated(ex, m)) else None


def _dateline_match(t: str, pos: int) -> re.Match[str] | None:
    """The place words a line opens with, before a comma, a bracket or a dash; or before a
    date in figures with at most a short word between ("أبوظبي في 12 أغسطس / وام /")."""
    return _DATELINE.match(t, pos) or _BARE_DATELINE.match(t, pos)


def _dated(ex: DocExtraction, m: re.Match[str]) -> bool:
    """A date right after the dateline's mark (or its figures, after an unmarked one)."""
    return any(m.end() <= d.start <= m.end() + 2 for d in ex.hits["date"])


def _agency_regex(ctx: LanguageContext) -> re.Pattern[str] | None:
    """A national agency's credit: in brackets or slashes ("(WAM)", "/ وام /"), or alone after
    a dash ("عمان - بترا")."""
    if _agency_regex not in ctx.memo:
        lx = ctx.rs.lexicons.get("agency_zone")
        ctx.memo[_agency_regex] = re.compile(
            rf"(?:[(/][ \t]*(?P<a>{lx.alternation})[ \t]*[)/]|(?<=\s-\s)(?P<b>{lx.alternation})[ \t]*$)",
            re.MULTILINE) if lx else None
    return ctx.memo[_agency_regex]


def _agency_zone(ex: DocExtraction, ctx: LanguageContext, start: int, end: int) -> str | None:
    """The zone of the national agency credited between start and end, if one is."""
    rx = _agency_regex(ctx)
    m = rx.search(ex.nt.text, start, end) if rx is not None else None
    if m is None:
        return None
    zone = ctx.rs.lex_value("agency_zone", m.group("a") or m.group("b"))
    return str(zone) if zone else None


def dateline_zone(ex: DocExtraction, ctx: LanguageContext) -> str | None:
    """The zone of the city an article is datelined from, when it is a city the clock rules
    know ("MOSCOW, March 18 (Agency) -"): only a dateline followed by a date, an agency in
    brackets or a dash counts.  With no such city, a national agency's credit at the head of
    the story ("(WAM) -", "/ وام /") gives its country's clock."""
    zone = _city_zone(ex, ctx)
    if zone is None:
        t = ex.nt.text
        head = 0
        for _ in range(_DATELINE_LINES):
            nl = t.find("\n", head)
            if nl < 0:
                head = len(t)
                break
            head = nl + 1
            while t.startswith("\n", head):
                head += 1
        zone = _agency_zone(ex, ctx, 0, head)
        if zone is not None and not _only_clock(ex, ctx, zone, 0):
            return None
    return zone


def _only_clock(ex: DocExtraction, ctx: LanguageContext, zone: str, start: int) -> bool:
    """Whether every place on a clock the article names from ``start`` on keeps ``zone``'s."""
    for _s, _e, _surface, kinds in ctx.rs.tokens(ex.nt.text, start):
        for lex, value in kinds:
            if lex in ("tz_city", "timezone") and value != zone and not _same_clock(str(value), zone):
                return False
    return True


@cache
def _same_clock(a: str, b: str) -> bool:
    """Two zones with the same offsets through the year ("Asia/Dubai", "Asia/Muscat")."""
    try:
        za, zb = ZoneInfo(a), ZoneInfo(b)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    days = (dt.datetime(2025, 1, 15, 12), dt.datetime(2025, 7, 15, 12))
    return all(d.replace(tzinfo=za).utcoffset() == d.replace(tzinfo=zb).utcoffset() for d in days)


def _city_zone(ex: DocExtraction, ctx: LanguageContext) -> str | None:
    t = ex.nt.text
    pos = 0
    for _ in range(_DATELINE_LINES):
        m = _dateline_match(t, pos)
        place = " ".join(m.group(1).split()) if m else ""
        # a city CLDR names, or one the clock rules add ("أبوظبي", "Abu Dhabi")
        zone = (ctx.rs.lex_value("tz_city", place) or ctx.rs.lex_value("timezone", place)) if m else None
        if m and zone:
            # a dateline is written in capitals ("MOSCOW, "), or names its country in brackets,
            # or is followed by the day ("Beijing, November 16"); a line starting "Moscow, which"
            # is a sentence
            os_, oe = ex.span(m.start(1), m.end(1))
            capitals = ex.doc.text[os_:oe].isupper() and bool(m.group(3))
            line_end = t.find("\n", m.end())
            line_end = len(t) if line_end < 0 else line_end
            if capitals or m.group(2) or _dated(ex, m) or _credit_line(ex, ctx, m, line_end):
                return str(zone)
        nl = t.find("\n", pos)
        if nl < 0:
            break
        pos = nl + 1
        while t.startswith("\n", pos):
            pos += 1        # blank lines between a headline, a byline and the dateline
    return None


def _credit_line(ex: DocExtraction, ctx: LanguageContext, m: re.Match[str], line_end: int) -> bool:
    """The place is followed by a national agency's credit ("الجزائر - واج"), and the article
    names no place on another clock (a bureau's dateline over talks held abroad: "local time"
    is then the talks' clock, not the bureau's)."""
    zone = _agency_zone(ex, ctx, m.end(), line_end)
    return zone is not None and _only_clock(ex, ctx, zone, m.end())


def add_minutes(local: dict, minutes: float) -> dict | None:
    """A local reading moved on by a duration, or None when it would cross midnight (the day
    of the reading is the event's)."""
    total = local["hour"] * 60 + local["minute"] + round(minutes)
    if total >= 24 * 60:
        return None
    return {"hour": total // 60, "minute": total % 60, "zone": local.get("zone")}
