"""Results: the library's result held in C++, read as Python values.

Each result keeps the C++ result (a handle) and the config it came from.
Everything it shows comes from the library: ``to_dict()`` is the contract
JSON that ``gsd <command> --format json`` prints, ``to_json()`` the same
text, ``to_text()`` and ``to_csv()`` the command line's tables, ``to_svg()``
its charts, and the DataFrames and arrays are read from that JSON. Nothing is
converted until it is asked for.

Pickling keeps the config, the call options and the JSON. A design or a
monitoring report is recomputed from its config when a pickled copy needs
more (the same numbers: the library is deterministic); a simulation also
keeps its tables and plot data, so that it is never run again for them.
"""
from __future__ import annotations

import copy
import json
from typing import Any, Dict, List, Optional

import numpy as np
import pandas as pd

from . import _core
from ._config import check_output, monitoring_inputs
from ._errors import invalid, whole
from ._frames import array, frame, test_looks_frame, tests_frame

# A Simon two-stage design's keys in the order of the command line's CSV
# (the JSON's are alphabetical): the rules (r1/n1, r/n), its error rates,
# then the early stop and expected patients under p0 and p1.
# The leading columns of the per-look tables, in the order the docstrings
# (and the command line's CSV) give them; the other keys follow.
BOUNDS_FIRST = ("information_fraction", "efficacy_z", "futility_z", "nominal_p_one_sided",
                "nominal_p_two_sided", "cumulative_alpha", "probability_efficacy_h0",
                "probability_efficacy_h1", "probability_futility_h1")
PLAN_FIRST = ("events", "information_fraction", "calendar_time", "drift", "efficacy_z",
              "hazard_ratio_at_bound", "futility_z", "hazard_ratio_at_futility",
              "crossing_probability", "cumulative_crossing_probability",
              "crossing_probability_lower")
MONITORING_FIRST = ("events", "patients", "information", "information_fraction", "z",
                    "efficacy_z", "futility_z", "nominal_p_one_sided", "nominal_p_two_sided",
                    "cumulative_alpha", "decision", "reason", "hazard_ratio",
                    "repeated_ci_hazard_ratio", "effect", "effect_standard_error",
                    "repeated_ci_effect", "repeated_p_value", "conditional_power",
                    "conditional_power_trend", "predictive_power")
# The repeated confidence intervals, each split into _lower and _upper
# columns: of the hazard ratio (log-rank looks) and of the effect (a binary
# or normal endpoint's looks).
MONITORING_INTERVALS = ("repeated_ci_hazard_ratio", "repeated_ci_effect")
# The columns of a simulated trial's analyses that only a survival trial
# has: a normal or binary endpoint's looks are at patients, with no events,
# calendar time, hazard ratio or calendar cap.
SURVIVAL_LOOK_COLUMNS = ("events", "calendar_time", "hazard_ratio", "capped", "variance")
# to_json(indent=...): the library's writer builds each line's indent in a
# buffer that a large indent overflows; deeper than this is never useful.
MAX_INDENT = 16
# plot_data(points=...): smooth at any size a screen or page has, where
# 2**31 - 1 points would fill the memory for minutes.
MAX_POINTS = 10000
# Simulation.plot_data(shown=...): each shown replicate is one simulated
# trial redrawn with its Kaplan-Meier curves.
MAX_SHOWN = 100


def _count(n: int, noun: str) -> str:
    """A count with its noun, for the reprs: 1 look, 3 looks."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"

class Result:
    """Common part of Design, Plan, Simulation and Monitoring."""

    # What a pickled copy keeps besides config, options and JSON text.
    _kept: tuple = ()

    def __init__(self, handle: Any, config: Dict[str, Any],
                 options: Optional[Dict[str, Any]] = None) -> None:
        self._handle = handle
        self._config = config
        self._options = dict(options or {})
        self._dict: Optional[Dict[str, Any]] = None
        self._saved: Dict[str, Any] = {}
        self._frames: Dict[str, pd.DataFrame] = {}

    # -- the library's result -------------------------------------------
    def _core(self) -> Any:
        if self._handle is None:
            self._handle = self._recompute()
        return self._handle

    def _recompute(self) -> Any:  # pragma: no cover - each subclass has one
        raise NotImplementedError

    @staticmethod
    def _key(what: str, args: tuple) -> str:
        return what if not args else f"{what}{args}"

    def _from(self, what: str, *args: Any) -> Any:
        """A product of the handle (text, csv, ...), or its pickled copy."""
        key = self._key(what, args)
        if key in self._saved:
            return self._saved[key]
        return getattr(self._core(), what)(*args)

    def _json(self) -> Dict[str, Any]:
        if self._dict is None:
            text = self._saved.get(self._key("json_text", (2,)))
            if text is not None:
                self._dict = json.loads(text)
            else:
                self._dict = self._core().json()
        return self._dict

    # -- what every result shows ------------------------------------------
    @property
    def config(self) -> Dict[str, Any]:
        """The config (the JSON the command line reads) this result comes from."""
        return copy.deepcopy(self._config)

    @property
    def name(self) -> str:
        return self._json().get("name", "")

    def to_dict(self) -> Dict[str, Any]:
        """The contract JSON, equal value for value to what
        ``gsd <command> CONFIG --format json`` prints."""
        return copy.deepcopy(self._json())

    def to_json(self, indent: Optional[int] = 2) -> str:
        """The contract JSON as text; with ``indent=2`` (the default) byte for
        byte what the command line prints, without its final newline.
        ``indent`` is the spaces per level, 0 to 16, or None for compact text
        on one line; anything else raises InvalidInput naming ``indent``."""
        if indent is not None:
            indent = whole(("indent",), indent, 0, MAX_INDENT,
                           "the spaces per level of nesting (default 2)",
                           none="compact, on one line")
        if indent == 2:
            return self._from("json_text", 2)
        if self._handle is not None or not self._saved:
            return self._core().json_text(-1 if indent is None else indent)
        # The library's separators: none of Python's spaces in compact text.
        separators = (",", ":") if indent is None else (",", ": ")
        return json.dumps(self._json(), indent=indent, separators=separators, sort_keys=True,
                          ensure_ascii=False)

    def to_text(self) -> str:
        """The command line's text tables (``--format text``)."""
        return self._from("text")

    def to_csv(self) -> str:
        """The command line's CSV (``--format csv``)."""
        return self._from("csv")

    def __str__(self) -> str:
        return self.to_text()

    # -- pickling ---------------------------------------------------------
    def __getstate__(self) -> Dict[str, Any]:
        saved = dict(self._saved)
        for what, args in (("json_text", (2,)),) + tuple((k, ()) for k in self._kept):
            key = self._key(what, args)
            if key not in saved:
                saved[key] = getattr(self._core(), what)(*args)
        return {"config": self._config, "options": self._options, "saved": saved}

    def __setstate__(self, state: Dict[str, Any]) -> None:
        self.__init__(None, state["config"], state["options"])  # type: ignore[misc]
        self._saved = state["saved"]


class Design(Result):
    """Group-sequential boundaries (``gsd.design``)."""

    def _recompute(self) -> Any:
        return _core.design(self._config)

    def __repr__(self) -> str:
        b = self._json()["boundaries"]
        sides = "two-sided" if b.get("sided") == 2 else "one-sided"
        return (f"<gsd.Design {_count(len(b['looks']), 'look')}, alpha {b['alpha']:g} {sides}, "
                f"{b.get('efficacy_spending', '')}, drift {b['drift']:.4f}>")

    @property
    def boundaries(self) -> Dict[str, Any]:
        """The ``boundaries`` object of the JSON (a copy)."""
        return copy.deepcopy(self._json()["boundaries"])

    @property
    def bounds(self) -> pd.DataFrame:
        """One row per look: information fraction, efficacy and futility z,
        nominal p, cumulative alpha, stopping probabilities under H0 and H1."""
        if "bounds" not in self._frames:
            self._frames["bounds"] = frame(self._json()["boundaries"]["looks"],
                                           first=BOUNDS_FIRST)
        return self._frames["bounds"]

    @property
    def looks(self) -> pd.DataFrame:
        """The per-look table: for a design its bounds."""
        return self.bounds

    @property
    def information_fractions(self) -> np.ndarray:
        return array([k["information_fraction"] for k in self._json()["boundaries"]["looks"]])

    @property
    def efficacy_z(self) -> np.ndarray:
        """Efficacy bounds on the z scale (NaN at a look without one)."""
        return array([k["efficacy_z"] for k in self._json()["boundaries"]["looks"]])

    @property
    def futility_z(self) -> np.ndarray:
        """Futility bounds on the z scale (NaN at a look without one)."""
        return array([k["futility_z"] for k in self._json()["boundaries"]["looks"]])

    @property
    def drift(self) -> float:
        """theta * sqrt(I_max) that gives power 1 - beta (rpact's shift is its square)."""
        return self._json()["boundaries"]["drift"]

    @property
    def inflation_factor(self) -> float:
        """I_max / I_fixed."""
        return self._json()["boundaries"]["inflation_factor"]

    @property
    def alpha(self) -> float:
        return self._json()["boundaries"]["alpha"]

    @property
    def beta(self) -> float:
        return self._json()["boundaries"]["beta"]

    @property
    def sided(self) -> int:
        return self._json()["boundaries"]["sided"]

    @property
    def power(self) -> float:
        """1 - beta for a design; the plan's power for a Plan."""
        return self._json()["boundaries"]["power"]

    def plot_data(self, points: int = 200) -> Dict[str, Any]:
        """The curves behind the plots, from the library (engine plot_data).
        ``points``: the steps of a plan's curves over time (each has
        ``points + 1`` values), a whole number from 2 to 10000; anything else
        raises InvalidInput naming ``points``."""
        points = whole(("points",), points, 2, MAX_POINTS,
                       "the steps of each curve over time (default 200)")
        return self._core().plot_data(points)

    def plot(self, figsize: Optional[tuple] = None) -> Any:
        """The command line's charts (``--plot``) as a matplotlib Figure:
        boundaries with the nominal p scale, error spending, and for a plan the
        survival curves, expected events, hazard ratio and power curve."""
        from ._plot import design_figure

        return design_figure(self._json(), self.plot_data(), figsize)

    def to_svg(self) -> str:
        """The command line's SVG (``gsd design --plot FILE.svg``)."""
        return self._core().svg()


class Plan(Design):
    """A design with its cure-mixture survival plan (``gsd.survival``):
    patients, events, power and the looks' calendar times."""

    def __repr__(self) -> str:
        s = self._json()["sample_size"]
        return (f"<gsd.Plan {s['patients']} patients, {s['events']} events, "
                f"power {s['power']:.4f}, {_count(len(s['looks']), 'look')}, "
                f"duration {s['study_duration']:.2f} {s.get('time_unit', '')}>")

    @property
    def sample_size(self) -> Dict[str, Any]:
        """The ``sample_size`` object of the JSON (a copy)."""
        return copy.deepcopy(self._json()["sample_size"])

    @property
    def looks(self) -> pd.DataFrame:
        """One row per look: events, information fraction, calendar time,
        drift, efficacy z, hazard ratio at the bound, futility z and the
        hazard ratio at it (NaN at looks without one), crossing
        probabilities, and ``crossing_probability_lower``: the chance of a
        first exit below the efficacy region (a futility stop, a harm stop,
        or a two-sided design's rejection below the lower bound)."""
        if "looks" not in self._frames:
            self._frames["looks"] = frame(self._json()["sample_size"]["looks"],
                                          first=PLAN_FIRST)
        return self._frames["looks"]

    @property
    def patients(self) -> int:
        return self._json()["sample_size"]["patients"]

    @property
    def events(self) -> int:
        return self._json()["sample_size"]["events"]

    @property
    def power(self) -> float:
        """Power under the cure model at these patients and events, with the
        looks at random times (event-driven) and the calendar cap."""
        return self._json()["sample_size"]["power"]

    @property
    def power_fixed_times(self) -> float:
        """Power with every look at its expected calendar time."""
        return self._json()["sample_size"]["power_fixed_times"]

    @property
    def study_duration(self) -> float:
        return self._json()["sample_size"]["study_duration"]

    @property
    def calendar_times(self) -> np.ndarray:
        """Expected calendar time of each look."""
        return array([k["calendar_time"] for k in self._json()["sample_size"]["looks"]])


class Simulation(Result):
    """A Monte Carlo simulation of the trial (``gsd.simulate``)."""

    _kept = ("text", "csv", "svg", "plot_data")

    def _recompute(self) -> Any:
        o = self._options
        return _core.simulate(self._config, o.get("replicates"), o.get("seed"),
                              o.get("threads", 1), o.get("max_duration"))

    def __repr__(self) -> str:
        s = self._json()["simulation"]
        return (f"<gsd.Simulation {_count(s['replicates'], 'replicate')}, seed {s['seed']}, "
                f"power {s['power']:.4f} (SE {s['power_se']:.4f})>")

    @property
    def simulation(self) -> Dict[str, Any]:
        """The ``simulation`` object of the JSON (a copy)."""
        return copy.deepcopy(self._json()["simulation"])

    def _s(self, key: str) -> Any:
        return self._json()["simulation"][key]

    @property
    def endpoint(self) -> Optional[str]:
        """"normal" or "binary" for the simulation of a normal or binary
        endpoint's trial (looks at patients), None for a survival trial's."""
        return self._json()["simulation"].get("endpoint")

    def _survival_only(self, what: str, instead: str) -> None:
        """Refuses ``what``, which only a survival trial has, for an
        endpoint's simulation, naming what to use instead."""
        endpoint = self.endpoint
        if endpoint is not None:
            raise invalid((what,), None,
                          f"does not apply: this is the simulation of a {endpoint} endpoint, "
                          f"whose looks are at patients (no events, no calendar time); "
                          f"use {instead}")

    @property
    def looks(self) -> pd.DataFrame:
        """One row per look: planned events (a normal or binary endpoint:
        patients), and the fraction of trials that stop there for efficacy
        (reject), for harm (reject_lower, where the design has a lower
        bound), for futility, and at the calendar cap (capped, survival
        only). A survival trial's also has the analyses held: the fraction
        of trials that held the look (held), and over them the mean calendar
        time, events, enrolled patients and efficacy bound met (mean_time,
        mean_events, mean_patients, mean_efficacy_z; NaN where none held
        it)."""
        if "looks" not in self._frames:
            s = self._json()["simulation"]
            size = "events" if self.endpoint is None else "patients"
            sizes = s["look_" + size]
            data = {size: np.asarray(sizes, dtype=np.int64)}
            for key, name in (("reject_per_look", "reject"), ("reject_lower_per_look", "reject_lower"),
                              ("futility_per_look", "futility"), ("capped_per_look", "capped"),
                              ("reject_per_look_ignoring_futility", "reject_ignoring_futility"),
                              ("held_per_look", "held"), ("mean_time_per_look", "mean_time"),
                              ("mean_events_per_look", "mean_events"),
                              ("mean_patients_per_look", "mean_patients"),
                              ("mean_efficacy_z_per_look", "mean_efficacy_z")):
                if key in s:
                    data[name] = array(s[key])
            self._frames["looks"] = pd.DataFrame(
                data, index=pd.RangeIndex(1, len(sizes) + 1, name="look"))
        return self._frames["looks"]

    @property
    def tests(self) -> pd.DataFrame:
        """The tests of ``simulation.tests``, counted on the same replicates,
        one row per test (indexed 1, 2, ... in the config's order): its label
        as the text names it (log-rank, FH(0, 1), MB(t* = 12), ...), its
        power, Monte Carlo standard error and analytic power (NaN where there
        is none: stratified). No rows without such tests."""
        if "tests" not in self._frames:
            self._frames["tests"] = tests_frame(self._json()["simulation"].get("tests", []))
        return self._frames["tests"]

    @property
    def test_looks(self) -> pd.DataFrame:
        """The tests of ``simulation.tests`` look by look, one row per test
        and look (indexed by both, from 1): the label, the fraction of trials
        that test rejects at the look (reject), its planned efficacy bound
        (efficacy_z; NaN where the look spends nothing) and the mean bound it
        met over the analyses it held (mean_efficacy_z: recomputed at the
        variance observed under weighted_bounds "observed", or at a capped
        final; NaN where it held none with a bound)."""
        if "test_looks" not in self._frames:
            self._frames["test_looks"] = test_looks_frame(self._json()["simulation"].get("tests", []))
        return self._frames["test_looks"]

    @property
    def power(self) -> float:
        return self._s("power")

    @property
    def power_se(self) -> float:
        """Binomial Monte Carlo standard error of the power."""
        return self._s("power_se")

    @property
    def replicates(self) -> int:
        return self._s("replicates")

    @property
    def seed(self) -> int:
        return self._s("seed")

    @property
    def reject_per_look(self) -> np.ndarray:
        return array(self._s("reject_per_look"))

    @property
    def expected_events(self) -> float:
        """Events at the stopping analysis, on average (survival only)."""
        self._survival_only("expected_events", "expected_patients")
        return self._s("expected_events")

    @property
    def expected_patients(self) -> float:
        return self._s("expected_patients")

    @property
    def expected_duration(self) -> float:
        """Calendar time of the stopping analysis, on average (survival only)."""
        self._survival_only("expected_duration", "expected_patients")
        return self._s("expected_duration")

    @property
    def analytic_power(self) -> Optional[float]:
        return self._s("analytic_power")

    @property
    def exact_power(self) -> Optional[float]:
        """A single-arm binary trial's exact power (the responder count
        enumerated over the looks, under the rate simulated), which
        ``power`` estimates; None for other trials."""
        return self._json()["simulation"].get("exact_power")

    def replicate_looks(self, replicate: int) -> pd.DataFrame:
        """The analyses of one simulated trial (replicate 0, 1, ...): events,
        calendar time, patients, z, hazard ratio, bounds (efficacy_z,
        futility_z, harm_z; NaN where none), decision, capped, and variance
        (the variance of the trial's test's score when it is a
        Fleming-Harrington or Magirr-Burman test, else NaN). A normal or
        binary endpoint's analyses are at patients: they have no events,
        calendar_time, hazard_ratio, capped or variance column."""
        data = self._core().replicate_looks(replicate)
        frame = pd.DataFrame(data).set_index("look")
        if self.endpoint is not None:
            frame = frame.drop(columns=list(SURVIVAL_LOOK_COLUMNS))
        return frame

    def replicate_patients(self, replicate: int) -> pd.DataFrame:
        """The patients of one simulated trial: entry time, stratum, arm,
        cured, time to event or drop-out (inf if neither: a patient cured
        who does not drop out) and whether it is an event. Survival only: a
        normal or binary endpoint's simulation raises InvalidInput."""
        self._survival_only("replicate_patients", "replicate_looks(replicate) for each look's "
                            "patients, z and decision")
        return pd.DataFrame(self._core().replicate_patients(replicate))

    def plot_data(self, shown: int = 3) -> Dict[str, Any]:
        """Kaplan-Meier curves of the first ``shown`` replicates (a whole
        number from 0 to 100; at most the run's replicates are given) and
        the model curves, from the library (engine plot_data); anything else
        raises InvalidInput naming ``shown``. A normal or binary endpoint's
        trial has none: ``{"replicates": [], "model": None}``."""
        shown = whole(("shown",), shown, 0, MAX_SHOWN,
                      "the replicates whose Kaplan-Meier curves are given (default 3)")
        return self._from("plot_data", *(() if shown == 3 else (shown,)))

    def plot(self, figsize: Optional[tuple] = None) -> Any:
        """The command line's charts (``gsd simulate --plot``) as a matplotlib
        Figure: Kaplan-Meier curves of three simulated trials against the
        model, and where the simulated trials stop; for a normal or binary
        endpoint, where the trials stop only."""
        from ._plot import simulation_figure

        return simulation_figure(self._json(), self.plot_data(), figsize)

    def to_svg(self) -> str:
        """The command line's SVG (``gsd simulate --plot FILE.svg``)."""
        return self._from("svg")


class Monitoring(Result):
    """A monitoring committee's looks (``gsd.monitor``, ``gsd.Record``)."""

    def _recompute(self) -> Any:
        record = self._options.get("record")
        if record is not None:
            return _core.record_replay_document(record, self._options.get("record_file", ""))
        return _core.monitor(self._config)

    def __repr__(self) -> str:
        looks = self._json()["monitoring"]["looks"]
        last = looks[-1]["decision"] if looks else "no look"
        return f"<gsd.Monitoring {_count(len(looks), 'look')}, last decision {last}>"

    @property
    def monitoring(self) -> Dict[str, Any]:
        """The ``monitoring`` object of the JSON (a copy)."""
        return copy.deepcopy(self._json()["monitoring"])

    @property
    def looks(self) -> pd.DataFrame:
        """One row per look: events (patients for a binary or normal
        endpoint), information, bounds at the observed information, z,
        decision and reason, hazard ratio (or the endpoint's effect) with its
        repeated CI (columns _lower, _upper), repeated p-value, conditional
        and predictive power."""
        if "looks" not in self._frames:
            self._frames["looks"] = frame(self._json()["monitoring"]["looks"],
                                          intervals=MONITORING_INTERVALS,
                                          first=MONITORING_FIRST)
        return self._frames["looks"]

    @property
    def decisions(self) -> List[str]:
        return [k["decision"] for k in self._json()["monitoring"]["looks"]]

    @property
    def decision(self) -> str:
        """The decision at the last look."""
        return self.decisions[-1]

    @property
    def final(self) -> Optional[Dict[str, Any]]:
        """Inference after a stop (stage-wise ordering), else None."""
        return copy.deepcopy(self._json()["monitoring"].get("final"))

    @property
    def record(self) -> Optional[Dict[str, Any]]:
        """The monitoring record replayed, if this report comes from one."""
        return copy.deepcopy(self._options.get("record"))

    def report_html(self) -> str:
        """The committee's report (``gsd monitor --report``): one self-contained
        HTML page."""
        source = self._options.get("record_file") or self._options.get("source", "")
        return self._core().report_html(source)

    def save_report(self, path: Any) -> None:
        """Writes report_html() to ``path`` (atomically, as the command line
        does); a path that cannot be written, or that is the record itself,
        raises InvalidInput naming ``path`` before anything is written."""
        record = self._options.get("record_file")
        source = self._options.get("source")
        # Over the record, its lock or the config it came from, the report
        # would replace what the committee's decisions rest on.
        target = check_output("path", path, monitoring_inputs(record, source))
        _core.write_file(target, self.report_html())

    def plot_data(self, points: int = 101) -> Dict[str, Any]:
        """The observed z, the bounds and (before a stop) the conditional
        power at ``points`` true hazard ratios, a whole number from 2 to
        10000; anything else raises InvalidInput naming ``points``."""
        points = whole(("points",), points, 2, MAX_POINTS,
                       "the hazard ratios of the conditional-power curve (default 101)")
        return self._core().plot_data(points)

    def plot(self, figsize: Optional[tuple] = None) -> Any:
        """The observed z against the bounds at the last look's schedule, and
        conditional power against the true hazard ratio, as a Figure."""
        from ._plot import monitoring_figure

        return monitoring_figure(self._json(), self.plot_data(), figsize)
