"""The hostile-input battery (tests/hostile_battery.py) as part of the suite: every case of
every class must end as it should, with 0 tracebacks, 0 hangs and 0 data loss."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BATTERY = Path(__file__).resolve().parent / "hostile_battery.py"


def test_the_battery_finds_no_traceback_hang_or_data_loss():
    proc = subprocess.run([sys.executable, str(BATTERY), "--jobs", "2"], capture_output=True, text=True,
                          timeout=900)
    summary = [line for line in proc.stdout.splitlines() if " cases in " in line]
    assert summary, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert "0 tracebacks, 0 hangs, 0 data loss, 0 other failures" in summary[0], proc.stdout[-4000:]
    assert proc.returncode == 0
    cases = int(summary[0].split()[0])
    assert cases >= 80  # every class is there
