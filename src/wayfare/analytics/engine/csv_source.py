"""Reading a CSV source as text: gzip (told by content) decompressed as a stream and capped, the
encoding detected or checked (text encodings only), the delimiter sniffed, and anything that is not
UTF-8 transcoded into a scratch file that DuckDB reads. Never the whole file in memory.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import gzip
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO, Protocol

from .guards import CappedReader, check_text_encoding, failure
from .types import ImportLimits

MESSAGES: dict[str, str] = {
    "bad_encoding": "the file is not valid %(encoding)s text",
}

SNIFF_BYTES = 64 * 1024
TRANSCODE_CHUNK = 4 * 1024 * 1024
DELIMITERS = ",;\t|"
UTF8_NAMES = {"utf-8", "utf8", "utf-8-sig", "utf_8", "utf_8_sig"}


class _Reporter(Protocol):
    total: int

    def phase(self, start: float, end: float, fraction: float) -> None: ...


def sniff_delimiter(sample: str) -> str:
    """Pick the delimiter among , ; TAB | from a text sample: csv.Sniffer first (it understands
    quoting), else the candidate that occurs most often in the header line."""
    lines = sample.splitlines()
    head = "\n".join(lines[:-1] if len(lines) > 1 else lines)
    try:
        found = csv.Sniffer().sniff(head, delimiters=DELIMITERS).delimiter
        if found in DELIMITERS:
            return found
    except csv.Error:
        pass
    header = lines[0] if lines else ""
    return max(DELIMITERS, key=header.count) if any(d in header for d in DELIMITERS) else ","


def detect_encoding(raw: bytes) -> str:
    """Encoding of a file from its first bytes: a BOM decides; else UTF-8 if the sample decodes, else
    cp1252 (Windows' Western European code page), else latin-1 (which accepts any byte)."""
    if raw.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    for candidate in ("utf-8", "cp1252"):
        try:
            codecs.getincrementaldecoder(candidate)().decode(raw, final=False)
            return candidate
        except UnicodeDecodeError:
            continue
    return "latin-1"


class NotUtf8(Exception):
    """DuckDB met invalid UTF-8 past the sniffed sample."""


def _is_gzip(source: Path) -> bool:
    with source.open("rb") as fh:
        return fh.read(2) == b"\x1f\x8b"


@contextlib.contextmanager
def _open_bytes(source: Path, limits: ImportLimits) -> Iterator[tuple[CappedReader, BinaryIO]]:
    """(the file's bytes, decompressed if it is gzip and capped at the expanded limit; the raw file,
    whose position measures progress)."""
    raw = source.open("rb")
    try:
        gz = raw.read(2) == b"\x1f\x8b"
        raw.seek(0)
        stream: Any = gzip.GzipFile(fileobj=raw) if gz else raw
        yield CappedReader(stream, limits.max_expanded_bytes, compressed=gz), raw
    finally:
        raw.close()


def readable_utf8(
    source: Path, encoding: str | None, scratch: Path, report: _Reporter, limits: ImportLimits
) -> tuple[Path, str]:
    """A UTF-8 (possibly BOM-prefixed) file DuckDB can read directly, and a decoded text sample."""
    with _open_bytes(source, limits) as (stream, _raw):
        raw = stream.read(SNIFF_BYTES)
    enc = (encoding or detect_encoding(raw)).lower()
    try:
        sample = codecs.getincrementaldecoder("utf-8-sig" if enc in UTF8_NAMES else enc)(
            errors="strict"
        ).decode(raw, final=False)
    except (UnicodeDecodeError, LookupError) as exc:
        raise failure(MESSAGES, "bad_encoding", encoding=enc) from exc
    if enc in UTF8_NAMES and not _is_gzip(source):
        return source, sample
    transcode(source, scratch, "utf-8-sig" if enc in UTF8_NAMES else enc, report, limits)
    return scratch, sample


def transcode(source: Path, dest: Path, encoding: str, report: _Reporter, limits: ImportLimits) -> None:
    """Stream ``source`` into UTF-8 at ``dest`` in chunks (never the whole file in memory).
    cp1252 leaves five bytes undefined; a file holding one of them is read as latin-1 instead."""
    check_text_encoding(encoding)  # a bytes-to-bytes codec never gets to decode a chunk
    try:
        _transcode_with(source, dest, encoding, report, limits)
    except UnicodeDecodeError as exc:
        if encoding.lower() not in ("cp1252", "windows-1252"):
            raise failure(MESSAGES, "bad_encoding", encoding=encoding) from exc
        _transcode_with(source, dest, "latin-1", report, limits)


def _transcode_with(source: Path, dest: Path, encoding: str, report: _Reporter, limits: ImportLimits) -> None:
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    first = True
    with _open_bytes(source, limits) as (src, raw), dest.open("w", encoding="utf-8", newline="") as out:
        while chunk := src.read(TRANSCODE_CHUNK):
            out.write(decoder.decode(chunk).lstrip("\ufeff") if first else decoder.decode(chunk))
            first = False
            report.phase(0.0, 0.3, raw.tell() / max(report.total, 1))
        out.write(decoder.decode(b"", final=True))
