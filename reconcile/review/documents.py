"""The report's articles, read on demand for the review app's article view."""
from __future__ import annotations

import hashlib
from pathlib import Path


class Documents:
    """Full texts of the report's documents, read on demand and kept."""

    def __init__(self, report_path: Path, documents: list[dict]):
        self.report_path = Path(report_path)
        self.meta = {d["id"]: d for d in documents}
        self._texts: dict[str, str] = {}

    def _candidates(self, p: str) -> list[Path]:
        # the report stores paths as given to `reconcile run`, relative to where it ran
        path = Path(p)
        if path.is_absolute():
            return [path]
        here = self.report_path.resolve().parent
        return [path, here / path, here.parent / path]

    def text(self, doc_id: str) -> tuple[str | None, str | None]:
        """(text, None) or (None, why it cannot be shown)."""
        if doc_id in self._texts:
            return self._texts[doc_id], None
        meta = self.meta.get(doc_id)
        if not meta or not meta.get("path"):
            return None, f"the report gives no file for document {doc_id}"
        found = next((c for c in self._candidates(meta["path"]) if c.is_file()), None)
        if found is None:
            return None, (f"{meta['path']} not found (looked beside the current folder and the report); "
                          "open the app from the folder where `reconcile run` was run")
        from reconcile.ingest.corpus import load_corpus
        corpus = load_corpus([found])
        for d in corpus.documents:              # a .jsonl file holds many: keep them all
            self._texts.setdefault(d.id, d.text)
        if doc_id not in self._texts:
            return None, f"{found}: document {doc_id} is not in it any more"
        return self._texts[doc_id], None

    def changed(self, doc_id: str) -> bool:
        """The file's text is not the one the report was made from (spans may be off)."""
        text, meta = self._texts.get(doc_id), self.meta.get(doc_id) or {}
        if text is None or not meta.get("sha256"):
            return False
        for enc in {meta.get("encoding") or "utf-8", "utf-8"}:
            try:
                if hashlib.sha256(text.encode(enc)).hexdigest() == meta["sha256"]:
                    return False
            except (LookupError, UnicodeEncodeError):
                pass
        # a BOM dropped on reading changes the hash without changing the text
        return hashlib.sha256(b"\xef\xbb\xbf" + text.encode("utf-8")).hexdigest() != meta["sha256"]


def published(doc: dict | None) -> str:
    """A document's publication time as the report gives it, or "unknown"."""
    return ((doc or {}).get("published") or "").replace("T", " ") or "unknown"
