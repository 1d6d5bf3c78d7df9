"""Writing output files atomically, as a set, with the user's permissions."""
from __future__ import annotations

import glob
import os
import secrets
import shutil
import tempfile
from pathlib import Path

__all__ = ["write_atomic", "write_set"]


def write_atomic(path: Path, text: str) -> None:
    """Write to a temporary file beside ``path`` and rename: a crash never leaves half a report."""
    write_set({path: text})


def write_set(files: dict[Path, str]) -> None:
    """Write several files as one: every text goes to a temporary file beside its target, then
    all are renamed into place; if a rename fails the ones already renamed are rolled back to
    what was there before.  Temporary files are removed on any exit Python sees (an exception,
    KeyboardInterrupt, SIGTERM turned into SystemExit by the command line).  Permissions follow
    the umask, as for any file the user creates (mkstemp alone would make them -rw-------)."""
    mode = 0o666 & ~_umask()
    token = secrets.token_hex(6)   # names this call's temporary files, found again however it ends
    temps: dict[Path, str] = {}
    try:
        for path, text in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            temps[path] = _write_temp(path, text, mode, token)
        _rename_all(temps)
    finally:
        for path in files:
            for tmp in path.parent.glob(f".{glob.escape(path.name)}.{token}.*.tmp"):
                _remove(str(tmp))


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _write_temp(path: Path, text: str, mode: int, token: str) -> str:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.{token}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fchmod(fh.fileno(), mode)
    except BaseException:
        _remove(tmp)
        raise
    return tmp


def _rename_all(temps: dict[Path, str]) -> None:
    """Rename every temporary file onto its target, or (on failure) put the old targets back."""
    backups: dict[Path, str | None] = {}
    try:
        for path in temps:
            backups[path] = _backup(path)
        done: list[Path] = []
        try:
            for path, tmp in temps.items():
                os.replace(tmp, path)
                done.append(path)
        except BaseException:
            for path in done:
                old = backups[path]
                if old is None:
                    _remove(str(path))
                else:
                    os.replace(old, path)
                    backups[path] = None
            raise
    finally:
        for old in backups.values():
            if old is not None:
                _remove(old)


def _backup(path: Path) -> str | None:
    """A hard link to the file now at ``path`` (None when there is none), to roll back to."""
    if not path.is_file() or path.is_symlink():
        return None
    name = str(path.parent / f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.old")
    try:
        os.link(path, name)
    except OSError:       # a file system without hard links: a copy
        shutil.copy2(path, name)
    return name


def _remove(name: str) -> None:
    try:
        os.unlink(name)
    except OSError:
        pass
