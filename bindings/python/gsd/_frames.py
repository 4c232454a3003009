"""Per-look tables of the contract JSON as pandas DataFrames."""
from __future__ import annotations

import math
from typing import Any, Dict, Iterable, List, Mapping, Sequence

import numpy as np
import pandas as pd


def _numeric(values: Sequence[Any]) -> bool:
    return all(v is None or (isinstance(v, (int, float)) and not isinstance(v, bool))
               for v in values)


def column(values: Sequence[Any]) -> Any:
    """A column: booleans as bool, whole numbers as int64, numbers with gaps
    (None) as float64 with NaN, anything else as objects."""
    if values and all(isinstance(v, bool) for v in values):
        return np.asarray(values, dtype=bool)
    if values and _numeric(values):
        if all(isinstance(v, int) for v in values):
            return np.asarray(values, dtype=np.int64)
        return np.asarray([math.nan if v is None else v for v in values], dtype=np.float64)
    return list(values)


def frame(rows: Sequence[Mapping[str, Any]], intervals: Iterable[str] = (),
          index: str = "look", first: Sequence[str] = ()) -> pd.DataFrame:
    """One row per look, indexed 1, 2, ... . The keys in `first` that the
    rows hold come first, in that order (the JSON's keys are alphabetical,
    which would put cumulative_alpha before information_fraction), then the
    others. Each key of `intervals` (a [lower, upper] pair) becomes two
    columns, <key>_lower and <key>_upper."""
    keys: List[str] = []
    for row in rows:
        for k in row:
            if k not in keys:
                keys.append(k)
    keys = [k for k in first if k in keys] + [k for k in keys if k not in first]
    intervals = set(intervals)
    data: Dict[str, Any] = {}
    for k in keys:
        values = [row.get(k) for row in rows]
        if k in intervals:
            data[k + "_lower"] = column([v[0] if v else None for v in values])
            data[k + "_upper"] = column([v[1] if v else None for v in values])
        else:
            data[k] = column(values)
    out = pd.DataFrame(data, index=pd.RangeIndex(1, len(rows) + 1, name=index))
    return out


def array(values: Sequence[Any]) -> np.ndarray:
    """Numbers as a float64 array, None as NaN."""
    return np.asarray([math.nan if v is None else v for v in values], dtype=np.float64)


def tests_frame(tests: Sequence[Mapping[str, Any]]) -> pd.DataFrame:
    """The side tests of a simulation (its JSON's ``tests``), one row per
    test, indexed 1, 2, ...: label, power, power_se, analytic_power."""
    return pd.DataFrame(
        {"label": np.asarray([t["label"] for t in tests], dtype=object),
         "power": array([t["power"] for t in tests]),
         "power_se": array([t["power_se"] for t in tests]),
         "analytic_power": array([t["analytic_power"] for t in tests])},
        index=pd.RangeIndex(1, len(tests) + 1, name="test"))


def test_looks_frame(tests: Sequence[Mapping[str, Any]]) -> pd.DataFrame:
    """The side tests look by look, one row per test and look, indexed by
    both from 1: label, reject, efficacy_z, mean_efficacy_z."""
    rows = [(j + 1, k + 1, t["label"], t["reject_per_look"][k], t["efficacy_z"][k],
             t["mean_efficacy_z_per_look"][k])
            for j, t in enumerate(tests) for k in range(len(t["reject_per_look"]))]
    index = pd.MultiIndex.from_arrays([[r[0] for r in rows], [r[1] for r in rows]], names=["test", "look"])
    return pd.DataFrame(
        {"label": np.asarray([r[2] for r in rows], dtype=object),
         "reject": array([r[3] for r in rows]),
         "efficacy_z": array([r[4] for r in rows]),
         "mean_efficacy_z": array([r[5] for r in rows])},
        index=index)
