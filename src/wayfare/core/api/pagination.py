"""API pagination with bounds: a huge ``limit`` or ``offset`` must not reach the database (issue #11:
``?limit=99999999999999999999999`` overflowed SQLite's integer and answered 500)."""

from __future__ import annotations

from typing import Any

from rest_framework.pagination import LimitOffsetPagination

MAX_OFFSET = 2**53  # beyond any table we hold; keeps the SQL integer in range on every database


class BoundedLimitOffsetPagination(LimitOffsetPagination):
    """``limit`` is capped at ``max_limit``; a negative, non-numeric or huge ``offset`` is clamped."""

    max_limit = 500

    def get_offset(self, request: Any) -> int:
        raw = request.query_params.get(self.offset_query_param, "")
        try:
            offset = int(raw)
        except (TypeError, ValueError):
            return 0
        return min(max(offset, 0), MAX_OFFSET)
