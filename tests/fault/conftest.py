"""Fixtures for the fault tests (run with PRAXISD=/path/to/praxisd).

They reuse the integration tests' harness (tests/integration/praxis_harness.py).
`--soak` multiplies durations and iteration counts by `--soak-factor` (default 10)
for long manual runs; see README.md.
"""
import mmap
import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "integration"))

from praxis_harness import PRAXISD, ServerPool  # noqa: E402


def pytest_addoption(parser):
    parser.addoption("--soak", action="store_true", help="long run: multiply durations and iterations")
    parser.addoption("--soak-factor", type=float, default=10.0, help="the multiplier for --soak (default 10)")


@pytest.fixture
def soak(request) -> float:
    """1 in the test command; --soak-factor with --soak."""
    return request.config.getoption("--soak-factor") if request.config.getoption("--soak") else 1.0


def _is_sanitized() -> bool:
    if os.environ.get("PRAXIS_SANITIZED"):
        return os.environ["PRAXIS_SANITIZED"] not in ("0", "")
    if not PRAXISD or not os.path.isfile(PRAXISD):
        return False
    with open(PRAXISD, "rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as m:
        return m.find(b"__asan_init") >= 0


SANITIZED = _is_sanitized()


@pytest.fixture
def sanitized() -> bool:
    """True for an AddressSanitizer build of praxisd (or PRAXIS_SANITIZED=1)."""
    return SANITIZED


@pytest.fixture
def start_praxis(tmp_path):
    """start_praxis(flags=None, admin=True, env=None) -> a running Praxisd; at teardown
    each server still running must stop with 0 and no output may hold a sanitizer report."""
    with ServerPool(tmp_path) as pool:
        yield pool.start
