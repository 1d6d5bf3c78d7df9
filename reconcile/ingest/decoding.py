"""Decoding a .txt article, refusing what looks binary: strict UTF-8 first (UTF-16 when a BOM or
the NULs say so); UTF-8 with a few bad bytes is read as UTF-8 with replacement and flagged; only
text that is not UTF-8 at all goes to charset detection (charset-normalizer), limited to the
legacy charsets Arabic and English newsrooms use."""
from __future__ import annotations

import codecs
import unicodedata

from reconcile.ingest.defects import Skip


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
        try:
            return raw.decode("utf-8-sig"), "utf-8-sig", None
        except UnicodeDecodeError:
            return _damaged_utf8(raw, "utf-8-sig", always=True)  # type: ignore[return-value]
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
    damaged = _damaged_utf8(raw, "utf-8")
    if damaged is not None:
        return damaged
    return _detected(raw)


def _damaged_utf8(raw: bytes, codec: str, always: bool = False) -> tuple[str, str, str] | None:
    """UTF-8 with a few invalid bytes (a torn copy, a stray byte): read as UTF-8 with U+FFFD for
    each bad sequence, rather than re-read in a legacy charset that would garble the rest.

    UTF-8 it is when the valid multi-byte characters outnumber the invalid sequences (a legacy
    charset's text almost never forms valid UTF-8 sequences), or when the bad ones are a tiny share
    (or ``always``: a UTF-8 BOM says so).  Then ``raw.decode(codec, "replace") == text``."""
    text = raw.decode(codec, "replace")
    bad = text.count("\ufffd") - raw.count("\ufffd".encode())
    multibyte = sum(1 for ch in text if ch > "\x7f") - text.count("\ufffd")
    if always or multibyte >= bad or bad * 1000 <= len(raw):
        return text, codec, f"{bad} invalid UTF-8 sequence{'s' * (bad > 1)} replaced by U+FFFD, read as UTF-8"
    return None


# Legacy charsets an Arabic or English newsroom's files come in; detection is limited to them, as a
# short text fits many charsets about as well (a French é read as Baltic ą).
_LEGACY = {"cp1256": "windows-1256", "iso8859_6": "iso-8859-6", "cp1252": "windows-1252", "latin_1": "latin-1"}


def _detected(raw: bytes) -> tuple[str, str, str]:
    """Text in a legacy charset, found by charset-normalizer; raises Skip when none fits."""
    from charset_normalizer import from_bytes
    best = from_bytes(raw, cp_isolation=list(_LEGACY)).best()
    if best is None or best.encoding not in _LEGACY:
        raise Skip("not valid UTF-8, UTF-16 or " + ", ".join(_LEGACY.values()) + " text")
    name = _LEGACY[best.encoding]
    text = raw.decode(name)    # the codec name recorded must decode the bytes to this very text
    if _control_share(text) > 0.3:
        raise Skip("looks binary")
    return text, name, f"decoded as {name}"


def _strict(raw: bytes, encoding: str) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError:
        raise Skip(f"not valid {encoding.upper()} text") from None


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


def utf8_encodable(s: str) -> bool:
    """Whether a string can be written as UTF-8 (no lone surrogates from a bad byte or argv)."""
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
