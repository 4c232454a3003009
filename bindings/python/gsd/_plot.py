"""matplotlib figures of the command line's charts.

Every curve comes from the library's plot data (engine plot_data: JSON with
one {"x": [...], "y": [...]} per curve) and every number from the result's
JSON; this module only draws. The panels, titles, labels and colours follow
the command line's SVG charts (render/), whose palette is matplotlib's
tab10.
"""
from __future__ import annotations

import math
import numbers
from typing import Any, Dict, List, Optional, Sequence

import numpy as np

from . import _core
from ._errors import invalid

# The command line's palette (render/svg_chart.cpp), matplotlib's tab10.
PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2",
           "#7f7f7f", "#bcbd22", "#17becf")
# Round one-sided p-values for the right axis of the boundary chart.
P_TICKS = (0.5, 0.1, 0.025, 0.01, 0.001, 1e-4, 1e-5, 1e-6, 1e-8, 1e-10, 1e-12, 1e-15)
# A two-sided design's: the same z values' round two-sided p, as the SVG's.
P_TICKS_TWO_SIDED = (1.0, 0.2, 0.05, 0.01, 0.001, 1e-4, 1e-5, 1e-6, 1e-8, 1e-10, 1e-12, 1e-15)
# Each chart is this tall in inches; the SVG stacks charts 360 px high.
# The stopping chart's series at one look are this far apart (in looks), as
# on the command line's SVG.
DODGE = 0.08
PANEL_HEIGHT = 3.6
PANEL_WIDTH = 8.0


def _pyplot() -> Any:
    try:
        import matplotlib.pyplot as plt
    except ImportError as e:  # pragma: no cover - depends on the installation
        raise ImportError("plots need matplotlib (Debian: apt-get install python3-matplotlib)") from e
    return plt


def _figure(panels: int, figsize: Optional[tuple]) -> tuple:
    # Checked here, by its name: matplotlib's own errors for figsize=5,
    # figsize=(0, 0) or plot("survival") named nothing the caller wrote.
    if figsize is not None:
        ok = isinstance(figsize, (tuple, list)) and len(figsize) == 2 and all(
            isinstance(v, numbers.Real) and not isinstance(v, bool) and math.isfinite(v) and v > 0
            for v in figsize)
        if not ok:
            raise invalid(("figsize",), figsize, "must be (width, height) in inches: two positive "
                          "numbers, e.g. (7, 9)")
    plt = _pyplot()
    size = figsize or (PANEL_WIDTH, PANEL_HEIGHT * panels)
    fig, axes = plt.subplots(panels, 1, figsize=size, squeeze=False)
    return fig, [row[0] for row in axes]


def _values(v: Sequence[Any]) -> np.ndarray:
    return np.asarray([math.nan if x is None else x for x in v], dtype=float)


def boundaries_panel(ax: Any, result: Dict[str, Any], data: Dict[str, Any]) -> None:
    b = data["boundaries"]
    t = _values(b["information_fraction"])
    eff = _values(b["efficacy_z"])
    lower = _values(b["lower_z"])
    fut = _values(b["futility_z"])
    ax.plot(t, eff, "o-", color=PALETTE[0], lw=2, label="efficacy bound")
    two_sided = not np.all(np.isnan(lower))
    if two_sided:
        ax.plot(t, lower, "o--", color=PALETTE[0], lw=2, label="lower bound (two-sided)")
    fut_lower = _values(b.get("futility_lower_z", [None] * len(t)))
    if not np.all(np.isnan(fut_lower)):
        # A two-sided design stops for futility when |z| is below the bound.
        ax.plot(t, fut, "o-", color=PALETTE[1], lw=2, label="futility bound (|z| below)")
        ax.plot(t, fut_lower, "o-", color=PALETTE[1], lw=2)
    elif not np.all(np.isnan(fut)):
        ax.plot(t, fut, "o-", color=PALETTE[1], lw=2, label="futility bound")
    top = float(np.nanmax(eff)) if not np.all(np.isnan(eff)) else 0.0
    top = max(top, 0.0)
    bottom = min(0.0, float(np.nanmin(fut))) if not np.all(np.isnan(fut)) else 0.0
    if two_sided:
        bottom = -top
    top, bottom = math.ceil(top + 0.5), math.floor(bottom - 0.5)
    ax.set_xlim(0.0, 1.0)
    ax.set_ylim(bottom, top)
    ax.set_xlabel("information fraction")
    ax.set_ylabel("z statistic (positive favours treatment)")
    name = result["boundaries"].get("efficacy_spending", "")
    ax.set_title(f"Stopping boundaries: {name}" if name else "Stopping boundaries")
    # Right axis: the nominal p-value at round values, thinned so that labels
    # stay a fifteenth of the axis apart, as the SVG does; a two-sided
    # design's p is two-sided, 2 P(Z >= |z|).
    positions: List[float] = []
    labels: List[str] = []
    ticks = P_TICKS_TWO_SIDED if two_sided else P_TICKS
    zs = _core.normal_upper_quantile(np.asarray(ticks) / (2.0 if two_sided else 1.0))
    for p, z in zip(ticks, zs):
        if not bottom <= z <= top:
            continue
        if positions and z - positions[-1] < (top - bottom) / 15.0:
            continue
        positions.append(float(z))
        labels.append(f"{p:g}")
    right = ax.twinx()
    right.set_ylim(ax.get_ylim())
    right.set_yticks(positions)
    right.set_yticklabels(labels)
    right.set_ylabel(f"nominal {'two' if two_sided else 'one'}-sided p-value")
    ax.grid(True, alpha=0.3)
    ax.legend(loc="upper right", fontsize="small")


def spending_panel(ax: Any, result: Dict[str, Any], data: Dict[str, Any]) -> None:
    b = result["boundaries"]
    spending = data.get("spending", {})
    if "alpha" in spending:
        ax.plot(spending["alpha"]["x"], spending["alpha"]["y"], "-", color=PALETTE[0], lw=2,
                label="alpha spending function")
    t = [0.0] + [k["information_fraction"] for k in b["looks"]]
    spent = [0.0] + [k["cumulative_alpha"] for k in b["looks"]]
    # A classical family has no spending function: its looks are joined.
    ax.plot(t, spent, "o-" if "alpha" not in spending else "o", color=PALETTE[0],
            label="alpha spent at the looks (H0)")
    top = b["alpha"]
    if "beta" in spending:
        ax.plot(spending["beta"]["x"], spending["beta"]["y"], "-", color=PALETTE[1], lw=2,
                label="beta spending function")
        top = max(top, b["beta"])
    ax.set_xlim(0.0, 1.0)
    ax.set_ylim(0.0, 1.1 * top)
    ax.set_xlabel("information fraction")
    ax.set_ylabel("cumulative error spent")
    ax.set_title("Error spending")
    ax.grid(True, alpha=0.3)
    ax.legend(loc="upper left", fontsize="small")


def _time_label(result: Dict[str, Any], what: str) -> str:
    return f"{what} ({result['sample_size'].get('time_unit', 'time')})"


def survival_panel(ax: Any, result: Dict[str, Any], data: Dict[str, Any]) -> None:
    s = data["survival"]
    ax.plot(s["control"]["x"], s["control"]["y"], color=PALETTE[0], lw=2, label="control")
    ax.plot(s["treatment"]["x"], s["treatment"]["y"], color=PALETTE[1], lw=2, label="treatment")
    for cure, label in ((s["control_cure"], "control cure"), (s["treatment_cure"], "treatment cure")):
        ax.axhline(cure, ls="--", color="0.45", lw=1)
        ax.annotate(label, (1.0, cure), xycoords=("axes fraction", "data"), ha="right",
                    va="bottom", fontsize="small", color="0.3")
    ax.set_xlim(0.0, s["control"]["x"][-1])
    ax.set_ylim(0.0, 1.0)
    ax.set_xlabel(_time_label(result, "time since randomization"))
    ax.set_ylabel("probability event-free")
    ax.set_title("Survival by arm (cure plateaus dashed)")
    ax.grid(True, alpha=0.3)
    ax.legend(loc="upper right", fontsize="small")


def events_panel(ax: Any, result: Dict[str, Any], data: Dict[str, Any]) -> None:
    e = data["events"]
    ax.plot(e["x"], e["y"], color=PALETTE[0], lw=2)
    looks = e["looks"]
    ax.plot([k["calendar_time"] for k in looks], [k["events"] for k in looks], "o",
            color=PALETTE[3])
    for k in looks:
        ax.axvline(k["calendar_time"], ls="--", color="0.45", lw=1)
        ax.annotate(str(k["events"]), (k["calendar_time"], 1.0),
                    xycoords=("data", "axes fraction"), ha="left", va="top", fontsize="small")
    ax.axhline(e["event_limit"], ls="--", color="0.45", lw=1)
    ax.annotate("all-time limit", (0.0, e["event_limit"]), xycoords=("axes fraction", "data"),
                ha="left", va="bottom", fontsize="small", color="0.3")
    ax.set_xlim(0.0, e["x"][-1])
    ax.set_ylim(0.0, 1.05 * e["event_limit"])
    ax.set_xlabel(_time_label(result, "calendar time"))
    ax.set_ylabel("expected events")
    ax.set_title("Expected events over calendar time (looks dashed, labelled by events)")
    ax.grid(True, alpha=0.3)


def hazard_ratio_panel(ax: Any, result: Dict[str, Any], data: Dict[str, Any]) -> None:
    h = data["hazard_ratio"]
    ax.plot(h["x"], h["y"], color=PALETTE[2], lw=2)
    top = max([1.0] + list(h["y"]))
    ax.axhline(1.0, ls="--", color="0.45", lw=1)
    ax.annotate("no difference", (1.0, 1.0), xycoords=("axes fraction", "data"), ha="right",
                va="bottom", fontsize="small", color="0.3")
    schoenfeld = result["sample_size"].get("schoenfeld") or {}
    hr = schoenfeld.get("hazard_ratio")
    if hr is not None:
        ax.axhline(hr, ls="--", color="0.45", lw=1)
        ax.annotate(f"among the noncured: {hr:g}", (1.0, hr), xycoords=("axes fraction", "data"),
                    ha="right", va="bottom", fontsize="small", color="0.3")
    ax.set_xlim(0.0, data["survival"]["control"]["x"][-1])
    ax.set_ylim(0.0, 1.1 * top)
    ax.set_xlabel(_time_label(result, "time since randomization"))
    ax.set_ylabel("hazard ratio, treatment / control")
    ax.set_title("Hazard ratio over time (not proportional under a cure model)")
    ax.grid(True, alpha=0.3)


def power_panel(ax: Any, result: Dict[str, Any], data: Dict[str, Any]) -> None:
    p = data["power_by_hazard_ratio"]
    s = result["sample_size"]
    ax.plot(p["x"], p["y"], color=PALETTE[4], lw=2)
    margin = s.get("hazard_ratio_h0", 1.0)
    if margin != 1.0:
        # A non-inferiority margin: the curve runs up to it, where the power
        # falls to alpha.
        ax.axvline(margin, ls="--", color="0.45", lw=1)
        ax.annotate(f"margin {margin:g}", (margin, 1.0), xycoords=("data", "axes fraction"), ha="right",
                    va="top", rotation=90, fontsize="small", color="0.3")
    ax.set_ylim(0.0, 1.0)
    ax.set_xlabel("hazard ratio among the noncured")
    ax.set_ylabel("power")
    ax.set_title(f"Power at {s['patients']} patients and {s['events']} events "
                 "(cure fractions and bounds kept)")
    ax.grid(True, alpha=0.3)


def design_figure(result: Dict[str, Any], data: Dict[str, Any], figsize: Optional[tuple]) -> Any:
    panels = [boundaries_panel, spending_panel]
    if "survival" in data:
        panels += [survival_panel, events_panel, hazard_ratio_panel]
        if data.get("power_by_hazard_ratio", {}).get("x"):
            panels.append(power_panel)
    fig, axes = _figure(len(panels), figsize)
    for draw, ax in zip(panels, axes):
        draw(ax, result, data)
    fig.tight_layout()
    return fig


def simon_probabilities_panel(ax: Any, result: Dict[str, Any], data: Dict[str, Any]) -> None:
    _simon_probabilities(ax, data["simon"], result["simon_two_stage"]["design"])


def _simon_probabilities(ax: Any, c: Dict[str, Any], d: Dict[str, Any]) -> None:
    """The design's chances of a promising verdict and of stopping after
    stage 1 over the true rate (``c``: the plot data's "simon" curves), with
    p0, p1, alpha and 1 - beta marked."""
    ax.plot(c["rate"], c["promising"], color=PALETTE[0], lw=2, label="P(promising)")
    ax.plot(c["rate"], c["early_stop"], color=PALETTE[1], lw=2, ls="--", label="P(stop after stage 1)")
    for y, name in ((c["alpha"], "alpha"), (c["power_target"], "1 - beta")):
        ax.axhline(y, ls=":", color="0.45", lw=1)
        ax.annotate(name, (1.0, y), xycoords=("axes fraction", "data"), ha="right", va="bottom",
                    fontsize="small", color="0.3")
    for x, name in ((c["rate_h0"], "p0"), (c["rate_h1"], "p1")):
        ax.axvline(x, ls=":", color="0.45", lw=1)
        ax.annotate(name, (x, 1.0), xycoords=("data", "axes fraction"), ha="left", va="top",
                    fontsize="small", color="0.3")
    ax.set_xlim(0.0, 1.0)
    ax.set_ylim(0.0, 1.0)
    ax.set_xlabel("true response rate")
    ax.set_ylabel("probability")
    ax.set_title(f"Simon's two-stage design {d['r1']}/{d['n1']}, {d['r']}/{d['n']}")
    ax.legend(loc="center right", fontsize="small")
    ax.grid(True, alpha=0.3)


def simon_patients_panel(ax: Any, result: Dict[str, Any], data: Dict[str, Any]) -> None:
    c = data["simon"]
    ax.plot(c["rate"], c["expected_patients"], color=PALETTE[2], lw=2)
    for x, name in ((c["rate_h0"], "p0"), (c["rate_h1"], "p1")):
        ax.axvline(x, ls=":", color="0.45", lw=1)
        ax.annotate(name, (x, 1.0), xycoords=("data", "axes fraction"), ha="left", va="top",
                    fontsize="small", color="0.3")
    ax.set_xlim(0.0, 1.0)
    ax.set_ylim(0.0, c["patients"])
    ax.set_xlabel("true response rate")
    ax.set_ylabel("expected patients")
    ax.set_title("Expected patients over the true response rate")
    ax.grid(True, alpha=0.3)


def simon_figure(result: Dict[str, Any], data: Dict[str, Any], figsize: Optional[tuple]) -> Any:
    fig, axes = _figure(2, figsize)
    simon_probabilities_panel(axes[0], result, data)
    simon_patients_panel(axes[1], result, data)
    fig.tight_layout()
    return fig


def simon_monitoring_figure(result: Dict[str, Any], data: Dict[str, Any],
                            figsize: Optional[tuple]) -> Any:
    """A Simon trial's looks over its design: the chances of a promising
    verdict and of an early stop over the true rate, each look's observed
    rate (responders / patients, as the library gives it) and, once the
    trial has ended, the confidence interval of the rate."""
    m = result["monitoring"]
    d = m["design"]
    fig, axes = _figure(1, figsize)
    ax = axes[0]
    _simon_probabilities(ax, data["simon"], d)
    o = data["observed"]
    # Each look's rate in a colour of its own; the interval, of the last
    # look's counts, in the last look's.
    for k, (rate, responders, patients) in enumerate(zip(o["rate"], o["responders"], o["patients"])):
        ax.axvline(rate, color=PALETTE[3 + k], lw=2,
                   label=f"look {k + 1}: {responders} of {patients} respond")
    if data.get("ci_rate") is not None:
        low, high = data["ci_rate"]
        level = m["final"]["confidence_level"]
        ax.axvspan(low, high, color=PALETTE[2 + len(o["rate"])], alpha=0.15, lw=0,
                   label=f"{100.0 * level:g}% CI of the rate")
    ax.set_title(f"Simon's two-stage design {d['r1']}/{d['n1']}, {d['r']}/{d['n']}: "
                 "the observed response rates")
    ax.legend(loc="center right", fontsize="small")
    fig.tight_layout()
    return fig


def km_panel(ax: Any, result: Dict[str, Any], data: Dict[str, Any]) -> None:
    colours = {"treatment": "#1f77b4", "control": "#d62728"}
    model_colours = {"treatment": "#08306b", "control": "#67000d"}
    t_max = 0.0
    shown = len(data["replicates"])
    for i, rep in enumerate(data["replicates"]):
        for arm in ("control", "treatment"):
            c = rep[arm]
            # One legend entry per arm for all the trials drawn (their arm's colour).
            label = f"{arm}, {shown} simulated trial{'s' if shown > 1 else ''}" if i == 0 else "_nolegend_"
            ax.step(c["x"], c["y"], where="post", color=colours[arm], lw=1, label=label)
            t_max = max(t_max, c["x"][-1])
    for arm in ("control", "treatment"):
        c = data["model"][arm]
        ax.plot(c["x"], c["y"], "--", color=model_colours[arm], lw=2.5, label=f"model, {arm}")
        t_max = max(t_max, c["x"][-1])
    unit = result["simulation"].get("time_unit", "time")
    ax.set_xlim(0.0, t_max)
    ax.set_ylim(0.0, 1.0)
    ax.set_xlabel(f"time since entry ({unit})")
    ax.set_ylabel("event-free survival")
    ax.set_title("Kaplan-Meier curves of simulated trials at their stopping analysis vs the model")
    ax.grid(True, alpha=0.3)
    ax.legend(loc="upper right", fontsize="small")


def stop_panel(ax: Any, result: Dict[str, Any], data: Dict[str, Any]) -> None:
    s = result["simulation"]
    looks = np.arange(1, len(s["reject_per_look"]) + 1)
    series = (("stop for efficacy", "reject_per_look", 0),
              ("stop for futility", "futility_per_look", 1),
              ("stop for harm (lower bound)", "reject_lower_per_look", 2),
              ("final analysis at the calendar cap", "capped_per_look", 3))
    # The JSON has a series only where it applies: the harm side with a
    # lower bound, the calendar cap for a survival trial.
    drawn = [(label, _values(s[key]), colour) for label, key, colour in series if key in s]
    top = 0.0
    for i, (label, y, colour) in enumerate(drawn):
        top = max(top, float(np.nanmax(y)))
        # Looks are discrete: points, not a line through them, side by side
        # around the look so that equal values (often 0) stay apart.
        offset = (i - (len(drawn) - 1) / 2) * DODGE
        ax.plot(looks + offset, y, "o", color=PALETTE[colour], label=label)
    ax.set_xlim(0.5, len(looks) + 0.5)
    ax.set_xticks(looks)
    ax.set_ylim(0.0, max(0.05, math.ceil(top * 20.0) / 20.0))
    ax.set_xlabel("look")
    ax.set_ylabel("probability")
    ax.set_title(f"Where simulated trials stop ({s['replicates']} replicates)")
    ax.grid(True, alpha=0.3)
    ax.legend(loc="upper right", fontsize="small")


def simulation_figure(result: Dict[str, Any], data: Dict[str, Any], figsize: Optional[tuple]) -> Any:
    panels = [km_panel, stop_panel]
    if "endpoint" in result["simulation"]:
        # A normal or binary endpoint's trial has no survival curves: where
        # its trials stop is the one chart, as on the command line.
        panels = [stop_panel]
    fig, axes = _figure(len(panels), figsize)
    for draw, ax in zip(panels, axes):
        draw(ax, result, data)
    fig.tight_layout()
    return fig


def monitoring_bounds_panel(ax: Any, result: Dict[str, Any], data: Dict[str, Any]) -> None:
    b = data["bounds"]
    # A survival test's looks are at events, a binary or normal endpoint's
    # at patients.
    x = "events" if "events" in b else "patients"
    # Where the library set the bounds: a weighted, MaxCombo, RMST or
    # milestone test has each look's bound at that look's information, and
    # none beyond the last look.
    own_scale = b.get("set_at") == "each_look"
    ax.plot(b[x], _values(b["efficacy_z"]), "o-", color=PALETTE[0], lw=2,
            label="efficacy bound (at each look's information)" if own_scale
            else "efficacy bound (at the last look's schedule)")
    o = data["observed"]
    ax.plot(o[x], o["z"], "s-", color=PALETTE[3], lw=2, label="observed z")
    ax.axhline(0.0, color="0.6", lw=1)
    ax.set_xlim(0.0, max(list(b[x]) + list(o[x])) * 1.05)
    ax.set_xlabel(x)
    ax.set_ylabel("z statistic (positive favours treatment)")
    ax.set_title("Observed z and the bounds at the observed information")
    ax.grid(True, alpha=0.3)
    ax.legend(loc="lower right", fontsize="small")


def conditional_power_panel(ax: Any, result: Dict[str, Any], data: Dict[str, Any]) -> None:
    c = data["conditional_power_by_hazard_ratio"]
    ax.plot(c["x"], c["y"], color=PALETTE[4], lw=2)
    ax.set_ylim(0.0, 1.0)
    ax.set_xlabel("true hazard ratio")
    ax.set_ylabel("conditional power")
    ax.set_title("Conditional power at the last look, by the true hazard ratio")
    ax.grid(True, alpha=0.3)


def monitoring_figure(result: Dict[str, Any], data: Dict[str, Any], figsize: Optional[tuple]) -> Any:
    panels = [monitoring_bounds_panel]
    if "conditional_power_by_hazard_ratio" in data:
        panels.append(conditional_power_panel)
    fig, axes = _figure(len(panels), figsize)
    for draw, ax in zip(panels, axes):
        draw(ax, result, data)
    fig.tight_layout()
    return fig
