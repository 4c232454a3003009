"""Results: DataFrames and arrays read from the contract JSON, text and CSV
as the command line prints them, pickling, and matplotlib figures."""
import json
import pickle

import numpy as np
import pandas as pd
import pytest

import gsd
from conftest import SEED_CONFIG


def test_design_tables(seed_design):
    b = seed_design.bounds
    assert isinstance(b, pd.DataFrame)
    assert b.index.name == "look" and list(b.index) == [1, 2, 3]
    for column in ("information_fraction", "efficacy_z", "futility_z", "nominal_p_one_sided",
                   "cumulative_alpha", "probability_efficacy_h0", "probability_efficacy_h1"):
        assert b[column].dtype == np.float64, column
    looks = seed_design.to_dict()["boundaries"]["looks"]
    assert list(b["efficacy_z"]) == [k["efficacy_z"] for k in looks]
    assert isinstance(seed_design.efficacy_z, np.ndarray)
    assert seed_design.looks is seed_design.bounds
    assert seed_design.config == {"design": {"alpha": 0.05, "sided": 2, "beta": 0.16,
                                             "information_fractions": [0.5, 0.75, 1.0],
                                             "efficacy": {"spending": "lan-demets-obf"}}}


def test_plan_tables(seed_plan):
    looks = seed_plan.looks
    assert looks["events"].dtype == np.int64
    assert list(looks["events"]) == [47, 71, 94]
    assert seed_plan.bounds.shape[0] == 3
    assert str(seed_plan).startswith("Group-sequential design, 3 looks")
    assert "patients 202, events 94" in seed_plan.to_text()


def test_simulation_tables(seed_plan):
    sim = gsd.simulate(seed_plan, replicates=2000, seed=7, progress=False)
    s = sim.to_dict()["simulation"]
    assert list(sim.looks.columns[:5]) == ["events", "reject", "reject_lower", "futility", "capped"]
    assert list(sim.looks["reject"]) == s["reject_per_look"]
    # The analyses held: all trials hold look 1 at its 47 events, look 2 is
    # held by those look 1 did not stop, and the means are the JSON's.
    held = sim.looks
    assert held.loc[1, "held"] == 1.0
    stopped = s["reject_per_look"][0] + s["reject_lower_per_look"][0] + s["futility_per_look"][0]
    assert held.loc[2, "held"] == pytest.approx(1.0 - stopped, abs=1e-12)
    assert list(held["mean_events"].iloc[:2]) == [47.0, 71.0]
    assert list(held["mean_time"]) == s["mean_time_per_look"]
    assert list(held["mean_efficacy_z"]) == s["mean_efficacy_z_per_look"]
    assert list(held["mean_patients"]) == s["mean_patients_per_look"]
    looks = sim.replicate_looks(0)
    patients = sim.replicate_patients(0)
    assert len(patients) == 202
    assert set(patients.columns) == {"entry", "stratum", "treatment", "cured", "time", "event"}
    # Every analysis but the last continues; the last one ends the trial.
    assert set(looks["decision"].iloc[:-1]) <= {"continue"}
    assert looks["decision"].iloc[-1] != "continue"
    # The stopping analysis counts exactly the events observed by its time.
    last = looks.iloc[-1]
    observed = ((patients["entry"] + patients["time"] <= last["calendar_time"])
                & patients["event"]).sum()
    assert observed == last["events"]


def test_monitoring_tables(repo):
    m = gsd.monitor(repo / "examples" / "seed-trial-monitoring" / "monitoring.json")
    looks = m.looks
    assert {"repeated_ci_hazard_ratio_lower", "repeated_ci_hazard_ratio_upper"} <= set(looks.columns)
    assert looks["decision"].iloc[0] == "stop-efficacy"
    assert looks["final_analysis"].dtype == bool
    assert m.decisions == ["stop-efficacy"]


def test_endpoint_monitoring_tables_split_the_effects_interval(repo):
    # The docs promise the repeated CI in _lower and _upper columns; a binary
    # or normal endpoint's repeated_ci_effect stayed a column of lists, and
    # its patients came after two dozen other columns.
    path = repo / "examples" / "endpoint-monitoring" / "binary-noninferiority.json"
    m = gsd.monitor(path)
    looks = m.looks
    assert looks.columns[0] == "patients"
    assert "repeated_ci_effect" not in looks.columns
    for i, row in enumerate(m.to_dict()["monitoring"]["looks"], start=1):
        assert looks.loc[i, "repeated_ci_effect_lower"] == row["repeated_ci_effect"][0]
        assert looks.loc[i, "repeated_ci_effect_upper"] == row["repeated_ci_effect"][1]
    assert looks["repeated_ci_effect_lower"].dtype == np.float64


def test_looks_from_a_dataframe(seed_plan):
    frame = pd.DataFrame({"events": [49, 71], "z": [2.0, np.nan],
                          "p_two_sided": [np.nan, 0.004],
                          "direction": [None, "favours-treatment"]})
    from_frame = gsd.monitor(seed_plan, looks=frame)
    from_list = gsd.monitor(seed_plan, looks=[
        {"events": 49, "z": 2.0},
        {"events": 71, "p_two_sided": 0.004, "direction": "favours-treatment"}])
    assert from_frame.to_dict() == from_list.to_dict()
    # The config keeps plain values (no numpy scalars, no NaN): it is JSON.
    assert from_frame.config == from_list.config
    assert json.loads(json.dumps(from_frame.config)) == from_list.config


@pytest.mark.parametrize("make", ["design", "plan", "simulation", "monitoring"])
def test_pickling(make, seed_design, seed_plan):
    result = {
        "design": lambda: seed_design,
        "plan": lambda: seed_plan,
        "simulation": lambda: gsd.simulate(seed_plan, replicates=1000, seed=2, progress=False),
        "monitoring": lambda: gsd.monitor(seed_plan, looks=[{"events": 49, "z": 2.0}]),
    }[make]()
    copy = pickle.loads(pickle.dumps(result))
    assert type(copy) is type(result)
    assert copy.to_dict() == result.to_dict()
    assert copy.to_json() == result.to_json()
    assert copy.to_text() == result.to_text()
    assert copy.to_csv() == result.to_csv()
    assert copy.config == result.config
    pd.testing.assert_frame_equal(copy.looks, result.looks)
    if make == "simulation":
        assert copy.plot_data() == result.plot_data()
        assert copy.to_svg() == result.to_svg()
    elif make != "monitoring":
        assert copy.plot_data() == result.plot_data()
        assert copy.to_svg() == result.to_svg()


@pytest.mark.parametrize("make", ["design", "simulation", "monitoring"])
def test_a_pickled_results_json_text_is_the_librarys_at_every_indent(make, seed_plan):
    # The compact text of a pickled copy had Python's ", " and ": " where
    # the library writes "," and ":".
    result = {
        "design": lambda: seed_plan,
        "simulation": lambda: gsd.simulate(seed_plan, replicates=50, seed=1, progress=False),
        "monitoring": lambda: gsd.monitor(seed_plan, looks=[{"events": 49, "z": 2.0}]),
    }[make]()
    copy = pickle.loads(pickle.dumps(result))
    for indent in (None, 0, 4):
        assert copy.to_json(indent=indent) == result.to_json(indent=indent)
    assert copy.to_json(indent=None).startswith('{"')
    assert '", "' not in copy.to_json(indent=None)


def test_record_monitoring_pickles(repo, tmp_path):
    record = gsd.Record(tmp_path / "dmc.json")
    record.add_look(49, z=2.0, config=repo / "configs" / "blinatumomab-20120215.json")
    m = record.add_look(71, z=2.6)
    copy = pickle.loads(pickle.dumps(m))
    assert copy.to_dict() == m.to_dict() == record.replay().to_dict()
    assert copy.record == m.record


def test_plots(seed_plan, repo):
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    fig = seed_plan.plot()
    assert isinstance(fig, Figure)
    titles = [ax.get_title() for ax in fig.axes if ax.get_title()]
    assert titles[:2] == ["Stopping boundaries: Lan-DeMets O'Brien-Fleming", "Error spending"]
    assert "Survival by arm (cure plateaus dashed)" in titles
    # The drawn bounds are the design's.
    line = fig.axes[0].lines[0]
    np.testing.assert_array_equal(line.get_ydata(), seed_plan.efficacy_z)
    design_fig = gsd.design(information_fractions=[0.5, 1.0]).plot()
    assert len([ax for ax in design_fig.axes if ax.get_title()]) == 2
    # The right axis gives the p-value of the design's sides: the seed design
    # is two-sided, so a z of 1.96 reads 0.05 there; a one-sided design's 0.025.
    def right_axis(fig):
        return next(ax for ax in fig.axes if ax.get_ylabel().startswith("nominal"))

    two = right_axis(fig)
    assert two.get_ylabel() == "nominal two-sided p-value"
    ticks = dict(zip([t.get_text() for t in two.get_yticklabels()], two.get_yticks()))
    assert ticks["0.05"] == pytest.approx(1.959963984540054, abs=1e-12)
    one = right_axis(design_fig)
    assert one.get_ylabel() == "nominal one-sided p-value"
    ticks = dict(zip([t.get_text() for t in one.get_yticklabels()], one.get_yticks()))
    assert ticks["0.025"] == pytest.approx(1.959963984540054, abs=1e-12)
    sim = gsd.simulate(seed_plan, replicates=500, seed=1, progress=False)
    sim_fig = sim.plot()
    assert [ax.get_title() for ax in sim_fig.axes][1] == "Where simulated trials stop (500 replicates)"
    # One legend entry per arm for the trials drawn, and the looks as points.
    km, stops = sim_fig.axes[0], sim_fig.axes[1]
    assert [t.get_text() for t in km.get_legend().get_texts()] == [
        "control, 3 simulated trials", "treatment, 3 simulated trials", "model, control", "model, treatment"]
    assert all(line.get_linestyle() == "None" for line in stops.lines)
    mon_fig = gsd.monitor(seed_plan, looks=[{"events": 49, "z": 2.0}]).plot()
    assert len(mon_fig.axes) == 2
    import matplotlib.pyplot as plt

    plt.close("all")


def test_an_endpoints_monitoring_plot_is_drawn_at_its_patients(repo):
    # It raised KeyError: 'events' (a binary or normal endpoint's looks are
    # at patients, and so is its plot data).
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    m = gsd.monitor(repo / "examples" / "endpoint-monitoring" / "normal-two-sample.json")
    data = m.plot_data()
    ax = m.plot().axes[0]
    assert ax.get_xlabel() == "patients"
    bound, observed = ax.lines[0], ax.lines[1]
    assert bound.get_label() == "efficacy bound (at the last look's schedule)"
    np.testing.assert_array_equal(bound.get_xdata(), data["bounds"]["patients"])
    np.testing.assert_array_equal(observed.get_xdata(), data["observed"]["patients"])
    np.testing.assert_array_equal(observed.get_ydata(), m.looks["z"])
    plt.close("all")


@pytest.mark.parametrize("example", ["fh01", "maxcombo", "rmst24"])
def test_a_weighted_tests_monitoring_plot_has_each_looks_z_and_bound(repo, example):
    # The library refused the plot data of these tests, naming survival.test.
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    m = gsd.monitor(repo / "examples" / "weighted-monitoring" / f"{example}.json")
    looks = m.to_dict()["monitoring"]["looks"]
    fig = m.plot()
    assert len(fig.axes) == 1  # no conditional-power panel: the test has none
    bound, observed = fig.axes[0].lines[0], fig.axes[0].lines[1]
    assert bound.get_label() == "efficacy bound (at each look's information)"
    np.testing.assert_array_equal(observed.get_xdata(), [look["events"] for look in looks])
    # A MaxCombo look is judged by its largest z.
    np.testing.assert_array_equal(observed.get_ydata(), [look.get("z", look.get("max_z")) for look in looks])
    np.testing.assert_array_equal(bound.get_ydata(), [look["efficacy_z"] for look in looks])
    plt.close("all")
    if example == "maxcombo":
        # Each MaxCombo bound comes with its error in z, a column of the looks.
        errors = m.looks["efficacy_z_error"]
        assert ((errors > 0) & (errors < 0.01)).all()


def test_non_inferiority_power_plot_marks_the_margin(repo):
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    config = json.loads((repo / "examples/non-inferiority/survival-margin-1.3.json").read_text())
    plan = gsd.survival(config["design"], **config["survival"])
    assert plan.sample_size["hazard_ratio_h0"] == 1.3
    fig = plan.plot()
    power = [ax for ax in fig.axes if ax.get_title().startswith("Power at")][0]
    # The curve runs from 0.3 up to just below the margin (ratios at or past
    # it are refused), and a dashed line marks the margin at 1.3.
    x = power.lines[0].get_xdata()
    assert x[0] == pytest.approx(0.3) and 1.25 < x[-1] < 1.3
    assert [list(line.get_xdata()) for line in power.lines[1:]] == [[1.3, 1.3]]
    assert any(t.get_text() == "margin 1.3" for t in power.texts)
    plt.close("all")


def test_report_html(repo, tmp_path):
    m = gsd.monitor(repo / "examples" / "seed-trial-monitoring" / "monitoring.json")
    m.save_report(tmp_path / "dmc.html")
    html = (tmp_path / "dmc.html").read_text()
    assert html.startswith("<!DOCTYPE html>") and "<svg" in html and "stop-efficacy" in html


def test_report_html_of_an_rmst_test(repo, tmp_path):
    # The report of a test monitored on its own information scale.
    m = gsd.monitor(repo / "examples" / "weighted-monitoring" / "rmst24.json")
    m.save_report(tmp_path / "rmst.html")
    html = (tmp_path / "rmst.html").read_text()
    assert "RMST difference up to tau = 24" in html and html.count("<svg") == 1
    assert '<tr class="stop-efficacy"><td>2</td><td>71</td>' in html


def test_replicate_looks_carry_the_harm_bound():
    # A harm bound (alpha 0.01 of 0.035) on the seed trial: each simulated
    # analysis carries the harm bound it was judged against, the design's at
    # the planned looks.
    design = gsd.design(alpha=0.035, beta=0.16, information_fractions=[0.5, 0.75, 1.0],
                        harm={"alpha": 0.01})
    plan = gsd.survival(design, control={"cure_fraction": 0.40, "median_noncured": 7.0},
                        treatment={"cure_fraction": 0.562}, hazard_ratio_noncured=0.63,
                        accrual=36.0, patients=202, events=94)
    sim = gsd.simulate(plan, replicates=20, seed=3, progress=False)
    looks = sim.replicate_looks(0)
    assert "harm_z" in looks.columns
    for look, row in looks.iterrows():
        if not row["capped"]:
            assert row["harm_z"] == pytest.approx(design.looks["harm_z"].iloc[look - 1], abs=1e-12)


def test_reprs_count_in_the_singular_for_one(seed_design):
    """repr said "1 looks" for a monitoring result after its first look (and
    for a one-look design)."""
    m = gsd.monitor(seed_design, looks=[{"events": 49, "z": 2.0}], planned_events=94)
    assert repr(m) == "<gsd.Monitoring 1 look, last decision continue>"
    m = gsd.monitor(seed_design, looks=[{"events": 49, "z": 2.0}, {"events": 71, "z": 2.6}],
                    planned_events=94)
    assert repr(m) == "<gsd.Monitoring 2 looks, last decision stop-efficacy>"
    assert repr(gsd.design()).startswith("<gsd.Design 1 look, alpha 0.025 one-sided")
    assert repr(seed_design).startswith("<gsd.Design 3 looks, ")
    # Events are counts, but gsd.monitor (the library) accepts fractional
    # ones, so the column stays float64 rather than round them.
    assert gsd.monitor(seed_design, looks=[{"events": 49.5, "z": 2.0}],
                       planned_events=94).looks["events"].tolist() == [49.5]


def _stop_panel(fig):
    return [ax for ax in fig.axes if ax.get_title().startswith("Where simulated trials stop")][0]


def test_a_one_sided_simulations_stop_chart_draws_the_series_it_has():
    # A one-sided design has no harm side: its JSON has no
    # reject_lower_per_look, and the figure raised KeyError.
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    design = gsd.design(alpha=0.025, information_fractions=[0.5, 1.0])
    plan = gsd.survival(design, control={"cure_fraction": 0.4, "median_noncured": 7.0},
                        treatment={"cure_fraction": 0.562}, hazard_ratio_noncured=0.63,
                        accrual=36.0, patients=202, events=94)
    sim = gsd.simulate(plan, replicates=1000, seed=1, progress=False)
    fig = sim.plot()
    assert len(fig.axes) == 2
    assert fig.axes[0].get_title().startswith("Kaplan-Meier curves")
    stop = _stop_panel(fig)
    assert stop.get_title() == "Where simulated trials stop (1000 replicates)"
    assert [line.get_label() for line in stop.lines] == [
        "stop for efficacy", "stop for futility", "final analysis at the calendar cap"]
    np.testing.assert_array_equal(stop.lines[0].get_ydata(), sim.reject_per_look)
    # Side by side around each look, so that equal values (the zeros) do
    # not hide one another: three series at -0.08, 0 and +0.08.
    np.testing.assert_allclose([line.get_xdata() for line in stop.lines],
                               [[0.92, 1.92], [1.0, 2.0], [1.08, 2.08]])
    plt.close("all")


@pytest.mark.parametrize("example", [
    "boundaries/hazard-ratio-futility.json", "calendar/classical-calendar-looks.json",
    "non-inferiority/survival-at-margin.json", "non-inferiority/survival-margin-1.3.json",
    "weighted-monitoring/maxcombo.json"])
def test_an_examples_simulation_without_a_harm_side_plots(repo, example):
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sim = gsd.simulate(repo / "examples" / example, replicates=200, seed=1, progress=False)
    stop = _stop_panel(sim.plot())
    assert [line.get_label() for line in stop.lines] == [
        "stop for efficacy", "stop for futility", "final analysis at the calendar cap"]
    np.testing.assert_array_equal(stop.lines[1].get_ydata(), sim.looks["futility"])
    plt.close("all")


# The command line's numbers: gsd simulate FILE --replicates 200 --format json.
ENDPOINT_SIMULATIONS = {
    "configs/normal-two-sample.json": {
        "endpoint": "normal", "patients": [92, 138, 184], "reject": [0.265, 0.5, 0.15],
        "futility": [0.02, 0.02, 0.0], "expected_patients": 133.86},
    "configs/binary-noninferiority.json": {
        "endpoint": "binary", "patients": [303, 530, 756], "reject": [0.06, 0.37, 0.375],
        "futility": [0.055, 0.06, 0.0], "expected_patients": 606.725},
    "examples/boundaries/endpoint-futility.json": {
        "endpoint": "binary", "patients": [200, 300, 400], "reject": [0.275, 0.385, 0.245],
        "futility": [0.0, 0.025, 0.0], "expected_patients": 304.0},
}


@pytest.mark.parametrize("path", sorted(ENDPOINT_SIMULATIONS))
def test_an_endpoint_simulations_looks_are_at_patients(repo, path):
    # They raised KeyError: 'look_events' (an endpoint's trial has no events).
    expected = ENDPOINT_SIMULATIONS[path]
    sim = gsd.simulate(repo / path, replicates=200, progress=False)
    assert sim.endpoint == expected["endpoint"]
    looks = sim.looks
    assert list(looks.columns) == ["patients", "reject", "futility", "reject_ignoring_futility"]
    assert list(looks.index) == [1, 2, 3] and looks.index.name == "look"
    assert looks["patients"].dtype == np.int64
    assert list(looks["patients"]) == expected["patients"]
    assert list(looks["reject"]) == expected["reject"]
    assert list(looks["futility"]) == expected["futility"]
    assert sim.expected_patients == expected["expected_patients"]
    # A simulated trial's analyses are at patients too: no columns of
    # events, calendar time, hazard ratio or calendar cap.
    analyses = sim.replicate_looks(0)
    assert list(analyses.columns) == ["patients", "z", "efficacy_z", "futility_z", "harm_z",
                                      "decision"]
    assert set(analyses["patients"]) <= set(expected["patients"])


def test_a_single_arm_simulation_has_its_exact_power(repo):
    # The responder count enumerated over the looks at the 73 patients
    # simulated (tests/simulate/exact_binomial_test.cpp has the value from an
    # independent enumeration); other trials have none.
    sim = gsd.simulate(repo / "examples" / "single-arm" / "response-rate.json", replicates=2000,
                       seed=1, progress=False)
    assert sim.exact_power == pytest.approx(0.823243710555436, abs=1e-12)
    assert abs(sim.power - sim.exact_power) < 4 * (0.18 * 0.82 / 2000) ** 0.5
    other = gsd.simulate(repo / "configs" / "binary-noninferiority.json", replicates=100,
                         progress=False)
    assert other.exact_power is None


def test_a_survival_simulation_has_no_endpoint(seed_plan):
    sim = gsd.simulate(seed_plan, replicates=100, seed=1, progress=False)
    assert sim.endpoint is None
    assert list(sim.looks["events"]) == [47, 71, 94]
    assert "calendar_time" in sim.replicate_looks(0).columns


@pytest.mark.parametrize("path", sorted(ENDPOINT_SIMULATIONS))
def test_an_endpoint_simulation_plots_where_its_trials_stop(repo, path):
    # The figure raised TypeError drawing Kaplan-Meier curves the trial has
    # not; the command line's SVG has only the chart of where trials stop.
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    expected = ENDPOINT_SIMULATIONS[path]
    sim = gsd.simulate(repo / path, replicates=200, progress=False)
    fig = sim.plot()
    assert [ax.get_title() for ax in fig.axes] == ["Where simulated trials stop (200 replicates)"]
    assert "Kaplan-Meier" not in sim.to_svg()
    ax = fig.axes[0]
    assert [line.get_label() for line in ax.lines] == ["stop for efficacy", "stop for futility"]
    np.testing.assert_array_equal(ax.lines[0].get_ydata(), expected["reject"])
    np.testing.assert_array_equal(ax.lines[1].get_ydata(), expected["futility"])
    plt.close("all")


def test_survival_only_results_of_an_endpoint_simulation_say_what_to_use(repo):
    sim = gsd.simulate(repo / "configs" / "normal-two-sample.json", replicates=200,
                       progress=False)
    rule = ("does not apply: this is the simulation of a normal endpoint, whose looks are at "
            "patients (no events, no calendar time); use ")
    for what in ("expected_events", "expected_duration"):
        with pytest.raises(gsd.InvalidInput) as e:
            getattr(sim, what)
        assert str(e.value) == f"{what} {rule}expected_patients"
        assert e.value.path == (what,)
    with pytest.raises(gsd.InvalidInput) as e:
        sim.replicate_patients(0)
    assert str(e.value) == ("replicate_patients " + rule + "replicate_looks(replicate) for each "
                            "look's patients, z and decision")
    assert sim.plot_data() == {"replicates": [], "model": None}


def test_plan_of_a_config_file_is_the_survival_plan(repo, seed_plan, seed_design):
    """gsd.plan reads a config into the object gsd.survival builds from the
    same numbers: the same bounds and sample size to the bit (the names
    differ), and a config with a design alone gives a Design."""
    p = gsd.plan(SEED_CONFIG)
    assert type(p) is gsd.Plan
    assert p.to_dict()["boundaries"] == seed_plan.to_dict()["boundaries"]
    assert p.sample_size == seed_plan.sample_size
    pd.testing.assert_frame_equal(p.looks, seed_plan.looks)
    assert p.config == json.loads(SEED_CONFIG.read_text())
    assert gsd.plan(str(SEED_CONFIG)).power == p.power
    d = gsd.plan({"design": seed_design.config["design"]})
    assert type(d) is gsd.Design
    assert d.to_dict()["boundaries"] == seed_design.to_dict()["boundaries"]


def test_plan_refuses_what_is_not_a_design_or_log_rank_plan(repo):
    with pytest.raises(gsd.InvalidInput) as e:
        gsd.plan({"design": {"alpha": 2}})
    assert str(e.value).startswith('config["design"]["alpha"] = 2 must lie in (0, 0.5)')
    with pytest.raises(gsd.InvalidInput) as e:
        gsd.plan({"design": {"information_fractions": [0.5, 1]},
                  "endpoint": {"type": "normal", "mean_difference": 0.3, "sd": 1, "power": 0.9}})
    assert str(e.value).startswith("config has an endpoint section")
    assert "gsd.run(config)" in str(e.value) and e.value.path == ("config",)
    config = json.loads(SEED_CONFIG.read_text())
    config["survival"]["test"] = {"type": "maxcombo"}
    with pytest.raises(gsd.InvalidInput, match="has a survival test other than the log-rank test"):
        gsd.plan(config)
    # The log-rank test named explicitly is the default test, not another one.
    config["survival"]["test"] = {"type": "log-rank"}
    explicit, seed = gsd.plan(config), gsd.plan(SEED_CONFIG)
    assert explicit.power == seed.power
    pd.testing.assert_frame_equal(explicit.looks, seed.looks)
    with pytest.raises(gsd.InvalidInput, match="does not exist"):
        gsd.plan(str(SEED_CONFIG) + ".missing")


def test_weighted_bounds_at_the_observed_variance(seed_design):
    # The seed plan judged by FH(0, 1): each replicate's analyses carry the
    # variance of the weighted score, and with weighted_bounds="observed"
    # the bounds move with it (the planned ones are the design's).
    plan = gsd.survival(seed_design, control={"cure_fraction": 0.40, "median_noncured": 7.0},
                        treatment={"cure_fraction": 0.562}, hazard_ratio_noncured=0.63,
                        accrual=36.0, patients=202, events=94,
                        test={"type": "fleming-harrington", "rho": 0, "gamma": 1})
    planned = gsd.simulate(plan, replicates=50, seed=3)
    observed = gsd.simulate(plan, replicates=50, seed=3, weighted_bounds="observed")
    assert planned.to_dict()["simulation"]["weighted_bounds"] == "planned"
    assert observed.to_dict()["simulation"]["weighted_bounds"] == "observed"
    assert observed.to_dict()["simulation"]["planned_variance"] > 0
    a = planned.replicate_looks(0)
    b = observed.replicate_looks(0)
    assert (a["variance"] > 0).all()
    assert list(a["variance"]) == list(b["variance"])
    assert list(a["z"]) == list(b["z"])
    assert (a["efficacy_z"] != b["efficacy_z"]).all()
    with pytest.raises(gsd.InvalidInput, match=r"^weighted_bounds = "):
        gsd.simulate(plan, replicates=10, weighted_bounds="expected")


def test_side_tests_as_frames(seed_plan):
    # Two tests on the same replicates: a frame of their powers and one of
    # their looks, each value the JSON's; the log-rank test meets the
    # design's bounds at looks 1 and 2 (no trial reaches the cap by then).
    fh01 = {"type": "fleming-harrington", "rho": 0, "gamma": 1}
    sim = gsd.simulate(seed_plan, replicates=300, seed=5, progress=False,
                       tests=[fh01, {"type": "log-rank"}])
    tests = sim.to_dict()["simulation"]["tests"]
    frame = sim.tests
    assert frame.index.name == "test" and list(frame.index) == [1, 2]
    assert list(frame["label"]) == ["FH(0, 1)", "log-rank"]
    assert list(frame["power"]) == [t["power"] for t in tests]
    assert list(frame["power_se"]) == [t["power_se"] for t in tests]
    assert list(frame["analytic_power"]) == [t["analytic_power"] for t in tests]
    looks = sim.test_looks
    assert looks.index.names == ["test", "look"]
    assert list(looks.index) == [(j, k) for j in (1, 2) for k in (1, 2, 3)]
    assert list(looks.loc[1, "reject"]) == tests[0]["reject_per_look"]
    assert list(looks.loc[2, "efficacy_z"]) == list(seed_plan.efficacy_z)
    # (means of fixed-point sums, 2^-32 per trial: equal within 1e-9)
    assert list(looks.loc[2, "mean_efficacy_z"].iloc[:2]) == pytest.approx(list(seed_plan.efficacy_z[:2]), abs=1e-9)
    assert list(looks.loc[1, "mean_efficacy_z"]) == tests[0]["mean_efficacy_z_per_look"]
    assert set(looks["label"]) == {"FH(0, 1)", "log-rank"}
    # A run without such tests has frames without rows.
    plain = gsd.simulate(seed_plan, replicates=50, seed=5, progress=False)
    assert plain.tests.empty and list(plain.tests.columns) == list(frame.columns)
    assert plain.test_looks.empty and list(plain.test_looks.columns) == list(looks.columns)
