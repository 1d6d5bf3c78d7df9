"""The review app's settings (``tui.json``): the bidi display choice and the reviewer's name."""
from __future__ import annotations

import json
import os
from pathlib import Path


def settings_file() -> Path:
    base = os.environ.get("RECONCILE_CONFIG_DIR")
    return (Path(base) if base else Path.home() / ".config" / "reconcile") / "tui.json"


def load_settings(path: Path) -> tuple[dict, str | None]:
    """The settings and, when the file is unusable, why (the app then starts with defaults)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}, None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return {}, f"{path}: settings ignored ({exc})"
    return (data, None) if isinstance(data, dict) else ({}, f"{path}: settings ignored (not a JSON object)")


def save_settings(path: Path, settings: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(settings, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(tmp, path)
