"""Declarations of the communication part (issue #12)."""
