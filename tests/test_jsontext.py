"""The report's indented JSON is byte for byte what json.dumps(indent=2) writes."""
from __future__ import annotations

import json
import math
from enum import Enum, IntEnum

import pytest

from reconcile.report.jsontext import indented_json


class Colour(str, Enum):
    RED = "red"


class Level(IntEnum):
    HIGH = 3


VALUES = [
    {}, [], "", 0, -1.5, 1e300, 2**70, None, True, False, (1, 2),
    {"a": [], "b": {}, "c": [{}], "d": [[], [1, [2, {"e": None}]]]},
    {"نص": "قال \"المتحدث\"\n\t\u202e", "x": ["\x00", "é", 0.1, -0.0]},
    {7: "int key", 2.5: "float key", True: "bool key", False: "false key", None: "none key", "s": Colour.RED, "l": Level.HIGH},
    [Colour.RED, Level.HIGH, {"deep": [[[["x"]]]]}],
]


@pytest.mark.parametrize("value", VALUES)
def test_same_bytes_as_json_dumps(value):
    assert indented_json(value) == json.dumps(value, ensure_ascii=False, indent=2, allow_nan=False)


@pytest.mark.parametrize("bad", [math.nan, [math.inf], {"k": -math.inf}, {math.nan: 1}])
def test_non_finite_floats_refused_like_json(bad):
    with pytest.raises(ValueError):
        json.dumps(bad, allow_nan=False)
    with pytest.raises(ValueError):
        indented_json(bad)


@pytest.mark.parametrize("bad", [{1, 2}, {"k": object()}, {(1, 2): "tuple key"}])
def test_unserialisable_refused_like_json(bad):
    with pytest.raises(TypeError):
        json.dumps(bad)
    with pytest.raises(TypeError):
        indented_json(bad)
