"""Suppliers: models of this sub-domain (issue #12)."""

__all__: list[str] = []
