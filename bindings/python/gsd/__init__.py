"""gsd: group-sequential designs, cure-mixture survival plans, trial
simulation and monitoring, and Simon's two-stage designs, on the gsd C++
engine.

    import gsd
    d = gsd.design(alpha=0.05, sided=2, beta=0.16, information_fractions=[0.5, 0.75, 1.0])
    d.bounds                       # a DataFrame, one row per look
    plan = gsd.survival(d, control={"cure_fraction": 0.40, "median_noncured": 7.0},
                        treatment={"cure_fraction": 0.562}, hazard_ratio_noncured=0.63,
                        accrual=36.0, patients=202, events=94)
    plan.power                     # 0.8391 (event-driven)
    sim = gsd.simulate(plan, replicates=100_000, seed=1, threads=2)
    gsd.plan("configs/blinatumomab-20120215.json")            # the same plan, from the file
    gsd.run("configs/blinatumomab-20120215.json", "design")  # the CLI's JSON
    s = gsd.simon(0.3, 0.1, alpha=0.05, beta=0.2)  # Simon's two-stage design
    s.design                       # r1/n1 = 1/10, r/n = 5/29
    m = gsd.monitor(s, looks=[{"n": 10, "responders": 3}, {"n": 29, "responders": 6}])
    m.final                        # p-value, estimates and CI of the rate

See docs/python.md in the repository.
"""
from . import _core
from ._api import Record, design, monitor, plan, run, simon, simulate, survival
from ._config import spending
from ._errors import GsdError, InternalError, InvalidInput, NumericalError
from ._results import Design, Monitoring, Plan, Result, Simulation
from ._simon import SimonDesign
from ._simon_monitoring import SimonMonitoring

__version__: str = _core.version

__all__ = [
    "Design",
    "GsdError",
    "InternalError",
    "InvalidInput",
    "Monitoring",
    "NumericalError",
    "Plan",
    "Record",
    "Result",
    "SimonDesign",
    "SimonMonitoring",
    "Simulation",
    "design",
    "monitor",
    "plan",
    "run",
    "simon",
    "simulate",
    "spending",
    "survival",
]
