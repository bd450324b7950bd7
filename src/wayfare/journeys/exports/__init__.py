"""Exports of a journey map (issue #13 section 5): the map and its service blueprint as SVG, PDF and PNG,
and the map as a JSON file that ``services.transfer`` reads back.

Everything is drawn from the map document (``selectors.journey_map_document``) the reader may read, so a
consumer's file holds the published frontstage only. ``render`` is the one entry point of the view.

- SVG is built in Python (``svg``), every text escaped, long text wrapped.
- PDF is made by WeasyPrint from an HTML template (``pdf``) laid out as tables, a group of stages per page,
  with the emotion curve as inline SVG; no URL is fetched but data URIs.
- PNG is the PDF's first page rendered by pypdfium2 at 150 dpi: the same layout as the printed page and
  no second renderer to install (a browser or cairosvg is not on the machine).
"""

from .files import FORMAT, VERSION, journey_map_file
from .render import FORMATS, ExportFile, render

__all__ = ["FORMAT", "FORMATS", "VERSION", "ExportFile", "journey_map_file", "render"]
