"""Demo content of the suppliers part (issue #12 section 8)."""

from typing import Any


def load(stdout: Any) -> None:
    pass
