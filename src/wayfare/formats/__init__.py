"""Wayfare's date formats, one per language (settings.FORMAT_MODULE_PATH; #11).

Django keeps a long and a short form of each; lists (django-tables2 uses the short ones) and detail pages
and history (the long ones) showed the same moment differently, and English came out US-style. Here each
language has one date and one datetime format, and the short forms are the same as the long ones. What a
module leaves out (numbers, input formats) falls back to Django's own locale formats.
"""
