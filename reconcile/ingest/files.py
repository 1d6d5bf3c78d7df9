"""Reading input files defensively: what a path is, its bytes within a size limit, and how a
file name is shown (a name in another charset's bytes, or with control characters, is escaped)."""
from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path
from typing import BinaryIO

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


def why_missing(path: Path) -> str:
    """Why ``path`` cannot be stat'ed: a symbolic link loop, a dangling link, or nothing there."""
    try:
        os.lstat(path)
    except (OSError, ValueError):
        return "no such file or directory"
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop"
        if exc.errno == errno.ENOENT:
            return "dangling symbolic link (its target does not exist)"
        return f"cannot read: {reason(exc)}"
    except ValueError:
        return "no such file or directory"
    return "no such file or directory"


_UNSHOWABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def shown(name: str) -> str:
    """A file name as text that can be printed and written: bytes that were not UTF-8 (which
    Python keeps as lone surrogates) as ``\\xNN``, control and bidi-override characters as
    ``\\xNN``/``\\uNNNN``.  A plain name is returned unchanged."""
    if not _UNSHOWABLE.search(name):
        return name
    return _UNSHOWABLE.sub(_escape, name)


def _escape(m: re.Match[str]) -> str:
    ch = m.group()
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:         # os.fsdecode's surrogateescape: one undecodable byte
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def open_regular(path: Path, follow: bool = True) -> BinaryIO:
    """The file opened for reading; raises Skip unless it is a regular file (checked on the open
    file: a pipe put in a file's place is never waited on) or, unless ``follow``, if it is a link."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    if not follow:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise Skip("symbolic link loop" if follow else "symbolic link not followed") from None
        raise Skip(f"cannot read file: {reason(exc)}") from None
    except ValueError:
        raise Skip("cannot read file: bad file name") from None
    try:
        regular = stat.S_ISREG(os.fstat(fd).st_mode)
        if regular:
            os.set_blocking(fd, True)
    except OSError as exc:
        os.close(fd)
        raise Skip(f"cannot read file: {reason(exc)}") from None
    if not regular:
        os.close(fd)
        raise Skip("not a regular file (a folder, pipe or device)")
    return os.fdopen(fd, "rb")


def read_limited(path: Path, max_bytes: int, *, follow: bool = True) -> bytes:
    """The file's bytes, refusing (before reading) anything over ``max_bytes`` or not a regular file."""
    with open_regular(path, follow) as handle:
        try:
            info = os.fstat(handle.fileno())
            if info.st_size > max_bytes:
                raise Skip(f"file too large ({info.st_size} bytes > limit {max_bytes})")
            raw = handle.read(max_bytes + 1)  # the file may have grown since stat
        except OSError as exc:
            raise Skip(f"cannot read file: {reason(exc)}") from None
    if len(raw) > max_bytes:
        raise Skip(f"file too large (over {max_bytes} bytes)")
    return raw
