"""The one formatter for values shown to a person (Markdown, ``show``, the review app).

A value is the report's value shape (``{"minutes": {...}}``, ``{"utc": {...}}``, ...); what a
reader sees is how a fact-checker would say it: "50 min", "60–75 min", "20:35 UTC 2021-12-30".
"""
from __future__ import annotations

import math
import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel.dates import get_timezone_name

# One wording for each thing that can be missing, wherever it is shown.
NO_OUTLET = "outlet not named"
NO_SPEAKER = "not attributed"
NO_ZONE = "zone not given"
# How each verdict is written for a person (the JSON keeps the machine names).
STATUS_LABEL = {"conflict": "conflict", "corroborated": "corroborated", "single_source": "single source"}


def describe_value(v: Any, name: Callable[[str], str] = str) -> str:
    """A value as a reader says it; ``name`` turns an entity id into its display name."""
    if not isinstance(v, dict):
        return str(v)
    if "minutes" in v:
        lo, hi = v["minutes"]["min"], v["minutes"]["max"]
        return f"{_number(lo)} min" if lo == hi else f"{_number(lo)}–{_number(hi)} min"
    if "utc" in v:
        return _moment(v["utc"])
    if "date" in v:
        s, e = v["date"]["start"], v["date"]["end"]
        return s if s == e else f"{s}–{e}"
    if "entity" in v:
        return name(v["entity"])
    if "medium" in v:
        return str(v["medium"]).replace("_", " ")
    return str(v)


def _number(x: float) -> str:
    x = float(x)
    return str(int(x)) if x == int(x) else f"{x:.1f}"


def _moment(u: dict) -> str:
    """A UTC value, with the reading it was converted from: "20:35 UTC 2021-12-30 — 15:35
    Eastern Time".  A reading whose zone is unknown is shown as read, not as its UTC span."""
    s, e = u["start"], u["end"]
    local = u.get("local")
    if local and not u.get("zone"):
        return f"{local} local time, {NO_ZONE} ({u.get('day') or s[:10]})"
    utc = f"{s[11:16]} UTC {s[:10]}" if s == e else f"{s[:16]}–{e[:16]} UTC"
    if not local or (local == s[11:16] and s == e):
        return utc                  # read in UTC (or GMT) already
    return f"{utc} — {local} {zone_name(u['zone'])}"


@lru_cache(maxsize=512)     # a report names a handful of zones thousands of times (CLDR lookup each)
def zone_name(zone: str | None) -> str:
    """A time zone as a reader knows it ("Eastern Time", "Moscow Time"), from CLDR."""
    if not zone:
        return NO_ZONE
    if zone.startswith("Etc/") or zone in ("UTC", "GMT"):
        return zone.rsplit("/", 1)[-1]
    try:
        return str(get_timezone_name(ZoneInfo(zone), "long", locale="en", zone_variant="generic"))
    except (ZoneInfoNotFoundError, ValueError, LookupError):
        return zone


def outlet_name(outlet: str | None) -> str:
    return outlet or NO_OUTLET



# --------------------------------------------------------------------------- escaping
# What comes from an article, a manifest, a file name or a review log is untrusted: it may hold
# Markdown or HTML, links to any scheme, and terminal escape sequences (ESC, OSC 52 clipboard
# writes, OSC 8 links), C0/C1 controls and bidi overrides that redraw a line.  Every writer
# passes such strings through one of the functions below.

# C0 and C1 controls, DEL, line and paragraph separators, and the bidi embeddings, overrides and
# isolates that can reorder what follows them on screen (the marks LRM/RLM/ALM are left alone).
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_BLANKS = re.compile(r"\s+")
# "_" inside a word (an id such as 000_ab12) cannot start emphasis and is left as it is
_MD_SPECIAL = re.compile(r"([\\`*\[\]<>|~&#$]|(?<!\w)_|_(?!\w))")
# any character _MD_SPECIAL may match: one character class is scanned several times faster
# than the alternation with its lookarounds, and most text (an article's sentence) has none
_MD_MAYBE_SPECIAL = re.compile(r"[\\`*\[\]<>|~&#$_]")
LINK_SCHEMES = ("http", "https", "mailto")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
# characters left as they are in a link destination (the rest are percent-encoded)
_URL_SAFE = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~:/?#@!$&'*+,;=%")


def visible(ch: str) -> str:
    """A control or override character as a reader can see it: ``\\x1b``, ``\\u202e``."""
    n = ord(ch)
    return f"\\x{n:02x}" if n < 0x100 else f"\\u{n:04x}"


def terminal_safe(s: object, keep_newlines: bool = False) -> str:
    """A string for the terminal: every control, escape and bidi-override character shown as
    ``\\xNN``/``\\uNNNN`` (so no escape sequence runs and no line is forged); newlines kept only
    when asked (multi-line text the program itself lays out)."""
    text = str(s)
    if keep_newlines:
        return "\n".join(_UNSAFE.sub(lambda m: visible(m.group()), part) for part in text.split("\n"))
    return _UNSAFE.sub(lambda m: visible(m.group()), text)


def _one_line(s: object, strip: bool = True) -> str:
    """Whitespace runs (newlines included) as one space; other controls shown visibly."""
    text = str(s)
    if text.isprintable() and "  " not in text:
        # the common case, checked in C: every blank but the space and every character
        # _UNSAFE matches is unprintable, so both substitutions would leave the text as it is
        return text.strip() if strip else text
    text = _BLANKS.sub(" ", text)
    return _UNSAFE.sub(lambda m: visible(m.group()), text.strip() if strip else text)


def md_text(s: object, strip: bool = True) -> str:
    """Text inside a Markdown line: one line, Markdown and HTML punctuation backslash-escaped,
    controls shown visibly.  Safe in a table cell too (``|`` is escaped)."""
    if type(s) is str:
        return _md_text_of_str(s, strip)
    return _md_escaped(_one_line(s, strip))


@lru_cache(maxsize=8192)    # a report repeats its outlets, speakers and sentences thousands of times
def _md_text_of_str(s: str, strip: bool) -> str:
    return _md_escaped(_one_line(s, strip))


def _md_escaped(text: str) -> str:
    """Markdown and HTML punctuation backslash-escaped."""
    return _MD_SPECIAL.sub(_backslashed, text) if _MD_MAYBE_SPECIAL.search(text) else text


def _backslashed(m: re.Match[str]) -> str:
    # a function, not the template r"\\\1": a template is expanded in Python for every match
    return "\\" + m.group(1)


def md_code(s: object, in_table: bool = False) -> str:
    """An inline code span that its content cannot close: fenced with one more backtick than
    the longest run inside.  In a table cell ``|`` is escaped (GFM splits cells first)."""
    return _md_code_of_str(s, in_table) if type(s) is str else _md_code(s, in_table)


@lru_cache(maxsize=8192)    # document ids, named once per claim
def _md_code_of_str(s: str, in_table: bool) -> str:
    return _md_code(s, in_table)


def _md_code(s: object, in_table: bool) -> str:
    text = _one_line(s)
    if in_table:
        text = text.replace("|", "\\|")
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith(("`", " ")) or text.endswith(("`", " ")) or not text else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def safe_url(url: object) -> str | None:
    """The URL percent-encoded for a Markdown link destination when its scheme is allowed
    (http, https, mailto); None for any other scheme, a relative link or a non-string."""
    if not isinstance(url, str):
        return None
    m = _SCHEME.match(url)
    if not m or m.group(1).lower() not in LINK_SCHEMES or len(url) == m.end():
        return None
    return "".join(ch if ch in _URL_SAFE else "".join(f"%{b:02X}" for b in ch.encode("utf-8", "surrogatepass"))
                   for ch in url)


def md_link(text: object, url: object) -> str:
    """``[text](url)`` when the URL's scheme is allowed; otherwise the text and the URL as
    plain escaped text, never a link."""
    dest = safe_url(url)
    if dest is None:
        return md_text(text) if text == url or not url else f"{md_text(text)} ({md_text(url)})"
    return f"<{dest}>" if text == url else f"[{md_text(text)}]({dest})"


def md_code_link(code: object, url: object) -> str:
    """An id in code, linked when the URL is allowed."""
    dest = safe_url(url)
    return f"[{md_code(code)}]({dest})" if dest else md_code(code)


def json_safe(v: Any) -> Any:
    """A value with every NaN or infinite float replaced by None (the JSON is standard JSON)."""
    if v is None or isinstance(v, str | int):     # most values: nothing to look into
        return v
    if isinstance(v, float):
        return v if math.isfinite(v) else None
    if isinstance(v, dict):
        return {k: x if type(x) in _AS_IS else json_safe(x) for k, x in v.items()}
    if isinstance(v, list | tuple):
        return [x if type(x) in _AS_IS else json_safe(x) for x in v]
    return v


# what json_safe returns unchanged, checked in the loops above without a call per value
_AS_IS = frozenset({str, int, bool, type(None)})
