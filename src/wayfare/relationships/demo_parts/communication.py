"""Demo content of the communication part (issue #12 section 8)."""

from typing import Any


def load(stdout: Any) -> None:
    pass
