"""Commands are discovered from pipeline/commands/ without a shared dispatcher."""
from __future__ import annotations

import subprocess
import sys

from pipeline.cli import discover


def test_help_lists_every_command_module():
    out = subprocess.run([sys.executable, "-m", "pipeline", "--help"], capture_output=True, text=True, check=True)
    names = discover()
    assert {"db", "extract", "run", "summary", "airflow"} <= set(names)
    for name in names:
        assert name in out.stdout
