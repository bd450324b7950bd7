"""The drawing (``layout``) as an SVG document, built here in Python: every text goes through ``_esc``
(XML escaping, characters XML forbids dropped), long text is wrapped to the column's width."""

from __future__ import annotations

import re
import unicodedata
from xml.sax.saxutils import escape, quoteattr

from .layout import Block, Curve, Drawing

FONT_FAMILY = '"Noto Sans", "Noto Sans CJK SC", "DejaVu Sans", sans-serif'
LABEL_W, COL_W, PAD, GAP = 150, 230, 8, 6
SIZE, LINE = 11, 14
CURVE_H = 150
COLOURS = ("#1f4e79", "#b03a2e", "#1e8449", "#7d3c98", "#b9770e", "#2e4053")
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _esc(text: str) -> str:
    return escape(_FORBIDDEN.sub("", str(text)))


def _attr(text: str) -> str:
    return quoteattr(_FORBIDDEN.sub("", str(text)))


def _width(char: str) -> int:
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def wrap(text: str, units: int) -> list[str]:
    """``text`` in lines of at most ``units`` (a wide character counts two), breaking at spaces where
    it can and inside a word or between wide characters where it must."""
    lines: list[str] = []
    for paragraph in str(text).splitlines() or [""]:
        line, used = "", 0
        for token in re.findall(r"[^\s]+|\s+", paragraph):
            if token.isspace():
                if line:
                    line, used = line + " ", used + 1
                continue
            size = sum(_width(c) for c in token)
            if used + size <= units:
                line, used = line + token, used + size
                continue
            if line.strip():
                lines.append(line.rstrip())
            line, used = "", 0
            for char in token:
                if used + _width(char) > units:
                    lines.append(line)
                    line, used = "", 0
                line, used = line + char, used + _width(char)
        lines.append(line.rstrip())
    return [line for line in lines if line] or []


def _units(width: float, size: float) -> int:
    return max(4, int(width / (size * 0.56)))


def _text(
    x: float, y: float, lines: list[str], *, size: float = SIZE, weight: str = "normal", fill: str = "#000"
) -> str:
    if not lines:
        return ""
    spans = "".join(
        f'<tspan x="{x:.1f}" dy="{0 if i == 0 else size * 1.3:.1f}">{_esc(line)}</tspan>'
        for i, line in enumerate(lines)
    )
    return f'<text x="{x:.1f}" y="{y + size:.1f}" font-size="{size}" font-weight="{weight}" fill="{fill}">{spans}</text>'


def _block_height(block: Block, width: float) -> tuple[float, list[str], list[str]]:
    inner = width - (2 * PAD if block.card else 0)
    title = wrap(block.title, _units(inner, SIZE)) if block.title else []
    text = wrap(block.text, _units(inner, SIZE - 1 if block.card else SIZE)) if block.text else []
    height = len(title) * SIZE * 1.3 + len(text) * (SIZE - (1 if block.card else 0)) * 1.3
    if block.card:
        height += 2 * PAD - 2
    return height, title, text


def _cell(x: float, y: float, blocks: list[Block], width: float) -> tuple[str, float]:
    parts, top = [], y
    for block in blocks:
        height, title, text = _block_height(block, width)
        if block.card:
            stroke = "#555" if not block.backstage else "#888"
            dash = ' stroke-dasharray="4 3"' if block.backstage else ""
            parts.append(
                f'<rect x="{x:.1f}" y="{top:.1f}" width="{width:.1f}" height="{height:.1f}" rx="4" fill="#fff" stroke="{stroke}"{dash}/>'
            )
            inner_x, inner_y = x + PAD, top + PAD - 2
        else:
            inner_x, inner_y = x, top
        parts.append(_text(inner_x, inner_y, title, weight="bold"))
        parts.append(
            _text(
                inner_x,
                inner_y + len(title) * SIZE * 1.3,
                text,
                size=SIZE - 1 if block.card else SIZE,
                fill="#222" if block.card else "#000",
            )
        )
        top += height + GAP
    return "".join(parts), max(0.0, top - y - GAP)


def _curve(
    drawing: Drawing, curve: Curve, index: int, top: float, values: list[int | None], dashed: bool
) -> str:
    span = drawing.high - drawing.low
    points = [
        f"{LABEL_W + i * COL_W + COL_W / 2:.1f},{top + PAD + (drawing.high - v) * (CURVE_H - 2 * PAD) / span:.1f}"
        for i, v in enumerate(values)
        if v is not None
    ]
    if not points:
        return ""
    colour = COLOURS[index % len(COLOURS)]
    dash = ' stroke-dasharray="6 4"' if dashed else ""
    dots = "".join(
        f'<circle cx="{p.split(",")[0]}" cy="{p.split(",")[1]}" r="3" fill="{colour}"/>' for p in points
    )
    return (
        f'<polyline points="{" ".join(points)}" fill="none" stroke="{colour}" stroke-width="2"{dash}/>{dots}'
    )


def drawing_svg(drawing: Drawing, *, as_is_label: str, to_be_label: str, empty_label: str) -> str:
    """The SVG document of a drawing; the labels come from the caller (translated)."""
    columns = max(1, len(drawing.stages))
    width = LABEL_W + columns * COL_W + PAD
    body: list[str] = []
    y: float = PAD
    title_lines = wrap(drawing.title, _units(width - 2 * PAD, 16))
    body.append(_text(PAD, y, title_lines, size=16, weight="bold"))
    y += len(title_lines) * 16 * 1.3
    if drawing.subtitle:
        sub = wrap(drawing.subtitle, _units(width - 2 * PAD, SIZE))
        body.append(_text(PAD, y, sub, fill="#333"))
        y += len(sub) * SIZE * 1.3
    y += PAD
    if not drawing.stages:
        body.append(_text(PAD, y, [empty_label]))
        y += LINE + PAD
    # Stage headers.
    headers, header_h = [], 0.0
    for i, stage in enumerate(drawing.stages):
        x = LABEL_W + i * COL_W + PAD / 2
        name = wrap(stage.get("name") or "", _units(COL_W - PAD, 13))
        tags = " · ".join(str(t) for t in (stage.get("step_label"), stage.get("phase_label")) if t)
        tag_lines = wrap(tags, _units(COL_W - PAD, SIZE - 1))
        headers.append(_text(x, y, name, size=13, weight="bold"))
        headers.append(_text(x, y + len(name) * 13 * 1.3, tag_lines, size=SIZE - 1, fill="#333"))
        header_h = max(header_h, len(name) * 13 * 1.3 + len(tag_lines) * (SIZE - 1) * 1.3)
    body.append(
        f'<rect x="0" y="{y - PAD / 2:.1f}" width="{width}" height="{header_h + PAD:.1f}" fill="#eef2f6"/>'
    )
    body.extend(headers)
    y += header_h + PAD
    for row in drawing.rows:
        label = wrap(row.label, _units(LABEL_W - 2 * PAD, SIZE))
        if row.kind == "line":
            body.append(
                f'<line x1="0" y1="{y + LINE:.1f}" x2="{width}" y2="{y + LINE:.1f}" stroke="#000" stroke-width="1.5" stroke-dasharray="8 4"/>'
            )
            body.append(_text(PAD, y, label, weight="bold"))
            y += 2 * LINE
            continue
        top = y + PAD / 2
        if row.kind == "curve":
            height = float(CURVE_H)
            zero = top + PAD + drawing.high * (CURVE_H - 2 * PAD) / (drawing.high - drawing.low)
            body.append(
                f'<line x1="{LABEL_W}" y1="{zero:.1f}" x2="{width - PAD}" y2="{zero:.1f}" stroke="#999" stroke-width="0.5"/>'
            )
            for index, curve in enumerate(drawing.curves):
                body.append(_curve(drawing, curve, index, top, curve.as_is, dashed=False))
                body.append(_curve(drawing, curve, index, top, curve.to_be, dashed=True))
            legend = []
            for index, curve in enumerate(drawing.curves):
                legend.append(f"{curve.persona}")
                colour = COLOURS[index % len(COLOURS)]
                ly = top + len(label) * LINE + 4 + index * LINE
                body.append(
                    f'<line x1="{PAD}" y1="{ly + 5:.1f}" x2="{PAD + 14}" y2="{ly + 5:.1f}" stroke="{colour}" stroke-width="2"/>'
                )
                body.append(
                    _text(
                        PAD + 18, ly - 4, wrap(curve.persona, _units(LABEL_W - 30, SIZE - 1)), size=SIZE - 1
                    )
                )
            note_y = top + len(label) * LINE + 4 + len(drawing.curves) * LINE + 4
            body.append(
                _text(
                    PAD,
                    note_y,
                    wrap(f"— {as_is_label}  - - {to_be_label}", _units(LABEL_W - 2 * PAD, SIZE - 2)),
                    size=SIZE - 2,
                    fill="#333",
                )
            )
        else:
            height = 0.0
            for i, blocks in enumerate(row.cells):
                svg, cell_h = _cell(LABEL_W + i * COL_W + PAD / 2, top, blocks, COL_W - PAD)
                body.append(svg)
                height = max(height, cell_h)
            height = max(height, len(label) * SIZE * 1.3)
        body.append(_text(PAD, top, label, weight="bold"))
        y = top + height + PAD / 2
        body.append(f'<line x1="0" y1="{y:.1f}" x2="{width}" y2="{y:.1f}" stroke="#ccc" stroke-width="0.5"/>')
    for i in range(1, columns):
        x = LABEL_W + i * COL_W
        body.insert(0, f'<line x1="{x}" y1="0" x2="{x}" y2="{y:.1f}" stroke="#e2e2e2" stroke-width="0.5"/>')
    height = y + PAD
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" font-family={_attr(FONT_FAMILY)}>'
        f"<title>{_esc(drawing.title)}</title>"
        f'<rect x="0" y="0" width="{width:.0f}" height="{height:.0f}" fill="#fff"/>'
        + "".join(body)
        + "</svg>\n"
    )
