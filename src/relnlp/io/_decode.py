"""Decode the bytes of a text file: BOMs, UTF-8, then charset detection."""

from __future__ import annotations

import codecs
import warnings
from pathlib import Path

from relnlp.errors import Errors, InputError, RelnlpWarning, Warnings

__all__ = ["decode_bytes"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _looks_binary(data: bytes) -> str | None:
    head = data[:8192]
    if head.startswith((b"%PDF", b"PK\x03\x04", b"\x89PNG", b"\xff\xd8\xff", b"GIF8")):
        return "its header is that of a PDF, ZIP/Office, or image file"
    if b"\x00" in head:
        return "it contains NUL bytes"
    return None


def _bomless_utf16(data: bytes) -> str | None:
    """ "utf-16-le"/"utf-16-be" when ``data`` looks like UTF-16 text without a BOM (as some
    Windows tools export): mostly Latin text puts a NUL in every other byte and none in
    the others. Text mostly outside Latin-1 is not recognised (and stays refused)."""
    head = data[:8192]
    if len(data) % 2 or len(head) < 8:
        return None
    even, odd = head[0::2], head[1::2]
    for zeros, other, enc in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros.count(0) >= 0.9 * len(zeros) and other.count(0) == 0:
            return enc
    return None


def decode_bytes(data: bytes, path: Path | str = "<bytes>") -> tuple[str, str]:
    """Decode ``data`` to text and return ``(text, encoding)``.

    BOMs are honoured (UTF-8/16/32); BOM-less UTF-8 is tried next, then BOM-less UTF-16
    of mostly Latin text (with a W202 warning, as for every guess); otherwise
    charset-normalizer guesses, and a guess it is not confident in is refused with a
    coded :class:`~relnlp.errors.InputError`. Line endings are left as they are.
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as exc:
                raise InputError(Errors.E003.format(path=path, guess=enc), path=str(path)) from exc
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if "\x00" not in text:
            return text, "utf-8"
    enc16 = _bomless_utf16(data)
    if enc16 is not None:
        try:
            decoded = data.decode(enc16)
        except UnicodeDecodeError:
            pass
        else:
            if "\x00" not in decoded:
                warnings.warn(
                    Warnings.W202.format(path=path, encoding=enc16), RelnlpWarning, stacklevel=3
                )
                return decoded, enc16
    why = _looks_binary(data)
    if why:
        raise InputError(Errors.E008.format(path=path, detail=why), path=str(path))
    # Reports in English that are not UTF-8 are nearly always Windows-1252 (a superset
    # of Latin-1's printable range); statistical detection confuses the single-byte Latin
    # code pages on short texts, so a strict cp1252 decode is tried first.
    try:
        decoded = data.decode("cp1252")
    except UnicodeDecodeError:
        pass
    else:
        if not any("\x80" <= c <= "\x9f" for c in decoded):
            warnings.warn(
                Warnings.W202.format(path=path, encoding="cp1252"), RelnlpWarning, stacklevel=3
            )
            return decoded, "cp1252"
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise InputError(Errors.E003.format(path=path, guess=None), path=str(path))
    decoded = str(best)
    if "\x00" in decoded:
        raise InputError(Errors.E008.format(path=path, detail="NUL characters"), path=str(path))
    warnings.warn(
        Warnings.W202.format(path=path, encoding=best.encoding), RelnlpWarning, stacklevel=3
    )
    return decoded, best.encoding
