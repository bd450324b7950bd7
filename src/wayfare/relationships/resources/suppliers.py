"""Declarations of the suppliers part (issue #12)."""
