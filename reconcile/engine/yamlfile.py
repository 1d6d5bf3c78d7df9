"""Read a rule file's YAML keeping line numbers, so every complaint can name file and line.

Each mapping carries its own line as ``__line__`` (what the loaders quote in their errors), and
the parsed node tree is kept alongside: it answers the line of any key or item by its path,
which is how a schema error at ``rules/3/exmaples`` becomes ``duration.yaml:42``.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml


class RuleError(Exception):
    """A rule file that cannot be used; the message names file and line."""


class _LineLoader(yaml.SafeLoader):
    pass


# libyaml's parser builds the same nodes (with their marks) several times faster; the pure
# Python loader is kept to word an error exactly as it always has been
_FastLineLoader: type = getattr(yaml, "CSafeLoader", _LineLoader)
if _FastLineLoader is not _LineLoader:
    class _CLineLoader(_FastLineLoader):
        pass
    _FastLineLoader = _CLineLoader


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    mapping = yaml.SafeLoader.construct_mapping(loader, node, deep=deep)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


for _loader in {_LineLoader, _FastLineLoader}:
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)

JsonPath = Sequence[str | int]


@dataclass
class YamlFile:
    path: Path
    data: Any               # mappings carry ``__line__``
    root: yaml.Node | None  # the parsed nodes, for the line of any path

    def line(self, where: JsonPath) -> int:
        """The line of the key or item at ``where``; the nearest enclosing one's line when the
        path leads nowhere."""
        node, line = self.root, 1
        for step in where:
            found = _step(node, step)
            if found is None:
                break
            at, node = found
            line = at.start_mark.line + 1
        return line


def _step(node: yaml.Node | None, step: str | int) -> tuple[yaml.Node, yaml.Node] | None:
    """(where the step is written, what it leads to): a mapping's key and its value, or a
    sequence's item twice."""
    if isinstance(node, yaml.MappingNode):
        return next(((k, v) for k, v in node.value if k.value == str(step)), None)
    if isinstance(node, yaml.SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
        return node.value[step], node.value[step]
    return None


def read_yaml(path: Path) -> YamlFile:
    """Parse ``path``; unreadable or malformed YAML raises RuleError naming file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(f"{path}: cannot read: {exc}") from None
    try:
        return _parse(path, text, _FastLineLoader)
    except RuleError:
        return _parse(path, text, _LineLoader)


def _parse(path: Path, text: str, loader_class: type) -> YamlFile:
    loader = loader_class(text)
    try:
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        raise RuleError(f"{path}{where}: malformed YAML: {getattr(exc, 'problem', exc)}") from None
    finally:
        loader.dispose()
    return YamlFile(path, data, root)


def strip_lines(obj: Any) -> Any:
    if isinstance(obj, dict):
        return {k: strip_lines(v) for k, v in obj.items() if k != "__line__"}
    if isinstance(obj, list):
        return [strip_lines(v) for v in obj]
    return obj


def as_json(obj: Any) -> Any:
    """The data as JSON would hold it, for schema checks: no line keys, string keys, days
    written as ISO strings (YAML reads an unquoted 2022-03-01 as a date)."""
    if isinstance(obj, dict):
        return {str(k): as_json(v) for k, v in obj.items() if k != "__line__"}
    if isinstance(obj, list):
        return [as_json(v) for v in obj]
    if isinstance(obj, dt.date):
        return obj.isoformat()
    return obj
