"""Reading input files defensively: what a path is, and its bytes within a size limit."""
from __future__ import annotations

import stat
from pathlib import Path

from reconcile.ingest.defects import Skip


def stat_mode(path: Path) -> int | None:
    try:
        return path.stat().st_mode
    except (OSError, ValueError):  # ValueError: e.g. an embedded NUL in the path
        return None


def is_dir(path: Path) -> bool:
    mode = stat_mode(path)
    return mode is not None and stat.S_ISDIR(mode)


def is_file(path: Path) -> bool:
    mode = stat_mode(path)
    return mode is not None and stat.S_ISREG(mode)


def reason(exc: OSError) -> str:
    return (exc.strerror or type(exc).__name__).lower()


def read_limited(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, refusing (before reading) anything over ``max_bytes``."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise Skip(f"file too large ({size} bytes > limit {max_bytes})")
        with path.open("rb") as handle:
            raw = handle.read(max_bytes + 1)  # the file may have grown since stat
    except OSError as exc:
        raise Skip(f"cannot read file: {reason(exc)}") from None
    if len(raw) > max_bytes:
        raise Skip(f"file too large (over {max_bytes} bytes)")
    return raw
