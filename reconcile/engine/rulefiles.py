"""Read one language's rule files into records: its language.yaml, its dimension files (rules,
lexicons, settings, examples) and the names CLDR adds.  Each file is checked against its JSON
Schema first, so what is read here has the shape the schemas describe.  Compiling the rules
into regexes is RuleSet's job (rules.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from reconcile.engine.normalise import fold
from reconcile.engine.patterns import trie_regex
from reconcile.engine.prefixes import DEPTH as GUARD_DEPTH
from reconcile.engine.schema import check, schema_names
from reconcile.engine.yamlfile import RuleError, YamlFile, read_yaml, strip_lines

# what a dimension file holds besides its settings
_STRUCTURE = ("dimension", "lexicons", "rules", "examples", "counter_examples", "__line__")

# Presentation forms never occur in normal text and Persian letters are usually a keyboard
# slip; a rule written with them would silently never match.
_LINT = re.compile("[\ufb50-\ufdff\ufe70-\ufeff\u06a9\u06cc\u06af\u067e\u0686\u0698]")


@dataclass
class Rule:
    name: str
    dim: str
    patterns: list[str]
    where: str                     # "file:line"
    examples: list[dict] = field(default_factory=list)
    counter_examples: list[dict] = field(default_factory=list)   # {"text", "__line__"}
    value: dict = field(default_factory=dict)   # fixed attributes the rule adds to its value

    @property
    def line(self) -> str:
        return self.where.split(":")[1]


@dataclass
class Lexicon:
    name: str
    where: str
    entries: dict[str, Any]        # folded surface -> value
    surfaces: dict[str, str]       # folded surface -> surface as written

    @cached_property
    def alternation(self) -> str:
        return trie_regex(self.entries)

    @cached_property
    def opening(self) -> str:
        """The entries cut to as many characters as a start guard reads: what it needs of them."""
        return trie_regex({s[:GUARD_DEPTH] for s in self.entries})


@dataclass
class Dimension:
    name: str
    path: Path
    rules: list[Rule]
    settings: dict[str, Any]
    examples: list[dict] = field(default_factory=list)   # file-level examples
    counter_examples: list[dict] = field(default_factory=list)


# --------------------------------------------------------------------------- language.yaml
def read_language(path: Path, lang: str) -> dict[str, Any]:
    """language.yaml, checked; its ``language`` must be the folder's name."""
    if not path.is_file():
        raise RuleError(f"{path}: missing (every language needs one)")
    doc = read_yaml(path)
    if not isinstance(doc.data, dict):
        raise RuleError(f"{path}:1: expected a mapping")
    check(doc, "language")
    if doc.data["language"] != lang:
        raise RuleError(f"{path}:{doc.line(['language'])}: language '{doc.data['language']}' "
                        f"in the folder of '{lang}'")
    return doc.data


def cldr_lexicons(language: dict[str, Any], where: Path) -> dict[str, Lexicon]:
    """Month and weekday names from CLDR (via Babel) for the locales language.yaml lists."""
    cldr = language.get("cldr") or {}
    locales = cldr.get("locales") or []
    if not locales:
        return {}
    from babel.dates import get_day_names, get_month_names
    months: dict[str, Any] = {}
    days: dict[str, Any] = {}
    for loc in locales:
        for width in ("wide", "abbreviated"):
            for ctx in ("format", "stand-alone"):
                try:
                    # short abbreviations are too often ordinary words; full names are
                    # kept whatever their length ("آب")
                    for num, name in get_month_names(width, ctx, locale=loc).items():
                        if width == "wide" or len(name) > 2:
                            months.setdefault(fold(name), num)
                    for num, name in get_day_names(width, ctx, locale=loc).items():
                        if width == "wide" or len(name) > 2:
                            days.setdefault(fold(name), num)   # 0 = Monday
                except Exception as exc:  # unknown locale: a rule-file mistake
                    raise RuleError(f"{where}: cldr locale '{loc}': {exc}") from None
    out = {"month": Lexicon("month", "cldr", months, {k: k for k in months}),
           "weekday": Lexicon("weekday", "cldr", days, {k: k for k in days})}
    if cldr.get("timezone_cities"):
        out["tz_city"] = Lexicon("tz_city", "cldr", _timezone_cities(locales[0]), {})
    return out


def _timezone_cities(locale: str) -> dict[str, str]:
    """Localised exemplar city -> IANA zone, for the zones this Python's tzdata knows.  The city
    is read from the locale's CLDR data as babel's ``get_timezone_location(zone, return_city=True)``
    reads it, without loading every zone's rules first (most of that call's time)."""
    import zoneinfo

    from babel import Locale
    from babel.core import get_global
    loc = Locale.parse(locale)
    canonical, metazones = get_global("zone_aliases"), get_global("meta_zones")
    out: dict[str, str] = {}
    for zone in sorted(zoneinfo.available_timezones()):
        if zone.startswith(("Etc/", "SystemV/", "US/")) or "/" not in zone:
            continue
        key = canonical.get(zone, zone)
        info = loc.time_zones.get(key, {})
        metazone = loc.meta_zones.get(metazones.get(key), {})
        city = info["city"] if "city" in info else metazone["city"] if "city" in metazone \
            else key.rpartition("/")[2].replace("_", " ")
        if city and not city.isascii():   # untranslated cities come back in English
            out.setdefault(fold(city), zone)
    return out


# --------------------------------------------------------------------------- dimension files
def read_dimension_file(path: Path) -> YamlFile:
    """A dimension file, checked against the schema of the dimension it names."""
    doc = read_yaml(path)
    if not isinstance(doc.data, dict) or "dimension" not in doc.data:
        raise RuleError(f"{path}:1: a rule file is a mapping with a 'dimension' key")
    dim = doc.data["dimension"]
    known = [n.removeprefix("dimension-") for n in schema_names() if n.startswith("dimension-")]
    if dim not in known:
        raise RuleError(f"{path}:{doc.line(['dimension'])}: unknown dimension '{dim}' (known: {', '.join(known)})")
    check(doc, f"dimension-{dim}")
    return doc


def lexicon_entries(doc: YamlFile, lname: str) -> tuple[dict[str, Any], dict[str, str]]:
    """(folded surface -> value, folded surface -> surface as written) of one lexicon."""
    entries = doc.data["lexicons"][lname]
    items = [(i, e, True) for i, e in enumerate(entries)] if isinstance(entries, list) \
        else [(k, k, v) for k, v in entries.items() if k != "__line__"]
    values: dict[str, Any] = {}
    surfaces: dict[str, str] = {}
    for key, surface, value in items:
        surface = str(surface)
        if _LINT.search(surface):
            raise RuleError(f"{doc.path}:{doc.line(['lexicons', lname, key])}: lexicon '{lname}': '{surface}' has "
                            "presentation forms or Persian letters that never match normal Arabic text")
        values[fold(surface)] = strip_lines(value)
        surfaces[fold(surface)] = surface
    return values, surfaces


def dimension_of(doc: YamlFile) -> Dimension:
    data = doc.data
    dim = data["dimension"]
    rules = [Rule(name=str(r["name"]), dim=dim, patterns=[str(p) for p in r.get("patterns") or [r["pattern"]]],
                  where=f"{doc.path.name}:{r['__line__']}",
                  examples=r.get("examples") or [],
                  counter_examples=_counter_examples(doc, ["rules", i]),
                  value=strip_lines(r.get("value") or {}))
             for i, r in enumerate(data.get("rules") or [])]
    settings = {k: v for k, v in data.items() if k not in _STRUCTURE}
    return Dimension(dim, doc.path, rules, settings, data.get("examples") or [], _counter_examples(doc, []))


def _counter_examples(doc: YamlFile, where: list[str | int]) -> list[dict]:
    """The counter-examples under ``where``, each with its own line."""
    item: Any = doc.data
    for step in where:
        item = item[step]
    texts = item.get("counter_examples") or []
    return [{"text": str(t), "__line__": doc.line([*where, "counter_examples", j])} for j, t in enumerate(texts)]
