"""The systemd units run what the Procfile says (the scale-out test runs the Procfile)."""

import re
from pathlib import Path

import pytest

from tests.deploy.cluster import procfile

UNITS = Path(__file__).resolve().parents[2] / "deploy" / "systemd"
UNIT_OF = {
    "web": "ensemble-web.service",
    "worker": "ensemble-worker@.service",
    "dispatcher": "ensemble-dispatcher.service",
}


def exec_start(unit):
    line = re.search(r"^ExecStart=(.+)$", (UNITS / unit).read_text(), re.M).group(1)
    line = line.replace("$$", "$").replace("/srv/ensemble/.venv/bin/", "")
    return re.sub(r"^/bin/sh -c 'exec (.+)'$", r"\1", line)


@pytest.mark.parametrize("process", sorted(UNIT_OF))
def test_each_unit_runs_its_procfile_line(process):
    command = procfile()[process]
    if process == "dispatcher":
        # The unit writes the pause the Procfile takes from ENSEMBLE_DISPATCH_SECONDS.
        command = command.replace("${ENSEMBLE_DISPATCH_SECONDS:-30}", "30")
    assert exec_start(UNIT_OF[process]) == command


def test_the_procfile_has_every_process():
    assert set(procfile()) == {"release", "web", "worker", "dispatcher"}
