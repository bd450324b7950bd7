"""Declarations of the assessing part (issue #12)."""
