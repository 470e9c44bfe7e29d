"""The praxisd command line (README.md, Configuration): --help lists every setting
and exits 0; a bad setting exits 2 with the reason; nothing secret is a flag."""
import subprocess

import pytest

from praxis_harness import PRAXISD, WAIT


def run(*args):
    if not PRAXISD:
        pytest.skip("PRAXISD is not set")
    return subprocess.run([PRAXISD, *args], capture_output=True, text=True, timeout=WAIT)


def test_help_lists_every_setting_and_exits_0():
    out = run("--help")
    assert out.returncode == 0, out
    for setting in ["--listen", "--port", "--data-dir", "--trusted-proxies", "--max-frame-bytes",
                    "--admin-password-file", "--max-text-chars", "--max-rooms-created-per-user",
                    "--actions-per-second", "--kdf-memory-kib"]:
        assert setting in out.stdout, f"{setting} missing from --help"
    assert "(default: 8080)" in out.stdout
    assert "--admin-password " not in out.stdout and "--admin-password\n" not in out.stdout


@pytest.mark.parametrize("args,why", [
    (["--nope", "1"], "unknown setting 'nope'"),
    (["--port", "http"], "bad value 'http' for setting 'port'"),
    (["--threads", "0"], "at least 1"),
    (["--threads", "999"], "at most 256"),
    (["--messages-per-second", "nan"], "bad value"),
    (["--tls-cert", "x.pem"], "tls_cert and tls_key go together"),
    (["--port"], "needs a value"),
])
def test_bad_settings_exit_2_with_the_reason(args, why):
    out = run(*args)
    assert out.returncode == 2, out
    assert why in out.stderr, out.stderr
