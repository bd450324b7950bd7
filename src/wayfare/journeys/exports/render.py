"""One entry point for the export view: the file of a map document in a format."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .files import document_file
from .layout import blueprint_drawing, map_drawing
from .pdf import drawing_html, html_pdf, pdf_png
from .svg import drawing_svg

FORMATS = {
    "svg": "image/svg+xml",
    "pdf": "application/pdf",
    "png": "image/png",
    "json": "application/json",
}


@dataclass
class ExportFile:
    content: bytes
    content_type: str
    filename: str

    def disposition(self) -> str:
        """``attachment`` with an ASCII file name for old clients and the UTF-8 one (RFC 6266)."""
        stem, _dot, ext = self.filename.rpartition(".")
        ascii_stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
        ascii_stem = re.sub(r"[^A-Za-z0-9._-]+", "-", ascii_stem).strip("-._")[:80] or "journey-map"
        return (
            f"attachment; filename=\"{ascii_stem}.{ext}\"; filename*=UTF-8''{quote(self.filename, safe='')}"
        )


def _stem(name: str, view: str) -> str:
    stem = re.sub(r'[\x00-\x1f\\/:*?"<>|]+', " ", str(name)).strip()[:120] or "journey-map"
    return f"{stem} - {_('service blueprint')}" if view == "blueprint" else stem


def render(
    document: dict[str, Any], fmt: str, *, view: str = "map", user: Any = None, file_data: dict | None = None
) -> ExportFile:
    """The export of ``document`` (the reader's map document, in their language) in ``fmt``; for
    ``json`` pass ``file_data`` (``files.journey_map_file``, made in the base language)."""
    name = str(document["map"].get("name") or "")
    if fmt == "json":
        data = file_data if file_data is not None else document_file(document, user)
        content = json.dumps(data, ensure_ascii=False, indent=2).encode()
        return ExportFile(content, FORMATS["json"] + "; charset=utf-8", f"{_stem(name, 'map')}.json")
    drawing = blueprint_drawing(document) if view == "blueprint" else map_drawing(document)
    stem = _stem(name, view)
    if fmt == "svg":
        svg = drawing_svg(
            drawing,
            as_is_label=_("as it is"),
            to_be_label=_("to be"),
            empty_label=_("This map has no stages yet."),
        )
        return ExportFile(svg.encode(), FORMATS["svg"] + "; charset=utf-8", f"{stem}.svg")
    pdf = html_pdf(drawing_html(drawing, view=view, language=get_language() or "en"))
    if fmt == "pdf":
        return ExportFile(pdf, FORMATS["pdf"], f"{stem}.pdf")
    return ExportFile(pdf_png(pdf), FORMATS["png"], f"{stem}.png")
