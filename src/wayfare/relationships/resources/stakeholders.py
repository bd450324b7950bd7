"""Declarations of the stakeholders part (issue #12)."""
