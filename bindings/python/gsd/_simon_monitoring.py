"""The monitoring of Simon's two-stage design (``gsd.monitor`` and
``gsd.Record`` on a config whose design.type is "simon-two-stage"): each
look's counts judged by the design's rules, the chance of a promising end
while stage 2 runs, and the exact inference once the trial has ended, read
from the library's report into DataFrames and dicts."""
from __future__ import annotations

import copy
from typing import Any, Dict, List, Mapping, Optional

import pandas as pd

from ._frames import frame
from ._results import Monitoring, _count
from ._simon import SimonSettings, _simon_design

# A look's conditional probability of a promising end (while stage 2 runs)
# at p0, at p1 and at stage 1's rate: one column each, NaN at a look
# without it.
CONDITIONAL = "conditional_probability"
CONDITIONAL_KEYS = ("rate_h0", "rate_h1", "observed_rate")
# The leading columns of the looks, as the command line's CSV and text give
# them, then the look as entered; the other keys of the JSON follow (a
# record's recorded_at and recorded_decision).
SIMON_LOOK_FIRST = (("stage", "patients", "responders", "rate", "decision", "verdict", "reason")
                    + tuple(f"{CONDITIONAL}_{key}" for key in CONDITIONAL_KEYS) + ("input",))


def _flat(look: Mapping[str, Any]) -> Dict[str, Any]:
    """A look of the JSON with its conditional probabilities as columns."""
    # "look" is the frame's index.
    out = {k: v for k, v in look.items() if k not in (CONDITIONAL, "look")}
    given = look.get(CONDITIONAL) or {}
    for key in CONDITIONAL_KEYS:
        out[f"{CONDITIONAL}_{key}"] = given.get(key)
    return out


class SimonMonitoring(SimonSettings, Monitoring):
    """The looks of a trial run by Simon's two-stage design (``gsd.monitor``
    and ``gsd.Record`` on a config of design.type "simon-two-stage"): each
    look's decision, verdict and reason, the chance of a promising end
    while stage 2 runs, and once the trial has ended the exact inference
    (stage-wise p-value, estimates, confidence interval), all from the
    library."""

    def _s(self) -> Dict[str, Any]:
        return self._json()["monitoring"]

    def __repr__(self) -> str:
        s = self._s()
        d, looks = s["design"], s["looks"]
        out = (f"<gsd.SimonMonitoring {d['r1']}/{d['n1']}, {d['r']}/{d['n']}: "
               f"{_count(len(looks), 'look')}, {looks[-1]['verdict']}")
        final = s.get("final")
        if final is not None:
            out += f", p-value {final['p_value']:.4g}"
        if s["warnings"]:
            out += f", {_count(len(s['warnings']), 'warning')}"
        return out + ">"

    @property
    def looks(self) -> pd.DataFrame:
        """One row per look (stage 1, then stage 2), as the command line's
        CSV and text give them: ``stage``, ``patients`` and ``responders``
        so far, ``rate`` (responders / patients), ``decision`` (continue,
        stop-futility, stop-efficacy or final-no-rejection), ``verdict``
        (go on to stage 2, stop after stage 1, promising, not promising)
        and ``reason``; while stage 2 runs, the chance of more than ``r``
        responders of ``n`` given stage 1 at p0, at p1 and at stage 1's
        rate (``conditional_probability_rate_h0``, ``..._rate_h1``,
        ``..._observed_rate``; NaN at a look without it); and ``input``,
        the look as entered (with its ``date`` and ``note``). A record's
        looks add ``recorded_at`` and ``recorded_decision``."""
        if "looks" not in self._frames:
            self._frames["looks"] = frame([_flat(look) for look in self._s()["looks"]],
                                          first=SIMON_LOOK_FIRST)
        return self._frames["looks"]

    @property
    def verdicts(self) -> List[str]:
        """Each look's verdict in the command line's words."""
        return [k["verdict"] for k in self._s()["looks"]]

    @property
    def verdict(self) -> str:
        """The verdict at the last look: "go on to stage 2", "stop after
        stage 1", "promising" or "not promising"."""
        return self.verdicts[-1]

    @property
    def reasons(self) -> List[str]:
        """Each look's reason, a sentence, as the command line prints it."""
        return [k["reason"] for k in self._s()["looks"]]

    @property
    def final(self) -> Optional[Dict[str, Any]]:
        """The inference once the trial has ended (after a stop at stage 1,
        or after stage 2), else None while stage 2 runs: ``look``,
        ``ordering`` ("stage-wise"), the one-sided ``p_value`` against p0,
        ``ci_rate`` [lower, upper] at ``confidence_level``,
        ``median_unbiased_rate``, ``umvue_rate``, ``observed_rate``, and
        ``planned_sizes`` (whether the stages had the design's sizes)."""
        return copy.deepcopy(self._s().get("final"))

    @property
    def design(self) -> Dict[str, Any]:
        """The design the trial runs, as ``gsd.simon(...).design``: ``r1``,
        ``n1``, ``r``, ``n``, its exact ``alpha`` and ``power``, and the
        early stop and expected patients under p0 and p1."""
        return _simon_design(self._s()["design"])

    @property
    def alpha(self) -> float:
        """The one-sided type I error the design was asked for."""
        return self._s()["alpha"]

    @property
    def warnings(self) -> List[str]:
        """The library's warnings, sentences: a stage whose patients differ
        from the design's, and how the looks are judged then."""
        return list(self._s()["warnings"])

    def plot_data(self) -> Dict[str, Any]:  # type: ignore[override]
        """The curves behind the plot, from the library (engine plot_data):
        the design's curves as ``SimonDesign.plot_data()`` gives them
        (``{"simon": {...}}``), ``observed``, the looks' ``patients``,
        ``responders`` and ``rate``, and ``ci_rate``, the confidence
        interval of the rate once the trial has ended (else None)."""
        return self._core().plot_data(200)

    def plot(self, figsize: Optional[tuple] = None) -> Any:
        """The chance of being declared promising (and of stopping after
        stage 1) over the true response rate, with the looks' observed
        rates and, once the trial has ended, the confidence interval of
        the rate marked, as a matplotlib Figure."""
        from ._plot import simon_monitoring_figure

        return simon_monitoring_figure(self._json(), self.plot_data(), figsize)

