"""The drawing as a printed document: WeasyPrint lays out an HTML template of tables, one group of stages
per page (landscape A4 up to five stages a page, A3 for more), black on white, at least 8pt, the emotion
curve as inline SVG. Nothing is fetched: the template names no URL, and the fetcher refuses all but data
URIs. PNG is the first page rendered by pypdfium2."""

from __future__ import annotations

import io
from typing import Any

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from .layout import Drawing
from .svg import COLOURS, _esc

DPI = 150


class FetchRefused(ValueError):
    pass


def url_fetcher(url: str, *args: Any, **kwargs: Any) -> Any:
    """Only data URIs: an export never reaches the network or the file system."""
    if not url.startswith("data:"):
        raise FetchRefused(url)
    from weasyprint.urls import default_url_fetcher

    return default_url_fetcher(url, *args, **kwargs)


def _curve_svg(drawing: Drawing, start: int, stop: int) -> str:
    count = stop - start
    width, height, pad = count * 100, 60, 6
    span = drawing.high - drawing.low
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" preserveAspectRatio="none" '
        f'width="100%" height="{height * 1.2}pt">',
        f'<line x1="0" y1="{pad + drawing.high * (height - 2 * pad) / span:.1f}" x2="{width}" '
        f'y2="{pad + drawing.high * (height - 2 * pad) / span:.1f}" stroke="#999" stroke-width="0.4"/>',
    ]
    for index, curve in enumerate(drawing.curves):
        colour = COLOURS[index % len(COLOURS)]
        for values, dash in ((curve.as_is, ""), (curve.to_be, ' stroke-dasharray="4 3"')):
            points = [
                f"{(i - start) * 100 + 50},{pad + (drawing.high - v) * (height - 2 * pad) / span:.1f}"
                for i, v in enumerate(values)
                if start <= i < stop and v is not None
            ]
            if points:
                parts.append(
                    f'<polyline points="{" ".join(points)}" fill="none" stroke="{colour}" stroke-width="1.5"{dash}/>'
                )
    parts.append("</svg>")
    return "".join(parts)


def drawing_html(drawing: Drawing, *, view: str, language: str) -> str:
    count = len(drawing.stages)
    per_page = 5 if count <= 5 else 8
    size = "A4" if count <= 5 else "A3"
    groups = []
    for start in range(0, max(count, 1), per_page):
        stop = min(count, start + per_page)
        groups.append(
            {
                "stages": drawing.stages[start:stop],
                "rows": [
                    {"label": row.label, "kind": row.kind, "cells": row.cells[start:stop]}
                    for row in drawing.rows
                ],
                "curve": mark_safe(_curve_svg(drawing, start, stop))
                if drawing.curves and stop > start
                else "",  # noqa: S308 numbers only
                "width": stop - start,
            }
        )
    legend = [
        {"name": curve.persona, "colour": COLOURS[i % len(COLOURS)]} for i, curve in enumerate(drawing.curves)
    ]
    return render_to_string(
        "journeys/export/print.html",
        {
            "drawing": drawing,
            "groups": groups,
            "legend": legend,
            "page_size": size,
            "view": view,
            "language": language,
        },
    )


def html_pdf(html: str) -> bytes:
    from weasyprint import HTML

    return bytes(HTML(string=html, base_url="data:,", url_fetcher=url_fetcher).write_pdf())


def pdf_png(pdf: bytes, *, dpi: int = DPI) -> bytes:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        page = document[0]
        image = page.render(scale=dpi / 72).to_pil()
        out = io.BytesIO()
        image.save(out, format="PNG", dpi=(dpi, dpi))
        return out.getvalue()
    finally:
        document.close()


__all__ = ["DPI", "drawing_html", "html_pdf", "pdf_png", "url_fetcher", "_esc"]
