"""The explorer's answer: every figure of the page from one analysis session, against one session per
figure (what the page did before the combined endpoint), measured in the same run.

    uv run python benchmarks/explorer.py --events 1000000

Builds a Parquet log of N events by replicating the Helpdesk log (Polato et al., doi 10.17632/39bp3vv62t.1,
CC BY 4.0) with ``benchmarks/analytics.py``'s generator, then times the five explorer parts (summary,
variants, dfg, durations, activities) both ways. Last line: ``events=N bundle_s=... separate_s=... ratio=...``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from django.http import QueryDict

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from analytics import generate  # noqa: E402

from wayfare.analytics.engine import EventLogAnalysis  # noqa: E402


def _rounded(value: object) -> object:
    if isinstance(value, float):
        return float(f"{value:.9g}")
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_rounded(v) for v in value]
    return value


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=1_000_000)
    events = parser.parse_args().events
    import os

    import django

    os.environ.setdefault("SECRET_KEY", "wayfare-benchmark-key-not-secret-only-for-local-runs-0a9b8c7d6e")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wayfare.settings")
    os.environ.setdefault("WAYFARE_DATA_DIR", tempfile.mkdtemp(prefix="wayfare-bench-"))
    django.setup()
    from wayfare.analytics.selectors import ANALYSES, EXPLORER_PARTS

    params = QueryDict("limit=20")
    with tempfile.TemporaryDirectory() as tmp:
        log = Path(tmp) / "log.parquet"
        generate(events, log, as_csv=False)
        started = time.perf_counter()
        with EventLogAnalysis.from_parquet(log) as analysis:
            bundle = {name: ANALYSES[name](analysis, params) for name in EXPLORER_PARTS}
        bundle_s = time.perf_counter() - started
        started = time.perf_counter()
        separate = {}
        for name in EXPLORER_PARTS:
            with EventLogAnalysis.from_parquet(log) as analysis:
                separate[name] = ANALYSES[name](analysis, params)
        separate_s = time.perf_counter() - started
    # Parallel float sums may differ in the last bits between sessions: compare to 9 significant digits.
    assert _rounded(bundle) == _rounded(separate), "the two ways must give the same figures"
    print(
        f"events={events} bundle_s={bundle_s:.2f} separate_s={separate_s:.2f} ratio={bundle_s / separate_s:.2f}"
    )


if __name__ == "__main__":
    main()
