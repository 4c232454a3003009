"""Shared fixtures. The tests read configs and golden files from the gsd
repository (found from this file, or GSD_REPOSITORY), and compare with the
command line when one is built (GSD_CLI, else build/release/cli/gsd)."""
import os
import shutil
from pathlib import Path

import pytest

import gsd


def _repository() -> Path:
    env = os.environ.get("GSD_REPOSITORY")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[3]


REPO = _repository()
SEED_CONFIG = REPO / "configs" / "blinatumomab-20120215.json"
MONITORING_CONFIG = REPO / "examples" / "seed-trial-monitoring" / "monitoring.json"


def _cli():
    env = os.environ.get("GSD_CLI")
    if env:
        return env
    built = REPO / "build" / "release" / "cli" / "gsd"
    if built.is_file():
        return str(built)
    return shutil.which("gsd")


@pytest.fixture(scope="session")
def repo() -> Path:
    if not SEED_CONFIG.is_file():
        pytest.skip("needs the gsd repository (set GSD_REPOSITORY)")
    return REPO


@pytest.fixture(scope="session")
def cli():
    path = _cli()
    if not path:
        pytest.skip("needs the gsd command line (set GSD_CLI or build build/release)")
    return path


@pytest.fixture(scope="session")
def seed_design() -> gsd.Design:
    """The seed trial's plan of 2012-02-15 (JAMA 2021;325:843)."""
    return gsd.design(alpha=0.05, sided=2, beta=0.16, information_fractions=[0.5, 0.75, 1.0])


@pytest.fixture(scope="session")
def seed_plan(seed_design) -> gsd.Plan:
    return gsd.survival(seed_design, control={"cure_fraction": 0.40, "median_noncured": 7.0},
                        treatment={"cure_fraction": 0.562}, hazard_ratio_noncured=0.63,
                        accrual=36.0, patients=202, events=94)
