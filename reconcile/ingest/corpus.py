"""Read article files into a Corpus.

Inputs are folders and/or files: ``.txt`` (one article each, id = file name
without extension) and ``.jsonl`` (one article per line).  A ``sources.yaml``
manifest in a file's folder supplies outlet/language/published/url per file.

Nothing here raises for bad input: every defect becomes a one-line Problem
("error" = the document was skipped, "warning" = read anyway) and the rest of
the input is still read.  Document text is kept exactly as decoded (only a BOM
is dropped) because every later stage stores offsets into it.

Walking the inputs and gathering the documents is here; reading files is in files.py,
decoding in decoding.py, the manifest and metadata values in manifest.py, a JSON Lines
record in jsonl.py, language detection in language.py.
"""
from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reconcile.ingest.decoding import decode_text
from reconcile.ingest.defects import Skip
from reconcile.ingest.files import is_dir, is_file, read_limited, reason, stat_mode
from reconcile.ingest.jsonl import parse_jsonl_line
from reconcile.ingest.language import detect_language
from reconcile.ingest.manifest import MANIFEST_NAME, META_FIELDS, Meta, clean_field, parse_manifest
from reconcile.records import Corpus, Document, Problem

__all__ = ["load_corpus"]

_TEXT_SUFFIXES = (".txt", ".jsonl")


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
    if is_dir(path):
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
        mode = stat_mode(path)
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
            self.error(str(folder), f"cannot list folder: {reason(exc)}")
            return
        files = [folder / name for name in entries
                 if Path(name).suffix.lower() in _TEXT_SUFFIXES and is_file(folder / name)]
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
            self._manifests[key] = self.read_manifest(manifest) if is_file(manifest) else {}
        return self._manifests[key]

    def read_manifest(self, manifest: Path) -> dict[str, Meta]:
        source = str(manifest)
        try:
            raw = read_limited(manifest, self.max_bytes)
        except Skip as exc:
            self.error(source, f"manifest ignored: {exc}")
            return {}
        try:
            entries = parse_manifest(raw.decode("utf-8-sig"))
        except UnicodeDecodeError:
            self.error(source, "malformed manifest, ignored: not valid UTF-8")
            return {}
        except Skip as exc:
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
                meta[name] = clean_field(name, value)
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
            raw = read_limited(path, self.max_bytes)
            text, encoding, note = decode_text(raw)
        except Skip as exc:
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
                        self.error(where, f"article too large ({len(raw)} bytes > limit {self.max_bytes}), "
                                          "line skipped")
                        continue
                    try:
                        line = raw.decode("utf-8")  # JSON Lines is UTF-8 by definition
                    except UnicodeDecodeError:
                        self.error(where, "not valid UTF-8 text, line skipped")
                        continue
                    self.add_jsonl_line(line.rstrip("\r\n"), where, source, defaults)
        except OSError as exc:
            self.error(source, f"cannot read: {reason(exc)}, skipped")
            return
        if not seen_any:
            self.error(source, "empty file, skipped")

    def add_jsonl_line(self, line: str, where: str, path: str, defaults: Meta) -> None:
        try:
            doc_id, text, record = parse_jsonl_line(line)
        except Skip as exc:
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
