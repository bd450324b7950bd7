"""What keeps an import from exhausting the machine or leaking it (issue #11).

- Encodings: only codecs that turn bytes into text. Python's codec registry also holds bytes-to-bytes
  transforms (``bz2_codec``, ``zlib_codec``, ``base64_codec``, ``hex_codec``, ``uu_codec``) and the
  str-to-str ``rot_13``; a 1,169-byte file "decoded" as ``bz2_codec`` took a worker from 0.25 to 4.8 GB.
  ``codecs.CodecInfo._is_text_encoding`` is how Python itself refuses them in ``bytes.decode``.
- Sizes: a source stream is read through :class:`CappedReader`, which stops as soon as more than the
  cap has come out (of a gzip stream, before the rest is decompressed).
- Messages: errors carry a code and parameters (see :func:`failure`); details that come from a library
  go through :func:`safe_detail`, so no server path or exception class reaches a page.
"""

from __future__ import annotations

import codecs
import re
from typing import Any, BinaryIO

from .types import EventLogImportError, RowError

MESSAGES: dict[str, str] = {
    "unknown_encoding": "unknown encoding %(encoding)s",
    "not_text_encoding": "%(encoding)s is not a text encoding (it does not turn bytes into text)",
    "too_large": "the file is larger than the limit of %(limit)s",
    "too_expanded": "the file expands to more than the limit of %(limit)s",
    "too_many_events": "the log holds more than the limit of %(limit)s events",
    "unreadable_source": "the source file could not be read",
    "corrupt_gzip": "the compressed file is corrupt or cut short",
    "internal": "the import failed unexpectedly; the details are in the server log",
}


def failure(
    messages: dict[str, str],
    code: str,
    errors: list[RowError] | None = None,
    error_count: int | None = None,
    **params: Any,
) -> EventLogImportError:
    """An import error whose English text is ``messages[code] % params`` and which carries both."""
    text = messages[code] % params if params else messages[code]
    return EventLogImportError(text, errors, error_count, code=code, params=params)


def is_text_encoding(name: str) -> bool:
    """True when ``name`` is a codec that decodes bytes into text (utf-8, cp1252, gb18030, utf-16...)."""
    try:
        info = codecs.lookup(name)
    except (LookupError, TypeError, ValueError):
        return False
    return bool(getattr(info, "_is_text_encoding", True))


def check_text_encoding(name: str) -> str:
    """The codec's canonical name; raises :class:`EventLogImportError` for an unknown codec or one that
    is not a text encoding (so the engine refuses them even when called directly)."""
    try:
        info = codecs.lookup(name)
    except (LookupError, TypeError, ValueError) as exc:
        raise failure(MESSAGES, "unknown_encoding", encoding=name) from exc
    if not getattr(info, "_is_text_encoding", True):
        raise failure(MESSAGES, "not_text_encoding", encoding=name)
    return info.name


def human_bytes(size: int) -> str:
    """A byte count as people read it (``2 GiB``, ``512 KiB``); used in limit messages."""
    value = float(size)
    for unit in ("bytes", "KiB", "MiB", "GiB"):
        if value < 1024 or unit == "GiB":
            return f"{value:.0f} {unit}" if value == int(value) else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} TiB"  # pragma: no cover


def check_source_size(size: int, limit: int) -> None:
    if size > limit:
        raise failure(MESSAGES, "too_large", limit=human_bytes(limit))


class CappedReader:
    """A binary stream that raises ``too_expanded`` once more than ``limit`` bytes came out of it.

    Wrapping a ``GzipFile`` stops a gzip bomb after at most ``limit`` plus one read's worth of output:
    nothing is decompressed whole first."""

    def __init__(self, stream: BinaryIO | Any, limit: int, *, compressed: bool = False):
        self.stream = stream
        self.limit = limit
        self.count = 0
        self.compressed = compressed

    def read(self, size: int = -1) -> bytes:
        if size is None or size < 0:
            size = 1024 * 1024  # never read "everything" from a stream that may be a bomb
        try:
            chunk = self.stream.read(size)
        except (OSError, EOFError) as exc:
            if not self.compressed:
                raise
            raise failure(MESSAGES, "corrupt_gzip") from exc  # a corrupt or truncated gzip stream
        self.count += len(chunk)
        if self.count > self.limit:
            raise failure(MESSAGES, "too_expanded", limit=human_bytes(self.limit))
        return chunk

    def close(self) -> None:
        self.stream.close()

    def __enter__(self) -> CappedReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


_ERROR_CLASS = re.compile(r"^(?:[\w.]*(?:Error|Exception)|[A-Z][A-Za-z ]*Error):\s*")
_PATH = re.compile(r"(?<![\w%.])(?:[A-Za-z]:)?[/\\](?:[^\s/\\'\"]+[/\\])+[^\s'\"]*")


def safe_detail(text: str, limit: int = 300) -> str:
    """The first line of a library's message, without its error class and with paths left out."""
    line = (str(text).strip().splitlines() or [""])[0]
    line = _ERROR_CLASS.sub("", line)
    line = _PATH.sub("…", line)
    return line[:limit]
