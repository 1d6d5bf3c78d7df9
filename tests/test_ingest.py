"""Tests for reconcile.ingest.corpus.load_corpus: every bad input becomes a Problem, never an exception."""
from __future__ import annotations

import hashlib
import json
import random
from pathlib import Path

import pytest

from reconcile.ingest.corpus import load_corpus
from reconcile.ingest.language import detect_language
from reconcile.ingest.manifest import normalise_published
from reconcile.records import Corpus, Problem

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
ARABIC = "قال الرئيس إن المكالمة استمرت ساعة كاملة، وفق وكالة الأنباء.\n"
ENGLISH = "The call between the two presidents lasted fifty minutes, officials said.\n"


def write(path: Path, content: str | bytes) -> Path:
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def by_id(corpus: Corpus) -> dict:
    return {doc.id: doc for doc in corpus.documents}


def lines(corpus: Corpus) -> list[str]:
    return [problem.line() for problem in corpus.problems]


# --------------------------------------------------------------------------- seeds


def test_seeds_folder_loads_five_documents_with_manifest_metadata():
    corpus = load_corpus([SEEDS])

    assert corpus.name == "seeds"
    assert corpus.problems == []
    assert [doc.id for doc in corpus.documents] == [
        "000_ef8e19684d263ac7", "001_2a0fee5fc085109d", "002_2808b5d65a21cd4e",
        "003_a2b39e0f3c473ada", "004_37c19ced86855876",
    ]
    docs = by_id(corpus)
    assert docs["004_37c19ced86855876"].outlet == "Al Jazeera"
    assert docs["004_37c19ced86855876"].published == "2021-12-08"  # a YAML date
    assert docs["000_ef8e19684d263ac7"].published == "2021-12-31T01:20"
    assert docs["000_ef8e19684d263ac7"].outlet == "Al Khaleej"
    assert docs["002_2808b5d65a21cd4e"].outlet is None  # null in the manifest
    for doc in corpus.documents:
        assert doc.language == "ar"
        assert doc.inferred == ()  # the manifest gave the language
        assert doc.encoding == "utf-8"
        raw = Path(doc.path).read_bytes()
        assert doc.sha256 == hashlib.sha256(raw).hexdigest()
        assert doc.text == raw.decode("utf-8")


def test_single_seed_file_uses_neighbouring_manifest():
    corpus = load_corpus([str(SEEDS / "003_a2b39e0f3c473ada.txt")])

    assert corpus.name == "003_a2b39e0f3c473ada"
    assert corpus.problems == []
    (doc,) = corpus.documents
    assert (doc.outlet, doc.published) == ("Al Khaleej Al Jadeed", "2022-02-12T15:15")
    assert doc.path == str(SEEDS / "003_a2b39e0f3c473ada.txt")


# --------------------------------------------------------------------------- bad .txt files


def test_empty_file_is_an_error(tmp_path):
    write(tmp_path / "empty.txt", b"")
    write(tmp_path / "good.txt", ENGLISH)

    corpus = load_corpus([tmp_path])

    assert [doc.id for doc in corpus.documents] == ["good"]
    assert corpus.problems == [Problem(str(tmp_path / "empty.txt"), "empty file, skipped", "error")]


def test_whitespace_only_file_is_an_error(tmp_path):
    path = write(tmp_path / "blank.txt", " \n\t\r\n   \n")

    corpus = load_corpus([path])

    assert corpus.documents == []
    assert corpus.problems == [Problem(str(path), "empty file, skipped", "error")]


def test_bom_only_file_is_empty(tmp_path):
    path = write(tmp_path / "bom.txt", b"\xef\xbb\xbf\n")

    corpus = load_corpus([path])

    assert corpus.documents == []
    assert lines(corpus) == [f"error: {path}: empty file, skipped"]


def test_binary_file_is_skipped(tmp_path):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00" + b"\x00" * 64
    path = write(tmp_path / "image.txt", png)

    corpus = load_corpus([path])

    assert corpus.documents == []
    assert corpus.problems == [Problem(str(path), "looks binary, skipped", "error")]


def test_control_characters_without_nuls_look_binary(tmp_path):
    path = write(tmp_path / "noise.txt", bytes(range(1, 32)) * 4 + b"abc")

    corpus = load_corpus([path])

    assert corpus.documents == []
    assert lines(corpus) == [f"error: {path}: looks binary, skipped"]


def test_cp1256_arabic_is_decoded_with_a_warning(tmp_path):
    raw = ARABIC.encode("cp1256")
    path = write(tmp_path / "legacy.txt", raw)

    corpus = load_corpus([path])

    (doc,) = corpus.documents
    assert doc.text == ARABIC
    assert doc.encoding == "windows-1256"
    assert raw.decode(doc.encoding) == doc.text
    assert doc.sha256 == hashlib.sha256(raw).hexdigest()
    assert doc.language == "ar" and doc.inferred == ("language",)
    assert corpus.problems == [Problem(str(path), "decoded as windows-1256", "warning")]


def test_utf16_with_bom_is_decoded_with_a_warning(tmp_path):
    text = "Hello\r\nworld — " + ARABIC
    raw = text.encode("utf-16")  # native order, with BOM
    assert raw[:2] in (b"\xff\xfe", b"\xfe\xff")
    path = write(tmp_path / "wide.txt", raw)

    corpus = load_corpus([path])

    (doc,) = corpus.documents
    assert doc.text == text  # BOM dropped, CRLF kept
    assert doc.encoding == "utf-16"
    assert raw.decode(doc.encoding) == doc.text
    assert doc.sha256 == hashlib.sha256(raw).hexdigest()
    assert corpus.problems == [Problem(str(path), "decoded as UTF-16", "warning")]


def test_utf16_without_bom_is_recognised_by_its_nuls(tmp_path):
    raw = ENGLISH.encode("utf-16-le")
    path = write(tmp_path / "wide.txt", raw)

    corpus = load_corpus([path])

    (doc,) = corpus.documents
    assert doc.text == ENGLISH
    assert doc.encoding == "utf-16-le"
    assert [(p.severity, p.message) for p in corpus.problems] == [
        ("warning", "decoded as UTF-16 (no BOM, guessed little-endian)")]


def test_latin1_text_is_detected_and_read_with_a_warning(tmp_path):
    latin1 = "Café crème brûlée, naïve façade résumé.\n".encode("latin-1")
    path = write(tmp_path / "french.txt", latin1)

    corpus = load_corpus([path])

    (doc,) = corpus.documents
    assert doc.text == "Café crème brûlée, naïve façade résumé.\n"
    assert latin1.decode(doc.encoding) == doc.text
    assert corpus.problems == [Problem(str(path), f"decoded as {doc.encoding}", "warning")]


def test_bytes_that_are_no_supported_encoding_are_an_error(tmp_path):
    cyrillic = "Переговоры продолжались около часа, сообщил представитель.\n".encode("cp1251") * 3
    path = write(tmp_path / "russian.txt", cyrillic)

    corpus = load_corpus([path])

    assert corpus.documents == []
    assert corpus.problems == [Problem(
        str(path), "not valid UTF-8, UTF-16 or windows-1256, iso-8859-6, windows-1252, latin-1 text, skipped",
        "error")]


def test_huge_file_is_refused_without_reading_it(tmp_path, monkeypatch):
    path = write(tmp_path / "big.txt", "x" * 100)
    real_open = Path.open

    def guarded_open(self, *args, **kwargs):
        assert self.name != "big.txt", "oversized file was opened"
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", guarded_open)
    corpus = load_corpus([path], max_bytes=10)

    assert corpus.documents == []
    assert corpus.problems == [Problem(str(path), "file too large (100 bytes > limit 10), skipped", "error")]


def test_file_at_the_limit_is_read(tmp_path):
    path = write(tmp_path / "exact.txt", "y" * 10)

    corpus = load_corpus([path], max_bytes=10)

    assert [doc.text for doc in corpus.documents] == ["y" * 10]


def test_unreadable_file_is_an_error(tmp_path, monkeypatch):
    path = write(tmp_path / "locked.txt", ENGLISH)
    write(tmp_path / "open.txt", ENGLISH)
    import reconcile.ingest.files as files
    real_open = files.os.open

    def deny(name, *args, **kwargs):
        if Path(name).name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real_open(name, *args, **kwargs)

    monkeypatch.setattr(files.os, "open", deny)
    corpus = load_corpus([tmp_path])

    assert [doc.id for doc in corpus.documents] == ["open"]
    assert corpus.problems == [Problem(str(path), "cannot read file: permission denied, skipped", "error")]


# --------------------------------------------------------------------------- text is kept exactly


def test_text_is_byte_identical_to_the_decoded_file(tmp_path):
    text = "\u200fسطر أول\r\n\tقال: «نعم»  \r\n\nSecond line\u00a0with NBSP\rold-mac line\n\n"
    raw = b"\xef\xbb\xbf" + text.encode("utf-8")
    path = write(tmp_path / "exact.txt", raw)

    (doc,) = load_corpus([path]).documents

    assert doc.text == text
    assert doc.encoding == "utf-8-sig"
    assert raw.decode(doc.encoding) == doc.text
    assert doc.sha256 == hashlib.sha256(raw).hexdigest()
    start = text.index("«")
    assert doc.text[start:start + 5] == "«نعم»"  # offsets into the file's text stay valid


# --------------------------------------------------------------------------- manifests


def test_bad_yaml_manifest_is_one_error_and_documents_still_load(tmp_path):
    write(tmp_path / "a.txt", ARABIC)
    manifest = write(tmp_path / "sources.yaml", "a.txt:\n  outlet: [Al Jazeera\n  language: ar\n")

    corpus = load_corpus([tmp_path])

    (doc,) = corpus.documents
    assert (doc.id, doc.outlet, doc.published) == ("a", None, None)
    assert doc.language == "ar" and doc.inferred == ("language",)
    (problem,) = corpus.problems
    assert (problem.source, problem.severity) == (str(manifest), "error")
    assert problem.message.startswith("malformed manifest, ignored: YAML error at line ")
    assert "\n" not in problem.message


def test_manifest_that_is_a_list_is_one_error_and_documents_still_load(tmp_path):
    write(tmp_path / "a.txt", ENGLISH)
    manifest = write(tmp_path / "sources.yaml", "- a.txt\n- b.txt\n")

    corpus = load_corpus([tmp_path])

    assert [(doc.id, doc.outlet, doc.language) for doc in corpus.documents] == [("a", None, "en")]
    assert corpus.problems == [Problem(
        str(manifest), "malformed manifest, ignored: expected a mapping of file names, got a list", "error")]


def test_manifest_entry_that_is_not_a_mapping_voids_the_manifest(tmp_path):
    write(tmp_path / "a.txt", ENGLISH)
    write(tmp_path / "b.txt", ENGLISH)
    manifest = write(tmp_path / "sources.yaml", "a.txt: {outlet: Reuters}\nb.txt: Reuters\n")

    corpus = load_corpus([tmp_path])

    assert [doc.outlet for doc in corpus.documents] == [None, None]
    assert corpus.problems == [Problem(
        str(manifest), "malformed manifest, ignored: entry 'b.txt' should be a mapping, got a string", "error")]


def test_manifest_warnings_for_unknown_fields_missing_files_and_bad_dates(tmp_path):
    write(tmp_path / "a.txt", ENGLISH)
    write(tmp_path / "b.txt", ENGLISH)
    manifest = write(tmp_path / "sources.yaml", (
        "a.txt:\n  outlet: Reuters\n  author: Someone\n  published: 2021-02-30\n"
        "b.txt:\n  published: 2021-12-31 01:20:45+03:00\n  language: EN\n  url: https://example.com/b\n"
        "gone.txt:\n  outlet: Nobody\n"
    ))

    corpus = load_corpus([tmp_path])

    docs = by_id(corpus)
    assert (docs["a"].outlet, docs["a"].published) == ("Reuters", None)
    assert (docs["b"].published, docs["b"].language, docs["b"].url) == (
        "2021-12-31T01:20", "en", "https://example.com/b")
    assert docs["b"].inferred == ()
    source = str(manifest)
    assert corpus.problems == [
        Problem(source, "entry 'a.txt': unknown field 'author' ignored", "warning"),
        Problem(source, "entry 'a.txt': published '2021-02-30' is not a valid date or date-time; ignored",
                "warning"),
        Problem(source, "entry 'gone.txt' names a file that does not exist", "warning"),
    ]


def test_null_manifest_entry_means_no_metadata(tmp_path):
    write(tmp_path / "a.txt", ENGLISH)
    write(tmp_path / "sources.yaml", "a.txt:\n")

    corpus = load_corpus([tmp_path])

    assert corpus.problems == []
    assert corpus.documents[0].outlet is None


@pytest.mark.parametrize("value, expected", [
    ("2021-12-30", "2021-12-30"),
    ("2021-12-31T01:20", "2021-12-31T01:20"),
    ("2021-12-31 1:20:59", "2021-12-31T01:20"),
    ("2021-12-31T01:20:00Z", "2021-12-31T01:20"),
    ("  ", None),
    (None, None),
])
def test_normalise_published(value, expected):
    assert normalise_published(value) == expected


@pytest.mark.parametrize("value", ["yesterday", "2021-13-01", "2021-12-31T25:00", "31/12/2021", 2021])
def test_normalise_published_rejects(value):
    with pytest.raises(ValueError):
        normalise_published(value)


# --------------------------------------------------------------------------- jsonl


def test_jsonl_keeps_good_lines_and_reports_bad_ones_by_line(tmp_path):
    good = {"id": "j1", "text": ENGLISH, "outlet": "AP", "published": "2021-12-30T18:05:00"}
    path = write(tmp_path / "feed.jsonl", "\n".join([
        json.dumps(good),
        "{not json",
        "",
        json.dumps({"id": "j2", "outlet": "AFP"}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "", "text": "x"}),
        json.dumps({"id": "j3", "text": 42}),
        "   ",
    ]) + "\n")

    corpus = load_corpus([path])

    (doc,) = corpus.documents
    assert (doc.id, doc.text, doc.outlet, doc.published) == ("j1", ENGLISH, "AP", "2021-12-30T18:05")
    assert doc.sha256 == hashlib.sha256(ENGLISH.encode("utf-8")).hexdigest()
    assert doc.path == str(path) and doc.encoding == "utf-8"
    assert doc.language == "en" and doc.inferred == ("language",)
    assert [(p.source, p.severity) for p in corpus.problems] == [
        (f"{path}:2", "error"), (f"{path}:4", "error"), (f"{path}:5", "error"),
        (f"{path}:6", "error"), (f"{path}:7", "error"),
    ]
    messages = [p.message for p in corpus.problems]
    assert messages[0].startswith("invalid JSON: ")
    assert messages[1:] == [
        'missing "text", line skipped',
        "expected a JSON object, got a list, line skipped",
        'missing or empty "id", line skipped',
        '"text" should be a string, got a number, line skipped',
    ]


def test_jsonl_line_that_is_not_utf8_costs_only_that_line(tmp_path):
    good = json.dumps({"id": "ok", "text": "plain text"}) + "\n"
    path = write(tmp_path / "feed.jsonl", '{"id": "x", "text": "caf\xe9"}\n'.encode("latin-1") + good.encode())

    corpus = load_corpus([path])

    assert [d.id for d in corpus.documents] == ["ok"]
    assert corpus.problems == [Problem(f"{path}:1", "not valid UTF-8 text, line skipped", "error")]


def test_jsonl_feed_larger_than_the_article_limit_is_read(tmp_path):
    lines = [json.dumps({"id": f"a{i}", "text": "x" * 400}) for i in range(10)]
    path = write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n")

    corpus = load_corpus([path], max_bytes=1000)

    assert len(corpus.documents) == 10 and corpus.problems == []


def test_jsonl_takes_manifest_entry_as_defaults(tmp_path):
    write(tmp_path / "feed.jsonl", json.dumps({"id": "j1", "text": ARABIC, "language": "ar"}) + "\n"
          + json.dumps({"id": "j2", "text": ARABIC, "outlet": "BBC"}) + "\n")
    write(tmp_path / "sources.yaml", "feed.jsonl: {outlet: Al Jazeera, language: ar}\n")

    corpus = load_corpus([tmp_path])

    assert corpus.problems == []
    assert [(doc.id, doc.outlet, doc.language) for doc in corpus.documents] == [
        ("j1", "Al Jazeera", "ar"), ("j2", "BBC", "ar")]


# --------------------------------------------------------------------------- paths and ids


def test_duplicate_ids_keep_the_first_and_report_the_later(tmp_path):
    first, second = tmp_path / "one", tmp_path / "two"
    first.mkdir()
    second.mkdir()
    write(first / "same.txt", "first version\n")
    write(second / "same.txt", "second version\n")
    write(second / "feed.jsonl", json.dumps({"id": "same", "text": "third"}) + "\n")

    corpus = load_corpus([first, second])

    assert corpus.name == "corpus"
    assert [(doc.id, doc.text) for doc in corpus.documents] == [("same", "first version\n")]
    duplicate = f"duplicate document id 'same' (already read from {first / 'same.txt'}), skipped"
    assert corpus.problems == [
        Problem(f"{second / 'feed.jsonl'}:1", duplicate, "error"),
        Problem(str(second / "same.txt"), duplicate, "error"),
    ]


def test_nonexistent_path_is_an_error(tmp_path):
    missing = tmp_path / "nowhere"
    write(tmp_path / "a.txt", ENGLISH)

    corpus = load_corpus([str(missing), tmp_path / "a.txt"])

    assert [doc.id for doc in corpus.documents] == ["a"]
    assert corpus.problems == [Problem(str(missing), "no such file or directory", "error")]


def test_other_extensions_ignored_in_folders_but_refused_when_named(tmp_path):
    write(tmp_path / "notes.md", ENGLISH)
    write(tmp_path / "b.txt", ENGLISH)
    write(tmp_path / "a.TXT", ENGLISH)
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub" / "deep.txt", ENGLISH)  # folders are not walked recursively

    folder = load_corpus([tmp_path])
    named = load_corpus([tmp_path / "notes.md"])

    assert [doc.id for doc in folder.documents] == ["a", "b"]
    assert folder.problems == []
    assert named.documents == []
    assert named.problems == [Problem(
        str(tmp_path / "notes.md"), "unsupported file type '.md', expected .txt or .jsonl", "error")]


def test_documents_sorted_by_id_and_problems_in_encounter_order(tmp_path):
    write(tmp_path / "b.txt", ENGLISH)
    write(tmp_path / "a.txt", ARABIC)
    write(tmp_path / "c.txt", b"")
    write(tmp_path / "0.jsonl", json.dumps({"id": "z", "text": ENGLISH}) + "\n{\n")

    corpus = load_corpus([tmp_path / "c.txt", tmp_path])

    assert [doc.id for doc in corpus.documents] == ["a", "b", "z"]
    assert [p.source for p in corpus.problems] == [
        str(tmp_path / "c.txt"), f"{tmp_path / '0.jsonl'}:2", str(tmp_path / "c.txt")]


def test_language_detection():
    assert detect_language(ARABIC) == "ar"
    assert detect_language(ENGLISH) == "en"
    assert detect_language("12:30 — 45%") is None
    assert detect_language("Привет мир") is None


def test_random_bytes_never_raise(tmp_path):
    rng = random.Random(20211230)
    for index in range(40):
        size = rng.choice([1, 2, 7, 64, 513])
        write(tmp_path / f"r{index:02}.txt", bytes(rng.randrange(256) for _ in range(size)))
        write(tmp_path / f"r{index:02}.jsonl", bytes(rng.randrange(256) for _ in range(size)))
    write(tmp_path / "sources.yaml", bytes(rng.randrange(256) for _ in range(200)))

    corpus = load_corpus([tmp_path])

    read = {doc.path for doc in corpus.documents}
    reported = {p.source.rsplit(":", 1)[0] if p.source.endswith(tuple("0123456789")) else p.source
                for p in corpus.problems}
    for path in tmp_path.glob("r*.txt"):
        assert str(path) in read | reported
    assert all("\n" not in p.message for p in corpus.problems)
