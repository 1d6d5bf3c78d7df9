"""Decoding a .txt article: UTF-8, UTF-16 (with or without BOM) or legacy Windows-1256,
refusing what looks binary."""
from __future__ import annotations

import codecs
import unicodedata

from reconcile.ingest.defects import Skip
from reconcile.ingest.language import is_arabic, is_latin_letter


def decode_text(raw: bytes) -> tuple[str, str, str | None]:
    """Decode a .txt file: (text, codec name, warning or None); raises Skip.

    The codec name is one Python accepts, so ``raw.decode(encoding) == text``.
    """
    if not raw:
        raise Skip("empty file")
    text, encoding, note = _pick_encoding(raw)
    if not text.strip():
        raise Skip("empty file")
    if _control_share(text) > 0.3:
        raise Skip("looks binary")
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
            raise Skip("looks binary")
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
        raise Skip("looks binary")
    raise Skip("not valid UTF-8, UTF-16 or Windows-1256 text")


def _strict(raw: bytes, encoding: str) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError:
        raise Skip("not valid UTF-8, UTF-16 or Windows-1256 text") from None


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
    arabic = sum(1 for ch in text if is_arabic(ch))
    latin = sum(1 for ch in text if is_latin_letter(ch))
    plain = sum(1 for ch in text if ch.isspace() or unicodedata.category(ch)[0] in "PN")
    return arabic > latin and (arabic + plain) >= 0.8 * len(text)
