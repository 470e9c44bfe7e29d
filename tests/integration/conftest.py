"""Fixtures for the praxisd integration tests (run with PRAXISD=/path/to/praxisd)."""
import pytest

from praxis_harness import ServerPool


@pytest.fixture
def start_praxis(tmp_path):
    """start_praxis(flags=None, admin=True, env=None) -> a running Praxisd.
    At teardown every server still running gets SIGTERM and must exit 0, and no
    output may hold a sanitizer report."""
    with ServerPool(tmp_path) as pool:
        yield pool.start


@pytest.fixture
def praxis(start_praxis):
    """praxisd with default settings and an admin (praxis_harness.ADMIN_*)."""
    return start_praxis()
