"""Load and compile the declarative rule files under ``rules/<lang>/``.

A rule file names its lexicons (surface -> value, each surface written once) and its rules
(a pattern over the folded text that may refer to a lexicon ``{lex:NAME}``, to another
dimension ``{dim:NAME}`` or to a macro ``{m:NAME}``), and carries its own examples.  Everything
language-specific lives in the YAML; this module only knows how to read and compile it.
A broken file raises ``RuleError`` naming the file and line.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from reconcile.engine.normalise import fold


def _shipped_rules() -> Path:
    """The rule files: inside the installed package (``reconcile/rules``, package data of a
    wheel or ``pip install .``), else the repository's own ``rules/`` (a source checkout or an
    editable install, where pyproject maps that folder into the package only when building)."""
    package = Path(__file__).resolve().parent.parent
    installed = package / "rules"
    return installed if (installed / "entities.yaml").is_file() else package.parent / "rules"


# RECONCILE_RULES (or ``reconcile --rules DIR``) points a run or a test at another copy.
RULES_DIR = Path(os.environ.get("RECONCILE_RULES") or _shipped_rules())
_PLACEHOLDER = re.compile(r"\{(lex|dim|m):([a-z_0-9]+)\}")


class RuleError(Exception):
    """A rule file that cannot be used; the message names file and line."""


# --------------------------------------------------------------------------- YAML with lines
class _LineLoader(yaml.SafeLoader):
    pass


def _construct_mapping(loader, node, deep=False):
    mapping = yaml.SafeLoader.construct_mapping(loader, node, deep=deep)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_yaml(path: Path) -> Any:
    """Parse YAML keeping each mapping's line as ``__line__``; errors name file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(f"{path}: cannot read: {exc}") from None
    try:
        return yaml.load(text, Loader=_LineLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        raise RuleError(f"{path}{where}: malformed YAML: {getattr(exc, 'problem', exc)}") from None


def strip_lines(obj: Any) -> Any:
    if isinstance(obj, dict):
        return {k: strip_lines(v) for k, v in obj.items() if k != "__line__"}
    if isinstance(obj, list):
        return [strip_lines(v) for v in obj]
    return obj


# Presentation forms never occur in normal text and Persian letters are usually a keyboard
# slip; a rule written with them would silently never match.
_LINT = re.compile("[\ufb50-\ufdff\ufe70-\ufeff\u06a9\u06cc\u06af\u067e\u0686\u0698]")


def fold_pattern(p: str) -> str:
    """Fold a pattern's non-ASCII letters like document text; keep regex syntax as written."""
    out = []
    for ch in p:
        out.append(fold(ch) if ord(ch) > 127 else ch)
    # a space in a pattern is one or more blanks; " ?" is optional blanks
    return "".join(out).replace(" ?", r"\s*").replace(" ", r"\s+")


def trie_regex(words) -> str:
    """A regex matching any of ``words``, longest first, factored into a prefix tree so that
    Python's backtracking engine tries each position once per branch, not once per word.
    A blank inside a word matches any run of blanks."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def walk(node: dict) -> str:
        end = "" in node
        branches = []
        for ch in sorted(k for k in node if k):
            piece = r"\s+" if ch == " " else re.escape(ch)
            branches.append(piece + walk(node[ch]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        # greedy: longer words are tried before the word that ends here
        return f"(?:{body})?" if end else body

    return "(?:" + walk(trie) + ")" if trie else "(?!)"


# --------------------------------------------------------------------------- records
@dataclass
class Rule:
    name: str
    dim: str
    patterns: list[str]
    where: str                     # "file:line"
    examples: list[dict] = field(default_factory=list)
    counter_examples: list[dict] = field(default_factory=list)
    value: dict = field(default_factory=dict)   # fixed attributes the rule adds to its value
    regex: re.Pattern | None = None


@dataclass
class Lexicon:
    name: str
    where: str
    entries: dict[str, Any]        # folded surface -> value
    surfaces: dict[str, str]       # folded surface -> surface as written

    @cached_property
    def alternation(self) -> str:
        return trie_regex(self.entries)


@dataclass
class Dimension:
    name: str
    path: Path
    rules: list[Rule]
    settings: dict[str, Any]
    examples: list[dict] = field(default_factory=list)   # file-level examples
    counter_examples: list[dict] = field(default_factory=list)


class RuleSet:
    """All rule files of one language, compiled."""

    def __init__(self, lang: str, root: Path = RULES_DIR):
        self.lang = lang
        self.root = root
        self.dir = root / lang
        if not self.dir.is_dir():
            raise RuleError(f"{self.dir}: no rules for language '{lang}'")
        self.lexicons: dict[str, Lexicon] = {}
        self.dimensions: dict[str, Dimension] = {}
        self.macros: dict[str, str] = {}
        self.language: dict[str, Any] = {}
        self._dim_regex: dict[str, str] = {}
        self._load()

    # ---- loading
    def _load(self) -> None:
        files = sorted(self.dir.glob("*.yaml"))
        lang_file = self.dir / "language.yaml"
        if lang_file not in files:
            raise RuleError(f"{lang_file}: missing (every language needs one)")
        self.language = load_yaml(lang_file) or {}
        if not isinstance(self.language, dict):
            raise RuleError(f"{lang_file}:1: expected a mapping")
        for name, pat in (self.language.get("macros") or {}).items():
            if name != "__line__":
                self.macros[name] = str(pat)
        self._add_cldr(lang_file)
        raw: dict[Path, dict] = {}
        for path in files:
            if path == lang_file:
                continue
            data = load_yaml(path)
            if not isinstance(data, dict) or "dimension" not in data:
                raise RuleError(f"{path}:1: a rule file is a mapping with a 'dimension' key")
            raw[path] = data
            for lname, entries in (data.get("lexicons") or {}).items():
                if lname == "__line__":
                    continue
                self._add_lexicon(path, lname, entries, (data.get("lexicons") or {}).get("__line__", 1))
        for path, data in raw.items():
            dim = data["dimension"]
            if dim in self.dimensions:
                raise RuleError(f"{path}:1: dimension '{dim}' already defined in {self.dimensions[dim].path.name}")
            rules = []
            for i, r in enumerate(data.get("rules") or []):
                if not isinstance(r, dict) or "name" not in r or not (r.get("pattern") or r.get("patterns")):
                    line = r.get("__line__", "?") if isinstance(r, dict) else "?"
                    raise RuleError(f"{path}:{line}: rule #{i + 1} needs 'name' and 'pattern'")
                pats = r.get("patterns") or [r["pattern"]]
                rules.append(Rule(name=str(r["name"]), dim=dim, patterns=[str(p) for p in pats],
                                  where=f"{path.name}:{r['__line__']}",
                                  examples=r.get("examples") or [],
                                  counter_examples=r.get("counter_examples") or [],
                                  value=strip_lines(r.get("value") or {})))
            settings = {k: v for k, v in data.items()
                        if k not in ("dimension", "lexicons", "rules", "examples", "counter_examples")}
            self.dimensions[dim] = Dimension(dim, path, rules, settings,
                                             data.get("examples") or [], data.get("counter_examples") or [])
        for dim in self.dimensions.values():
            for rule in dim.rules:
                try:
                    body = "|".join(f"(?:{self.expand(p, rule.where)})" for p in rule.patterns)
                    rule.regex = re.compile(self._wrap(body))
                except re.error as exc:
                    raise RuleError(f"{dim.path}:{rule.where.split(':')[1]}: rule '{rule.name}': bad pattern: {exc}") from None

    def _wrap(self, body: str) -> str:
        pre = fold_pattern(self.macros.get("proclitic", ""))
        return rf"(?<!\w){pre}(?P<core>{body})(?!\w)"

    def _add_lexicon(self, path: Path, lname: str, entries: Any, line: int) -> None:
        where = f"{path}:{line}"
        if lname in self.lexicons and not self.lexicons[lname].where.startswith("cldr"):
            raise RuleError(f"{where}: lexicon '{lname}' already defined at {self.lexicons[lname].where}")
        lex = self.lexicons.get(lname) or Lexicon(lname, where, {}, {})
        lex.where = where
        if isinstance(entries, list):
            entries = {e: True for e in entries}
        if not isinstance(entries, dict):
            raise RuleError(f"{where}: lexicon '{lname}' must be a mapping or a list")
        eline = entries.get("__line__", line)
        for surface, value in entries.items():
            if surface == "__line__":
                continue
            surface = str(surface)
            if _LINT.search(surface):
                raise RuleError(f"{path}:{eline}: lexicon '{lname}': '{surface}' has presentation "
                                "forms or Persian letters that never match normal Arabic text")
            lex.entries[fold(surface)] = strip_lines(value)
            lex.surfaces[fold(surface)] = surface
        self.lexicons[lname] = lex

    def _add_cldr(self, where: Path) -> None:
        """Month and weekday names from CLDR (via Babel) for the locales language.yaml lists."""
        cldr = self.language.get("cldr") or {}
        locales = cldr.get("locales") or []
        if not locales:
            return
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
        self.lexicons["month"] = Lexicon("month", "cldr", months, {k: k for k in months})
        self.lexicons["weekday"] = Lexicon("weekday", "cldr", days, {k: k for k in days})
        if cldr.get("timezone_cities"):
            self.lexicons["tz_city"] = Lexicon("tz_city", "cldr", _timezone_cities(locales[0]), {})



    # ---- compiling
    def expand(self, pattern: str, where: str, depth: int = 0) -> str:
        if depth > 8:
            raise RuleError(f"{where}: placeholders nest too deep (a cycle?)")
        pattern = fold_pattern(pattern)

        def sub(m: re.Match) -> str:
            kind, name = m.group(1), m.group(2)
            if kind == "lex":
                if name not in self.lexicons:
                    raise RuleError(f"{self.dir}/{where}: unknown lexicon '{name}'")
                return self.lexicons[name].alternation
            if kind == "m":
                if name not in self.macros:
                    raise RuleError(f"{self.dir}/{where}: unknown macro '{name}'")
                return self.expand(self.macros[name], where, depth + 1)
            return "(?:" + self.dim_regex(name, where, depth + 1) + ")"

        return _PLACEHOLDER.sub(sub, pattern)

    def dim_regex(self, name: str, where: str, depth: int = 0) -> str:
        if name not in self._dim_regex:
            if name not in self.dimensions:
                raise RuleError(f"{self.dir}/{where}: unknown dimension '{name}'")
            d = self.dimensions[name]
            parts = []
            for r in d.rules:
                for p in r.patterns:
                    body = self.expand(p, r.where, depth)
                    try:      # a broken pattern is blamed on its own file, not on its users
                        re.compile(body)
                    except re.error as exc:
                        raise RuleError(f"{d.path}:{r.where.split(':')[1]}: rule '{r.name}': bad pattern: {exc}") from None
                    parts.append(body)
            self._dim_regex[name] = "|".join(f"(?:{b})" for b in parts)
        return self._dim_regex[name]

    def scan_regex(self, dim: str) -> re.Pattern:
        """All of a dimension's rules as one alternation: where a match may start."""
        cache = self.__dict__.setdefault("_scan", {})
        if dim not in cache:
            d = self.dimensions[dim]
            body = "|".join(f"(?:{self.expand(p, r.where)})" for r in d.rules for p in r.patterns)
            cache[dim] = re.compile(self._wrap(body))
        return cache[dim]

    def setting(self, dim: str, key: str, default: Any = None) -> Any:
        d = self.dimensions.get(dim)
        return strip_lines(d.settings.get(key, default)) if d else default

    def lex(self, name: str) -> Lexicon:
        return self.lexicons[name]

    def lex_value(self, name: str, surface: str, default: Any = None) -> Any:
        lex = self.lexicons.get(name)
        return lex.entries.get(fold(surface), default) if lex else default

    @cached_property
    def token_regex(self) -> re.Pattern:
        """One regex finding any lexicon entry or number: what builders read a match with."""
        alts: dict[str, None] = {}
        for lex in self.lexicons.values():
            for s in lex.entries:
                alts[s] = None
        body = trie_regex(alts)
        pre = fold_pattern(self.macros.get("proclitic", ""))
        # a word may be glued to the number before it ("4.25pm", "10م"); a number may be
        # glued to the word after it
        return re.compile(rf"(?:(?<!\w)|(?<=\d)){pre}(?:(?P<tok>{body})(?!\w)|(?P<num>\d+(?:[:.]\d+)?)(?!\d))")

    @cached_property
    def surface_index(self) -> dict[str, list[tuple[str, Any]]]:
        out: dict[str, list[tuple[str, Any]]] = {}
        for lex in self.lexicons.values():
            for s, v in lex.entries.items():
                out.setdefault(s, []).append((lex.name, v))
        return out

    def tokens(self, folded: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str, list[tuple[str, Any]]]]:
        """Typed tokens of folded[start:end]: (start, end, surface, [(lexicon, value), ...])."""
        end = len(folded) if end is None else end
        out = []
        # read the stretch on its own: a match that begins after a glued conjunction
        # ("ونصف") must still see its first word as a word
        piece = folded[start:end]
        for m in self.token_regex.finditer(piece):
            s = m.group("tok") or m.group("num")
            if m.group("tok") is None:
                out.append((start + m.start("num"), start + m.end("num"), s, [("digits", s)]))
                continue
            k = " ".join(s.split())
            kinds = self.surface_index.get(k) or self.surface_index.get(s) or []
            if not kinds and s[0].isdigit():
                kinds = [("digits", s)]
            out.append((start + m.start("tok"), start + m.end("tok"), s, kinds))
        return out



def _timezone_cities(locale: str) -> dict[str, str]:
    """Localised exemplar city -> IANA zone, for the zones this Python's tzdata knows."""
    import zoneinfo

    from babel.dates import get_timezone_location
    out: dict[str, str] = {}
    for zone in sorted(zoneinfo.available_timezones()):
        if zone.startswith(("Etc/", "SystemV/", "US/")) or "/" not in zone:
            continue
        try:
            city = get_timezone_location(zone, locale=locale, return_city=True)
        except (LookupError, ValueError):
            continue
        if city and not city.isascii():   # untranslated cities come back in English
            out.setdefault(fold(city), zone)
    return out


_CACHE: dict[tuple[str, str], RuleSet] = {}


def ruleset(lang: str, root: Path = RULES_DIR) -> RuleSet:
    k = (lang, str(root))
    if k not in _CACHE:
        _CACHE[k] = RuleSet(lang, root)
    return _CACHE[k]
