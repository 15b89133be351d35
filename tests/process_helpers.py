"""Running code in a Python process of its own (for what is process-wide: imported modules, the collector)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

#: The project's root (the installed package may live elsewhere: a wheel's build is tested too).
ROOT = Path(__file__).resolve().parent.parent


def run_fresh(code: str) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a fresh interpreter from the project's root; its output is captured."""
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False)
