"""Load and compile the declarative rule files under ``rules/<lang>/``.

A rule file names its lexicons (surface -> value, each surface written once) and its rules
(a pattern over the folded text that may refer to a lexicon ``{lex:NAME}``, to another
dimension ``{dim:NAME}`` or to a macro ``{m:NAME}``), and carries its own examples.  Everything
language-specific lives in the YAML; this module only knows how to read and compile it.
A broken file raises ``RuleError`` naming the file and line.
"""
from __future__ import annotations

import difflib
import os
import re
from collections.abc import Callable
from functools import cached_property, partial
from pathlib import Path
from typing import Any, TypeVar

from reconcile.engine.dimscan import DimensionScan, JointScan, RawMatch
from reconcile.engine.normalise import fold
from reconcile.engine.patterns import fold_pattern, trie_regex
from reconcile.engine.prefixes import Prefix, start_prefixes
from reconcile.engine.rulefiles import (
    Dimension,
    Lexicon,
    Rule,
    cldr_lexicons,
    dimension_of,
    lexicon_entries,
    read_dimension_file,
    read_language,
)
from reconcile.engine.schema import check
from reconcile.engine.yamlfile import RuleError, YamlFile, read_yaml, strip_lines

# Other modules import these from here: the loader's public face.
__all__ = ["RULES_DIR", "Dimension", "Lexicon", "Rule", "RuleError", "RuleSet", "fold_pattern", "load_yaml",
           "ruleset", "strip_lines", "trie_regex"]


def _shipped_rules() -> Path:
    """The rule files: inside the installed package (``reconcile/rules``, package data of a
    wheel or ``pip install .``), else the repository's own ``rules/`` (a source checkout or an
    editable install, where pyproject maps that folder into the package only when building)."""
    package = Path(__file__).resolve().parent.parent
    installed = package / "rules"
    return installed if (installed / "entities.yaml").is_file() else package.parent / "rules"


# RECONCILE_RULES (or ``reconcile --rules DIR``) points a run or a test at another copy.
RULES_DIR = Path(os.environ.get("RECONCILE_RULES") or _shipped_rules())
# the dimensions every document is scanned for, in the order extraction lists them: scanned
# together (engine.dimscan.JointScan); any other dimension is scanned alone, on demand
DOCUMENT_DIMENSIONS = ("duration", "clock_time", "date", "medium", "initiator", "location", "attribution", "event")
T = TypeVar("T")
# where the characters standing for lexicons in a start guard's reading begin (Unicode's
# private use area: no rule or lexicon writes them)
_FIRST_ATOM = 0xE000
_PLACEHOLDER = re.compile(r"\{(lex|dim|m):([a-z_0-9]+)\}")


def load_yaml(path: Path, schema: str | None = None) -> Any:
    """Parse YAML keeping each mapping's line as ``__line__``; with ``schema`` (a name under
    reconcile/engine/schemas/) check it too.  Errors name file and line."""
    doc = read_yaml(path)
    if schema is not None:
        check(doc, schema)
    return doc.data


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
        self._atom_of: dict[str, str] = {}
        self._settings: dict[tuple[str, str], Any] = {}
        self._lexicon_atoms: dict[str, frozenset[Prefix] | None] = {}
        self._load()

    # ---- loading
    def _load(self) -> None:
        lang_file = self.dir / "language.yaml"
        self.language = read_language(lang_file, self.lang)
        self.macros = {name: str(pat) for name, pat in (self.language.get("macros") or {}).items()
                       if name != "__line__"}
        self.lexicons.update(cldr_lexicons(self.language, lang_file))
        docs = [read_dimension_file(path) for path in sorted(self.dir.glob("*.yaml")) if path != lang_file]
        for doc in docs:
            for lname in doc.data.get("lexicons") or {}:
                if lname != "__line__":
                    self._add_lexicon(doc, lname)
        for doc in docs:
            dim = doc.data["dimension"]
            if dim in self.dimensions:
                raise RuleError(f"{doc.path}:1: dimension '{dim}' already defined in {self.dimensions[dim].path.name}")
            self.dimensions[dim] = dimension_of(doc)
        self._scans = {name: self._scan(d) for name, d in self.dimensions.items()}
        # every pattern is compiled here, so a broken one fails the load: the document
        # dimensions together, each other dimension alone
        together = [name for name in DOCUMENT_DIMENSIONS if name in self._scans]
        self.joint = self._compiled(together, lambda: JointScan([self._scans[n] for n in together]))
        self.joint_dimensions = tuple(together)        # what joint.find's lists are, in order
        self._in_joint = {name: k for k, name in enumerate(together)}
        for name, scan in self._scans.items():
            if name not in self._in_joint:
                self._compiled([name], partial(getattr, scan, "regex"))

    def _scan(self, d: Dimension) -> DimensionScan:
        bodies = ["|".join(f"(?:{self.expand(p, rule.where)})" for p in rule.patterns) for rule in d.rules]
        pre = fold_pattern(self.macros.get("proclitic", ""))
        # the openings every match can begin with, checked first: most words fail there
        # (read from the lexicons' openings: parsing every word would cost as much as compiling)
        return DimensionScan(d.rules, bodies, pre, start_prefixes(pre + f"(?:{self._body(d, opening=True)})",
                                                                  atoms=self._lexicon_atoms))

    def _compiled(self, names: list[str], compile_them: Callable[[], T]) -> T:
        """What ``compile_them`` compiles from these dimensions' rules; a broken pattern is
        blamed on the rule's own file and line, or on the file of a dimension it refers to
        when the fault is there."""
        try:
            return compile_them()
        except re.error as exc:
            self._blame_referenced()
            for name in names:
                d = self.dimensions[name]
                for rule, body in zip(d.rules, self._scans[name].bodies, strict=True):
                    try:
                        re.compile(self._wrap(body))
                    except re.error as rule_exc:
                        raise RuleError(f"{d.path}:{rule.line}: rule '{rule.name}': bad pattern: {rule_exc}") from None
            for name in names:
                try:
                    re.compile(self._scans[name].source("_"))
                except re.error as dim_exc:
                    raise RuleError(f"{self.dimensions[name].path}:1: the rules of dimension '{name}' "
                                    f"do not compile together: {dim_exc}") from None
            raise RuleError(f"{self.dir}: the dimensions {', '.join(names)} do not compile together: {exc}") from None

    def _blame_referenced(self) -> None:
        """Raise on the first broken pattern of a dimension used through ``{dim:...}``.  Only
        done once a compile failed: checking each body up front compiled them all twice."""
        for name in self._dim_regex:
            d = self.dimensions[name]
            for r in d.rules:
                for p in r.patterns:
                    try:
                        re.compile(self.expand(p, r.where))
                    except re.error as exc:
                        raise RuleError(f"{d.path}:{r.line}: rule '{r.name}': bad pattern: {exc}") from None

    def _wrap(self, body: str) -> str:
        """A rule's body as a whole word after optional proclitics: how a rule is compiled
        alone to find which one is broken."""
        pre = fold_pattern(self.macros.get("proclitic", ""))
        return rf"(?<!\w){pre}(?P<core>{body})(?!\w)"

    def _add_lexicon(self, doc: YamlFile, lname: str) -> None:
        """A file's lexicon; one CLDR fills may be extended ("sept" for September), any other
        is defined once."""
        where = f"{doc.path}:{doc.line(['lexicons', lname])}"
        if lname in self.lexicons and not self.lexicons[lname].where.startswith("cldr"):
            raise RuleError(f"{where}: lexicon '{lname}' already defined at {self.lexicons[lname].where}")
        lex = self.lexicons.get(lname) or Lexicon(lname, where, {}, {})
        lex.where = where
        values, surfaces = lexicon_entries(doc, lname)
        lex.entries.update(values)
        lex.surfaces.update(surfaces)
        self.lexicons[lname] = lex

    # ---- compiling
    def expand(self, pattern: str, where: str, depth: int = 0, opening: bool = False) -> str:
        """A pattern with its placeholders filled in; with ``opening``, only as much of it as
        a start guard reads (each lexicon cut to its words' first characters)."""
        if depth > 8:
            raise RuleError(f"{where}: placeholders nest too deep (a cycle?)")
        pattern = fold_pattern(pattern)

        def sub(m: re.Match) -> str:
            kind, name = m.group(1), m.group(2)
            if kind == "lex":
                self._known("lexicon", name, self.lexicons, where)
                lex = self.lexicons[name]
                return self._lexicon_atom(lex) if opening else lex.alternation
            if kind == "m":
                self._known("macro", name, self.macros, where)
                return self.expand(self.macros[name], where, depth + 1, opening)
            if opening:
                self._known("dimension", name, self.dimensions, where)
                return "(?:" + self._body(self.dimensions[name], depth + 1, opening) + ")"
            return "(?:" + self.dim_regex(name, where, depth + 1) + ")"

        return _PLACEHOLDER.sub(sub, pattern)

    def _lexicon_atom(self, lex: Lexicon) -> str:
        """One private-use character standing for a lexicon in a start guard's reading: the
        prefixes of its words are read once a run (``self._lexicon_atoms``), not parsed again
        with every pattern that names it (that parse cost as much as compiling)."""
        atom = self._atom_of.get(lex.name)
        if atom is None:
            atom = self._atom_of[lex.name] = chr(_FIRST_ATOM + len(self._atom_of))
            self._lexicon_atoms[atom] = start_prefixes(lex.opening, allow_empty=True)
        # in a group of its own: the parser would merge single characters in alternation
        # into one class ("(?:{lex:a}|{lex:b})")
        return f"({atom})"

    def _body(self, d: Dimension, depth: int = 0, opening: bool = False) -> str:
        """All of a dimension's patterns as one alternation."""
        return "|".join(f"(?:{self.expand(p, r.where, depth, opening)})" for r in d.rules for p in r.patterns)

    def _known(self, kind: str, name: str, names, where: str) -> None:
        """A placeholder must name something defined; a near miss is suggested."""
        if name not in names:
            near = difflib.get_close_matches(name, list(names), n=1)
            hint = f" (did you mean '{near[0]}'?)" if near else ""
            raise RuleError(f"{self.dir}/{where}: unknown {kind} '{name}'{hint}")

    def dim_regex(self, name: str, where: str, depth: int = 0) -> str:
        if name not in self._dim_regex:
            self._known("dimension", name, self.dimensions, where)
            d = self.dimensions[name]
            # a broken pattern is blamed on its own file, not on its users (_blame_referenced)
            self._dim_regex[name] = self._body(d, depth)
        return self._dim_regex[name]

    def scan(self, dim: str) -> DimensionScan:
        """A dimension's rules, as one scan (see engine.dimscan)."""
        return self._scans[dim]

    def find_scanned(self, dim: str, folded: str, start: int = 0, end: int | None = None) -> list[RawMatch]:
        """Every rule's match where the dimension's scan stops (engine.matching keeps the longest)."""
        k = self._in_joint.get(dim)
        if k is None:
            return self._scans[dim].find(folded, start, end)
        return self.joint.find(folded, start, end)[k]

    def setting(self, dim: str, key: str, default: Any = None) -> Any:
        """A dimension's setting without its line numbers; read once (builders ask for theirs
        at every match), so the value is shared: read it, never change it."""
        d = self.dimensions.get(dim)
        if d is None or key not in d.settings:
            return default
        if (dim, key) not in self._settings:
            self._settings[dim, key] = strip_lines(d.settings[key])
        return self._settings[dim, key]

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

    def tokens(self, folded: str, start: int = 0,
               end: int | None = None) -> list[tuple[int, int, str, list[tuple[str, Any]]]]:
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



_CACHE: dict[tuple[str, str], RuleSet] = {}


def ruleset(lang: str, root: Path = RULES_DIR) -> RuleSet:
    k = (lang, str(root))
    if k not in _CACHE:
        _CACHE[k] = RuleSet(lang, root)
    return _CACHE[k]
