"""Simon's two-stage design of a single-arm response rate (``gsd.simon``):
the library's search read into DataFrames and dicts."""
from __future__ import annotations

import copy
from typing import Any, Dict, Optional

import pandas as pd

from . import _core
from ._frames import frame
from ._results import Result

SIMON_DESIGN_KEYS = ("r1", "n1", "r", "n", "alpha", "power", "early_stop_h0",
                     "expected_patients_h0", "early_stop_h1", "expected_patients_h1")
SIMON_OPERATING_KEYS = ("rate", "promising", "early_stop", "expected_patients")


def _simon_design(values: Dict[str, Any]) -> Dict[str, Any]:
    """One design of a Simon result, its keys in the CSV's order (a copy)."""
    first = {k: values[k] for k in SIMON_DESIGN_KEYS if k in values}
    return {**first, **{k: copy.deepcopy(v) for k, v in values.items() if k not in first}}


class SimonSettings:
    """What a Simon design and its monitoring both report of the design's
    settings, read from their section of the library's JSON (``_s``)."""

    def _s(self) -> Dict[str, Any]:
        raise NotImplementedError

    @property
    def criterion(self) -> str:
        """"optimal" or "minimax": the design that ``design`` is."""
        return self._s()["criterion"]

    @property
    def rate(self) -> float:
        """p1, the response rate worth pursuing (the JSON's ``rate_h1``)."""
        return self._s()["rate_h1"]

    @property
    def margin(self) -> float:
        """p0, the response rate not worth pursuing (the JSON's ``rate_h0``)."""
        return self._s()["rate_h0"]


class SimonDesign(SimonSettings, Result):
    """Simon's two-stage design of a single-arm response rate
    (``gsd.simon``): the design its criterion picks, the minimax, admissible
    and optimal designs, the single-stage size and the chosen design's
    operating characteristics, all from the library's search."""

    def _recompute(self) -> Any:
        return _core.design(self._config)

    def _s(self) -> Dict[str, Any]:
        return self._json()["simon_two_stage"]

    def __repr__(self) -> str:
        s = self._s()
        d = s["design"]
        return (f"<gsd.SimonDesign {s['criterion']} {d['r1']}/{d['n1']}, {d['r']}/{d['n']}, "
                f"alpha {d['alpha']:.4f}, power {d['power']:.4f}, "
                f"EN(p0) {d['expected_patients_h0']:.2f}>")

    @property
    def simon_two_stage(self) -> Dict[str, Any]:
        """The ``simon_two_stage`` object of the JSON (a copy)."""
        return copy.deepcopy(self._s())

    @property
    def design(self) -> Dict[str, Any]:
        """The design the criterion picks: stop after stage 1 with at most
        ``r1`` responders of ``n1`` patients; promising with more than ``r``
        of ``n``. With its exact ``alpha`` and ``power``, and the
        probability of stopping after stage 1 (``early_stop_h0``,
        ``early_stop_h1``) and the expected patients (``expected_patients_h0``,
        ``expected_patients_h1``) under p0 (``margin``) and p1 (``rate``)."""
        return _simon_design(self._s()["design"])

    @property
    def optimal(self) -> Dict[str, Any]:
        """The optimal design: the least expected patients under p0."""
        return _simon_design(self._s()["optimal"])

    @property
    def minimax(self) -> Dict[str, Any]:
        """The minimax design: the least maximum patients ``n``."""
        return _simon_design(self._s()["minimax"])

    @property
    def designs(self) -> pd.DataFrame:
        """The admissible designs, one row each from the minimax to the
        optimal, as the command line's CSV gives them: ``design`` ("minimax",
        "admissible", "optimal", or "both" when one design is both), r1, n1,
        r, n, alpha, power, early_stop_h0, expected_patients_h0,
        early_stop_h1, expected_patients_h1, and the range of the weight q
        of n in q n + (1 - q) EN(p0) over which the design is the best
        (``weight_low``, ``weight_high``)."""
        if "designs" not in self._frames:
            rows = self._s()["admissible"]
            # The engine's label of each ("kind"), as its CSV's "design" column.
            labelled = [{"design": row["kind"], **{k: v for k, v in row.items() if k != "kind"}}
                        for row in rows]
            first = ("design",) + SIMON_DESIGN_KEYS + ("weight_low", "weight_high")
            self._frames["designs"] = frame(labelled, first=first).reset_index(drop=True)
        return self._frames["designs"]

    @property
    def operating_characteristics(self) -> pd.DataFrame:
        """The chosen design at a range of true response rates (p0 and p1
        among them): the probability of declaring the treatment promising,
        of stopping after stage 1, and the expected patients."""
        if "operating_characteristics" not in self._frames:
            self._frames["operating_characteristics"] = frame(
                self._s()["operating_characteristics"],
                first=SIMON_OPERATING_KEYS).reset_index(drop=True)
        return self._frames["operating_characteristics"]

    @property
    def single_stage(self) -> Optional[Dict[str, int]]:
        """The one-stage design of the same rates, alpha and power
        (``{"n": 25, "r": 5}``: promising with more than r of n), or None
        when it needs more than ``max_patients``."""
        return copy.deepcopy(self._s()["single_stage"])

    @property
    def alpha(self) -> float:
        """The one-sided type I error asked for (the design's own is
        ``design["alpha"]``)."""
        return self._s()["alpha"]

    @property
    def beta(self) -> float:
        """The type II error asked for (the design's power is ``design["power"]``)."""
        return self._s()["beta"]

    @property
    def max_patients(self) -> int:
        """The bound of the search: every design of at most this many patients."""
        return self._s()["max_patients"]

    def plot_data(self) -> Dict[str, Any]:
        """The curves behind the plot, from the library (engine plot_data):
        ``{"simon": {...}}`` with the chosen design's ``promising``,
        ``early_stop`` and ``expected_patients`` at each ``rate`` (0.005 to
        0.995), and ``rate_h0``, ``rate_h1``, ``alpha``, ``power_target``
        (1 - beta) and ``patients`` (the design's n)."""
        return self._core().plot_data(200)

    def plot(self, figsize: Optional[tuple] = None) -> Any:
        """The command line's charts (``--plot``) as a matplotlib Figure: the
        chosen design's chances of being declared promising and of stopping
        after stage 1 over the true response rate, and its expected patients."""
        from ._plot import simon_figure

        return simon_figure(self._json(), self.plot_data(), figsize)

    def to_svg(self) -> str:
        """The command line's SVG (``gsd design --plot FILE.svg``): the
        chosen design's probabilities and expected patients over the rate."""
        return self._core().svg()
