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
from reconcile.ingest.files import is_dir, is_file, open_regular, read_limited, reason, shown, stat_mode, why_missing
from reconcile.ingest.jsonl import parse_jsonl_line
from reconcile.ingest.language import detect_language
from reconcile.ingest.manifest import (
    MANIFEST_NAME,
    MAX_MANIFEST_BYTES,
    META_FIELDS,
    Meta,
    clean_field,
    parse_manifest,
)
from reconcile.records import Corpus, Document, Problem

__all__ = ["load_corpus"]

_TEXT_SUFFIXES = (".txt", ".jsonl")


# --------------------------------------------------------------------------- entry point


def load_corpus(paths: Iterable[str | Path], *, max_bytes: int = 5_000_000,
                follow_symlinks: bool = False) -> Corpus:
    """Read every article under ``paths`` (folders and/or .txt/.jsonl files).

    A folder is a box: a symbolic link in it is read only when it points inside the folder,
    unless ``follow_symlinks``.  A path given explicitly is read wherever it points."""
    if isinstance(paths, (str, Path)):  # a lone path would otherwise be iterated per character
        paths = [paths]
    paths = list(paths)
    run = _Run(max_bytes=max_bytes, follow_symlinks=follow_symlinks)
    for given in paths:
        run.add_path(str(given))
    documents = sorted(run.documents.values(), key=lambda d: d.id)
    return Corpus(documents=documents, problems=run.problems, name=_corpus_name(paths))


def _corpus_name(paths: list[str | Path]) -> str:
    if len(paths) != 1:
        return "corpus"
    path = Path(paths[0])
    if is_dir(path):
        return shown(Path(os.path.realpath(path)).name) or "corpus"  # "." and "seeds/" still get a real name
    return shown(path.stem) or "corpus"


# --------------------------------------------------------------------------- run state


@dataclass
class _Run:
    """What one load_corpus call has gathered so far."""

    max_bytes: int
    follow_symlinks: bool = False
    documents: dict[str, Document] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    _manifests: dict[Path, dict[str, Meta]] = field(default_factory=dict)

    def error(self, source: str, message: str) -> None:
        self.problems.append(Problem(shown(source), message, "error"))

    def warn(self, source: str, message: str) -> None:
        self.problems.append(Problem(shown(source), message, "warning"))

    # ---- walking the inputs

    def add_path(self, given: str) -> None:
        path = Path(given)
        mode = stat_mode(path)
        if mode is None:
            self.error(given, why_missing(path))
        elif stat.S_ISDIR(mode):
            self.add_folder(path)
        elif not stat.S_ISREG(mode):
            # a pipe or a device would block the run or never end
            self.error(given, "not a regular file (a pipe or device?), skipped")
        elif path.suffix.lower() in _TEXT_SUFFIXES:
            self.add_file(path, given, follow=True)
        else:
            self.error(given, f"unsupported file type {shown(path.suffix) or '(none)'!r}, expected .txt or .jsonl")

    def add_folder(self, folder: Path) -> None:
        try:
            entries = sorted(os.listdir(folder))
        except OSError as exc:
            self.error(str(folder), f"cannot list folder: {reason(exc)}")
            return
        root = os.path.realpath(folder)
        files = [folder / name for name in entries
                 if Path(name).suffix.lower() in _TEXT_SUFFIXES and self.in_box(folder / name, root)]
        self.manifest_for(folder)  # report manifest problems before the files it describes
        if not files:
            self.warn(str(folder), "no .txt or .jsonl files in folder")
        for path in files:
            self.add_file(path, str(path), follow=self.follow_symlinks or path.is_symlink())

    def in_box(self, path: Path, root: str) -> bool:
        """Whether an article-named entry of a folder is a regular file to read; when it is
        not, one line says what it is and that it was skipped."""
        why = None
        mode = stat_mode(path)
        if mode is None:
            why = why_missing(path)
        elif stat.S_ISDIR(mode):
            why = "a folder, not a file"
        elif not stat.S_ISREG(mode):
            why = "not a regular file (a pipe or device)"
        elif path.is_symlink() and not self.follow_symlinks:
            target = os.path.realpath(path)
            if os.path.commonpath([root, target]) != root:
                why = f"symbolic link to {shown(target)}, outside the folder (--follow-symlinks reads it)"
        if why:
            self.error(str(path), f"{why}, skipped")
        return why is None

    def add_file(self, path: Path, source: str, follow: bool) -> None:
        """One input file; whatever goes wrong reading it costs only this file."""
        try:
            self.read_file(path, source, follow)
        except Exception as exc:  # noqa: BLE001 - the boundary of one input: name it, go on
            self.error(source, f"could not be read ({type(exc).__name__}: {str(exc)[:200]}), skipped")

    def read_file(self, path: Path, source: str, follow: bool) -> None:
        meta = self.manifest_for(path.parent).get(path.name, {})
        if path.suffix.lower() == ".txt":
            self.add_txt(path, source, meta, follow)
        else:
            self.add_jsonl(path, source, meta, follow)

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
            raw = read_limited(manifest, min(self.max_bytes, MAX_MANIFEST_BYTES))
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
            if not is_file(manifest.parent / name):
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

    def add_txt(self, path: Path, source: str, meta: Meta, follow: bool) -> None:
        doc_id = shown(path.stem)
        if self.is_duplicate(doc_id, source):
            return
        try:
            raw = read_limited(path, self.max_bytes, follow=follow)
            text, encoding, note = decode_text(raw)
        except Skip as exc:
            self.error(source, f"{exc}, skipped")
            return
        if note:
            self.warn(source, note)
        self.documents[doc_id] = _make_document(
            doc_id, text, hashlib.sha256(raw).hexdigest(), meta, path=shown(source), encoding=encoding)

    def add_jsonl(self, path: Path, source: str, defaults: Meta, follow: bool) -> None:
        """Stream a JSON Lines file: a feed may hold thousands of articles, so the size limit
        applies to each article (line), and a bad line costs only itself."""
        seen_any = False
        try:
            with open_regular(path, follow) as handle:
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
        except Skip as exc:
            self.error(source, f"{exc}, skipped")
            return
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
        doc_id = shown(doc_id)
        if self.is_duplicate(doc_id, where):
            return
        meta = self.clean_meta(record, where)
        merged = {name: meta[name] if meta[name] is not None else defaults.get(name) for name in META_FIELDS}
        sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
        self.documents[doc_id] = _make_document(doc_id, text, sha, merged, path=shown(path), encoding="utf-8")

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
