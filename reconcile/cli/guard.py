"""What stands between the command line and the outside: report names that cannot leave the
output folder, and the last boundary of the process (signals, an unexpected error)."""
from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn

from reconcile.ingest.files import shown

EXIT_INTERNAL = 70   # sysexits' EX_SOFTWARE: a bug, named in one line


def corpus_name(paths: list[Path]) -> str:
    """The report name a run gets by default: the folder's (or file's) name."""
    if len(paths) == 1:
        p = Path(os.path.realpath(paths[0]))    # never raises, even on a symlink loop
        return shown((p.name if p.is_dir() else p.stem) or "corpus")
    return "corpus"


def name_problem(name: str) -> str | None:
    """Why ``name`` cannot name a report (None when it can): NAME.json must be a file in --out."""
    if (not name.strip() or name in (".", "..") or any(c in name for c in "/\\\0")
            or shown(name) != name):
        return f"--name {shown(name)!r}: give a plain file name (no folders, no control characters)"
    return None


def guarded(app: Callable[[], Any]) -> None:
    """Run the command line so that SIGTERM and Ctrl-C unwind normally (temporary files are
    removed) and an unexpected error is one line on stderr with exit code 70, not a traceback
    (RECONCILE_DEBUG=1 shows it)."""
    for sig, code in ((signal.SIGTERM, 143), (signal.SIGINT, 130)):
        signal.signal(sig, _exit_on(code))
    try:
        app()
    except Exception as exc:  # noqa: BLE001 - the last boundary
        if os.environ.get("RECONCILE_DEBUG"):
            raise
        message = shown(f"{type(exc).__name__}: {exc}")[:300]
        sys.stderr.write(f"reconcile: internal error ({message}); this is a bug: "
                         "RECONCILE_DEBUG=1 shows the traceback\n")
        sys.exit(EXIT_INTERNAL)


def _exit_on(code: int) -> Callable[[int, Any], NoReturn]:
    def handler(signum: int, frame: Any) -> NoReturn:
        raise SystemExit(code)
    return handler
