"""Type checking is part of the suite: mypy must pass on the settled packages."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import PROJECT_ROOT

# the packages that have settled: storage/ and pipelines/
CHECKED = ["storage", "pipelines"]


def test_mypy_passes() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", *CHECKED],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
