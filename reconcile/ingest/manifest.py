"""The ``sources.yaml`` manifest: outlet, language, published and url per file, and the
cleaning every metadata value goes through (manifest entries and JSON Lines records alike)."""
from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

import yaml

from reconcile.dimensions.dates import YEAR_MAX, YEAR_MIN
from reconcile.ingest.defects import Skip, kind_name

MANIFEST_NAME = "sources.yaml"
META_FIELDS = ("outlet", "language", "published", "url")

Meta = dict[str, str | None]


MAX_MANIFEST_BYTES = 1_000_000   # a manifest of thousands of entries is a few hundred KB
MAX_DEPTH = 8                    # file name -> entry -> field value is 3 deep


class _ManifestLoader(yaml.SafeLoader):
    """SafeLoader that leaves timestamps as text, refuses aliases and limits nesting.

    PyYAML raises a bare ValueError for impossible dates (2021-02-30), which
    would sink the whole manifest; as text they get a per-field warning instead.
    A manifest has no use for aliases (``*name``), and an alias bomb (a few hundred bytes
    that expand to billions of nodes) or a value nested hundreds deep must cost nothing.
    """

    _depth = 0

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark
            raise yaml.composer.ComposerError(None, None, "aliases (*name) are not allowed in a manifest", mark)
        if self._depth >= MAX_DEPTH:
            mark = self.peek_event().start_mark
            raise yaml.composer.ComposerError(None, None, f"nested more than {MAX_DEPTH} levels deep", mark)
        self._depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def _timestamp_as_text(loader: _ManifestLoader, node: yaml.Node) -> str:
    return loader.construct_yaml_str(node)


_ManifestLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_as_text)


def parse_manifest(text: str) -> dict[str, Mapping[Any, Any]]:
    """File name -> raw entry; raises Skip describing the first structural defect."""
    try:
        data = yaml.load(text, Loader=_ManifestLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f" at line {mark.line + 1}" if mark else ""
        raise Skip(f"YAML error{where}: {exc.problem or exc.context}") from None
    except RecursionError:  # a flow collection the scanner nests too deeply
        raise Skip(f"YAML error: nested more than {MAX_DEPTH} levels deep") from None
    except yaml.YAMLError as exc:  # e.g. ReaderError for control characters: no line mark
        first_line = next(iter(str(exc).splitlines()), type(exc).__name__)
        raise Skip(f"YAML error: {first_line}") from None
    if data is None:  # an empty manifest describes nothing
        return {}
    if not isinstance(data, dict):
        raise Skip(f"expected a mapping of file names, got a {kind_name(data)}")
    entries: dict[str, Mapping[Any, Any]] = {}
    for name, entry in data.items():
        if entry is None:  # "file.txt:" with nothing under it: no metadata
            entry = {}
        if not isinstance(entry, dict):
            raise Skip(f"entry {str(name)!r} should be a mapping, got a {kind_name(entry)}")
        entries[str(name)] = entry
    return entries


def clean_field(name: str, value: Any) -> str | None:
    """One metadata value as text (None when absent); raises ValueError if unusable."""
    if value is None:
        return None
    if name == "published":
        return normalise_published(value)
    if not isinstance(value, str):
        raise ValueError(f"{name} should be text, got a {kind_name(value)}; ignored")
    value = value.strip()
    if not value.isprintable() and any("\ud800" <= ch <= "\udfff" for ch in value):
        raise ValueError(f"{name} contains an invalid \\u escape (lone surrogate); ignored")
    if name == "language":
        value = value.lower()  # language codes are case-insensitive; later stages compare "ar"
    return value or None


_PUBLISHED = re.compile(
    r"(\d{4})-(\d{1,2})-(\d{1,2})"
    r"(?:[T ](\d{1,2}):(\d{2})(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?)?"
)


def normalise_published(value: Any) -> str | None:
    """'YYYY-MM-DD' or 'YYYY-MM-DDTHH:MM' (seconds and zone dropped); raises ValueError.

    The zone is dropped rather than converted because ``published`` is the
    outlet's local wall-clock time, which is what the written offset accompanies.
    """
    if value is None:
        return None
    if isinstance(value, (date, datetime)):   # a caller's own value (the manifest keeps dates as text)
        return normalise_published(value.isoformat())
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        match = _PUBLISHED.fullmatch(text)
        if match:
            year, month, day, hour, minute = match.groups()
            try:
                when = datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0))
            except ValueError:
                pass
            else:
                if not YEAR_MIN <= when.year <= YEAR_MAX:
                    raise ValueError(f"published {text[:40]!r} is outside the years {YEAR_MIN}-{YEAR_MAX}; ignored")
                return when.strftime("%Y-%m-%dT%H:%M" if hour is not None else "%Y-%m-%d")
    if not isinstance(value, str):
        raise ValueError(f"published should be a date, got a {kind_name(value)}; ignored")
    raise ValueError(f"published {value[:40]!r} is not a valid date or date-time; ignored")
