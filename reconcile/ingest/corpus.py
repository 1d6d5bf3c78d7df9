"""Read article files into a Corpus.

Inputs are folders and/or files: ``.txt`` (one article each, id = file name
without extension) and ``.jsonl`` (one article per line).  A ``sources.yaml``
manifest in a file's folder supplies outlet/language/published/url per file.

Nothing here raises for bad input: every defect becomes a one-line Problem
("error" = the document was skipped, "warning" = read anyway) and the rest of
the input is still read.  Document text is kept exactly as decoded (only a BOM
is dropped) because every later stage stores offsets into it.
"""
from __future__ import annotations

import codecs
import hashlib
import json
import os
import re
import stat
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from reconcile.records import Corpus, Document, Problem

__all__ = ["load_corpus", "detect_language", "normalise_published", "MANIFEST_NAME", "META_FIELDS"]

MANIFEST_NAME = "sources.yaml"
META_FIELDS = ("outlet", "language", "published", "url")
_TEXT_SUFFIXES = (".txt", ".jsonl")

Meta = dict[str, str | None]


class _Skip(Exception):
    """A defect that stops one input being read; the caller words the Problem."""


# --------------------------------------------------------------------------- entry point


def load_corpus(paths: Iterable[str | Path], *, max_bytes: int = 5_000_000) -> Corpus:
    """Read every article under ``paths`` (folders and/or .txt/.jsonl files)."""
    if isinstance(paths, (str, Path)):  # a lone path would otherwise be iterated per character
        paths = [paths]
    paths = list(paths)
    run = _Run(max_bytes=max_bytes)
    for given in paths:
        run.add_path(str(given))
    documents = sorted(run.documents.values(), key=lambda d: d.id)
    return Corpus(documents=documents, problems=run.problems, name=_corpus_name(paths))


def _corpus_name(paths: list[str | Path]) -> str:
    if len(paths) != 1:
        return "corpus"
    path = Path(paths[0])
    if _is_dir(path):
        return path.resolve().name or "corpus"  # "." and "seeds/" still get a real name
    return path.stem or "corpus"


# --------------------------------------------------------------------------- run state


@dataclass
class _Run:
    """What one load_corpus call has gathered so far."""

    max_bytes: int
    documents: dict[str, Document] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    _manifests: dict[Path, dict[str, Meta]] = field(default_factory=dict)

    def error(self, source: str, message: str) -> None:
        self.problems.append(Problem(source, message, "error"))

    def warn(self, source: str, message: str) -> None:
        self.problems.append(Problem(source, message, "warning"))

    # ---- walking the inputs

    def add_path(self, given: str) -> None:
        path = Path(given)
        mode = _stat_mode(path)
        if mode is None:
            self.error(given, "no such file or directory")
        elif stat.S_ISDIR(mode):
            self.add_folder(path)
        elif not stat.S_ISREG(mode):
            # a pipe or a device would block the run or never end
            self.error(given, "not a regular file (a pipe or device?), skipped")
        elif path.suffix.lower() in _TEXT_SUFFIXES:
            self.add_file(path, given)
        else:
            self.error(given, f"unsupported file type {path.suffix or '(none)'!r}, expected .txt or .jsonl")

    def add_folder(self, folder: Path) -> None:
        try:
            entries = sorted(os.listdir(folder))
        except OSError as exc:
            self.error(str(folder), f"cannot list folder: {_reason(exc)}")
            return
        files = [folder / name for name in entries
                 if Path(name).suffix.lower() in _TEXT_SUFFIXES and _is_file(folder / name)]
        self.manifest_for(folder)  # report manifest problems before the files it describes
        if not files:
            self.warn(str(folder), "no .txt or .jsonl files in folder")
        for path in files:
            self.add_file(path, str(path))

    def add_file(self, path: Path, source: str) -> None:
        meta = self.manifest_for(path.parent).get(path.name, {})
        if path.suffix.lower() == ".txt":
            self.add_txt(path, source, meta)
        else:
            self.add_jsonl(path, source, meta)

    # ---- manifests

    def manifest_for(self, folder: Path) -> dict[str, Meta]:
        """The manifest entries for ``folder``, read (and reported on) once per run."""
        key = folder.resolve()
        if key not in self._manifests:
            manifest = folder / MANIFEST_NAME
            self._manifests[key] = self.read_manifest(manifest) if _is_file(manifest) else {}
        return self._manifests[key]

    def read_manifest(self, manifest: Path) -> dict[str, Meta]:
        source = str(manifest)
        try:
            raw = _read_limited(manifest, self.max_bytes)
        except _Skip as exc:
            self.error(source, f"manifest ignored: {exc}")
            return {}
        try:
            entries = _parse_manifest(raw.decode("utf-8-sig"))
        except UnicodeDecodeError:
            self.error(source, "malformed manifest, ignored: not valid UTF-8")
            return {}
        except _Skip as exc:
            self.error(source, f"malformed manifest, ignored: {exc}")
            return {}
        result: dict[str, Meta] = {}
        for name, entry in entries.items():
            if not (manifest.parent / name).is_file():
                self.warn(source, f"entry {name!r} names a file that does not exist")
            for unknown in sorted(set(entry) - set(META_FIELDS), key=str):
                self.warn(source, f"entry {name!r}: unknown field {unknown!r} ignored")
            result[name] = self.clean_meta(entry, source, context=f"entry {name!r}: ")
        return result

    def clean_meta(self, entry: Mapping[Any, Any], source: str, context: str = "") -> Meta:
        """Known metadata fields as clean strings; bad values are warned about and dropped."""
        meta: Meta = {}
        for name in META_FIELDS:
            value = entry.get(name)
            try:
                meta[name] = _clean_field(name, value)
            except ValueError as exc:
                self.warn(source, f"{context}{exc}")
                meta[name] = None
        return meta

    # ---- documents

    def add_txt(self, path: Path, source: str, meta: Meta) -> None:
        doc_id = path.stem
        if self.is_duplicate(doc_id, source):
            return
        try:
            raw = _read_limited(path, self.max_bytes)
            text, encoding, note = _decode_text(raw)
        except _Skip as exc:
            self.error(source, f"{exc}, skipped")
            return
        if note:
            self.warn(source, note)
        self.documents[doc_id] = _make_document(
            doc_id, text, hashlib.sha256(raw).hexdigest(), meta, path=source, encoding=encoding)

    def add_jsonl(self, path: Path, source: str, defaults: Meta) -> None:
        """Stream a JSON Lines file: a feed may hold thousands of articles, so the size limit
        applies to each article (line), and a bad line costs only itself."""
        seen_any = False
        try:
            with path.open("rb") as handle:
                for number, raw in enumerate(handle, start=1):
                    if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                        raw = raw[3:]
                    if not raw.strip():
                        continue
                    seen_any = True
                    where = f"{source}:{number}"
                    if len(raw) > self.max_bytes:
                        self.error(where, f"article too large ({len(raw)} bytes > limit {self.max_bytes}), line skipped")
                        continue
                    try:
                        line = raw.decode("utf-8")  # JSON Lines is UTF-8 by definition
                    except UnicodeDecodeError:
                        self.error(where, "not valid UTF-8 text, line skipped")
                        continue
                    self.add_jsonl_line(line.rstrip("\r\n"), where, source, defaults)
        except OSError as exc:
            self.error(source, f"cannot read: {_reason(exc)}, skipped")
            return
        if not seen_any:
            self.error(source, "empty file, skipped")

    def add_jsonl_line(self, line: str, where: str, path: str, defaults: Meta) -> None:
        try:
            doc_id, text, record = _parse_jsonl_line(line)
        except _Skip as exc:
            self.error(where, f"{exc}, line skipped")
            return
        if self.is_duplicate(doc_id, where):
            return
        meta = self.clean_meta(record, where)
        merged = {name: meta[name] if meta[name] is not None else defaults.get(name) for name in META_FIELDS}
        sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
        self.documents[doc_id] = _make_document(doc_id, text, sha, merged, path=path, encoding="utf-8")

    def is_duplicate(self, doc_id: str, source: str) -> bool:
        first = self.documents.get(doc_id)
        if first is None:
            return False
        self.error(source, f"duplicate document id {doc_id!r} (already read from {first.path}), skipped")
        return True


# --------------------------------------------------------------------------- files


def _stat_mode(path: Path) -> int | None:
    try:
        return path.stat().st_mode
    except (OSError, ValueError):  # ValueError: e.g. an embedded NUL in the path
        return None


def _is_dir(path: Path) -> bool:
    mode = _stat_mode(path)
    return mode is not None and stat.S_ISDIR(mode)


def _is_file(path: Path) -> bool:
    mode = _stat_mode(path)
    return mode is not None and stat.S_ISREG(mode)


def _reason(exc: OSError) -> str:
    return (exc.strerror or type(exc).__name__).lower()


def _read_limited(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, refusing (before reading) anything over ``max_bytes``."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise _Skip(f"file too large ({size} bytes > limit {max_bytes})")
        with path.open("rb") as handle:
            raw = handle.read(max_bytes + 1)  # the file may have grown since stat
    except OSError as exc:
        raise _Skip(f"cannot read file: {_reason(exc)}") from None
    if len(raw) > max_bytes:
        raise _Skip(f"file too large (over {max_bytes} bytes)")
    return raw


# --------------------------------------------------------------------------- decoding


def _decode_text(raw: bytes) -> tuple[str, str, str | None]:
    """Decode a .txt file: (text, codec name, warning or None); raises _Skip.

    The codec name is one Python accepts, so ``raw.decode(encoding) == text``.
    """
    if not raw:
        raise _Skip("empty file")
    text, encoding, note = _pick_encoding(raw)
    if not text.strip():
        raise _Skip("empty file")
    if _control_share(text) > 0.3:
        raise _Skip("looks binary")
    return text, encoding, note


def _pick_encoding(raw: bytes) -> tuple[str, str, str | None]:
    if raw.startswith(codecs.BOM_UTF8):
        return _strict(raw, "utf-8-sig"), "utf-8-sig", None
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(raw, "utf-16"), "utf-16", "decoded as UTF-16"
    if b"\0" in raw:
        # Checked before UTF-8: UTF-16 of ASCII text is also valid UTF-8.
        guessed = _utf16_without_bom(raw)
        if guessed is None:
            raise _Skip("looks binary")
        order = "little" if guessed.endswith("le") else "big"
        return _strict(raw, guessed), guessed, f"decoded as UTF-16 (no BOM, guessed {order}-endian)"
    try:
        return raw.decode("utf-8"), "utf-8", None
    except UnicodeDecodeError:
        pass
    # Arabic newsrooms still export legacy Windows-1256; every byte decodes in it,
    # so only accept the result when it actually reads as Arabic.
    legacy = raw.decode("cp1256")
    if _reads_as_arabic(legacy):
        return legacy, "windows-1256", "decoded as windows-1256"
    if _control_share(legacy) > 0.3:
        raise _Skip("looks binary")
    raise _Skip("not valid UTF-8, UTF-16 or Windows-1256 text")


def _strict(raw: bytes, encoding: str) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError:
        raise _Skip("not valid UTF-8, UTF-16 or Windows-1256 text") from None


def _utf16_without_bom(raw: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when NULs sit (almost) only at one byte parity.

    Text in UTF-16 has a zero high byte for every ASCII character (spaces,
    digits, punctuation, Latin letters); binary formats scatter NULs anywhere.
    """
    if len(raw) % 2:
        return None
    pairs = len(raw) // 2
    even, odd = raw[0::2].count(0), raw[1::2].count(0)
    if odd >= 0.1 * pairs and even <= 0.05 * odd:
        return "utf-16-le"
    if even >= 0.1 * pairs and odd <= 0.05 * even:
        return "utf-16-be"
    return None


def _control_share(text: str) -> float:
    """Share of characters that no text would contain (controls, replacement chars)."""
    bad = sum(1 for ch in text
              if ch == "\ufffd" or (unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f\v"))
    return bad / len(text) if text else 0.0


def _reads_as_arabic(text: str) -> bool:
    """Mostly Arabic script, whitespace, digits and punctuation, Arabic outweighing Latin."""
    arabic = sum(1 for ch in text if _is_arabic(ch))
    latin = sum(1 for ch in text if _is_latin_letter(ch))
    plain = sum(1 for ch in text if ch.isspace() or unicodedata.category(ch)[0] in "PN")
    return arabic > latin and (arabic + plain) >= 0.8 * len(text)


# --------------------------------------------------------------------------- language


def _is_arabic(ch: str) -> bool:
    return ("\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f" or "\u08a0" <= ch <= "\u08ff"
            or "\ufb50" <= ch <= "\ufdff" or "\ufe70" <= ch <= "\ufeff")


def _is_latin_letter(ch: str) -> bool:
    return ch.isalpha() and (ch <= "\u024f" or "\u1e00" <= ch <= "\u1eff")


def detect_language(text: str) -> str | None:
    """'ar' or 'en' when Arabic or Latin letters make up most letters, else None."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return None
    arabic = sum(1 for ch in letters if _is_arabic(ch))
    latin = sum(1 for ch in letters if _is_latin_letter(ch))
    if arabic > len(letters) / 2:
        return "ar"
    if latin > len(letters) / 2:
        return "en"
    return None


def languages_in(text: str, primary: str | None) -> list[str]:
    """The document's language first, then the other script's language when a real share of
    the text is written in it (an Arabic article quoting an English statement)."""
    # counted by regex (in C): this runs on every document of a corpus
    arabic = len(_ARABIC_LETTERS.findall(text))
    latin = len(_LATIN_LETTERS.findall(text))
    total = arabic + latin
    out = [primary] if primary else []
    for lang, count in (("ar", arabic), ("en", latin)):
        if lang not in out and count >= 80 and count >= 0.15 * total:
            out.append(lang)
    return out


_ARABIC_LETTERS = re.compile("[\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff]")
_LATIN_LETTERS = re.compile("[A-Za-z\u00c0-\u024f]")


# --------------------------------------------------------------------------- metadata


class _ManifestLoader(yaml.SafeLoader):
    """SafeLoader that leaves timestamps as text.

    PyYAML raises a bare ValueError for impossible dates (2021-02-30), which
    would sink the whole manifest; as text they get a per-field warning instead.
    """


_ManifestLoader.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_str)


def _parse_manifest(text: str) -> dict[str, Mapping[Any, Any]]:
    """File name -> raw entry; raises _Skip describing the first structural defect."""
    try:
        data = yaml.load(text, Loader=_ManifestLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f" at line {mark.line + 1}" if mark else ""
        raise _Skip(f"YAML error{where}: {exc.problem or exc.context}") from None
    except yaml.YAMLError as exc:  # e.g. ReaderError for control characters: no line mark
        first_line = next(iter(str(exc).splitlines()), type(exc).__name__)
        raise _Skip(f"YAML error: {first_line}") from None
    if data is None:  # an empty manifest describes nothing
        return {}
    if not isinstance(data, dict):
        raise _Skip(f"expected a mapping of file names, got a {_kind(data)}")
    entries: dict[str, Mapping[Any, Any]] = {}
    for name, entry in data.items():
        if entry is None:  # "file.txt:" with nothing under it: no metadata
            entry = {}
        if not isinstance(entry, dict):
            raise _Skip(f"entry {str(name)!r} should be a mapping, got a {_kind(entry)}")
        entries[str(name)] = entry
    return entries


def _kind(value: Any) -> str:
    return {list: "list", str: "string", int: "number", float: "number", bool: "boolean"}.get(
        type(value), type(value).__name__)


def _clean_field(name: str, value: Any) -> str | None:
    """One metadata value as text (None when absent); raises ValueError if unusable."""
    if value is None:
        return None
    if name == "published":
        return normalise_published(value)
    if not isinstance(value, str):
        raise ValueError(f"{name} should be text, got a {_kind(value)}; ignored")
    value = value.strip()
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
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%dT%H:%M")
    if isinstance(value, date):
        return value.isoformat()
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
                return when.strftime("%Y-%m-%dT%H:%M" if hour is not None else "%Y-%m-%d")
    raise ValueError(f"published {str(value)!r} is not a valid date or date-time; ignored")


def _parse_jsonl_line(line: str) -> tuple[str, str, dict[str, Any]]:
    """(id, text, record) from one JSON line; raises _Skip naming the defect."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise _Skip(f"invalid JSON: {exc.msg} at column {exc.colno}") from None
    except RecursionError:
        raise _Skip("invalid JSON: nested too deeply") from None
    if not isinstance(record, dict):
        raise _Skip(f"expected a JSON object, got a {_kind(record)}")
    doc_id, text = record.get("id"), record.get("text")
    if not isinstance(doc_id, str) or not doc_id.strip():
        raise _Skip("missing or empty \"id\"")
    if text is None:
        raise _Skip("missing \"text\"")
    if not isinstance(text, str):
        raise _Skip(f"\"text\" should be a string, got a {_kind(text)}")
    if not text.strip():
        raise _Skip("empty \"text\"")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate written as a \ud8xx escape
        raise _Skip("\"text\" contains an invalid \\u escape (lone surrogate)") from None
    return doc_id, text, record


# --------------------------------------------------------------------------- documents


def _make_document(doc_id: str, text: str, sha: str, meta: Meta, *, path: str, encoding: str) -> Document:
    language = meta.get("language")
    inferred: tuple[str, ...] = ()
    if language is None:
        language = detect_language(text)
        if language is not None:
            inferred = ("language",)
    return Document(
        id=doc_id, text=text, sha256=sha,
        outlet=meta.get("outlet"), language=language, published=meta.get("published"), url=meta.get("url"),
        path=path, encoding=encoding, inferred=inferred,
    )
