"""gsd.monitor and gsd.Record on Simon's two-stage design: each look judged
by the design's counts, the chance of a promising end while stage 2 runs,
and the exact inference once the trial ends. The numbers are those of an
independent enumeration in R for the optimal design of p0 = 0.1, p1 = 0.3,
alpha 0.05, beta 0.2 (1/10, 5/29); the text, JSON, CSV and records are
what ``gsd monitor`` prints and keeps for the same looks."""
import io
import json
import math
import pickle
import subprocess

import numpy as np
import pandas as pd
import pytest

import gsd

TOL = 1e-12
EXAMPLE = "examples/single-arm/simon-monitoring.json"
LOOK_COLUMNS = ["stage", "patients", "responders", "rate", "decision", "verdict", "reason",
                "conditional_probability_rate_h0", "conditional_probability_rate_h1",
                "conditional_probability_observed_rate", "input"]
STAGE_1 = {"n": 10, "responders": 3}
STAGE_2 = {"n": 29, "responders": 6}


@pytest.fixture(scope="module")
def optimal():
    return gsd.simon(0.3, 0.1, alpha=0.05, beta=0.2)


@pytest.fixture(scope="module")
def ended(optimal):
    return gsd.monitor(optimal, looks=[STAGE_1, STAGE_2])


@pytest.fixture(scope="module")
def running(optimal):
    return gsd.monitor(optimal, looks=[STAGE_1])


def _at_least(k, n, p):
    """P(Bin(n, p) >= k)."""
    return sum(math.comb(n, j) * p ** j * (1.0 - p) ** (n - j) for j in range(k, n + 1))


def test_the_inference_after_stage_2_is_rs(ended):
    assert isinstance(ended, gsd.SimonMonitoring) and isinstance(ended, gsd.Monitoring)
    final = ended.final
    assert final["p_value"] == pytest.approx(0.0470863066438913, abs=TOL)
    assert final["umvue_rate"] == pytest.approx(0.261308532966635, abs=TOL)
    assert final["median_unbiased_rate"] == pytest.approx(0.214680883717267, abs=TOL)
    assert final["ci_rate"] == pytest.approx([0.101504793653952, 0.412679409341487], abs=TOL)
    assert final["confidence_level"] == 0.9  # 1 - 2 alpha
    assert final["observed_rate"] == 6 / 29
    assert (final["look"], final["ordering"], final["planned_sizes"]) == (2, "stage-wise", True)
    # Exactly 6 > r = 5 of 29: the p-value is the design's own alpha.
    assert final["p_value"] == pytest.approx(ended.design["alpha"], abs=TOL)
    assert ended.decisions == ["continue", "stop-efficacy"] and ended.decision == "stop-efficacy"
    assert ended.verdicts == ["go on to stage 2", "promising"] and ended.verdict == "promising"
    assert ended.warnings == []


def test_a_stop_after_stage_1(optimal):
    stopped = gsd.monitor(optimal, looks=[{"n": 10, "responders": 1}])
    # P(X >= 1 | n 10, p0 0.1) = 1 - 0.9^10.
    assert stopped.final["p_value"] == pytest.approx(0.6513215599, abs=TOL)
    assert stopped.final["look"] == 1
    assert stopped.decisions == ["stop-futility"] and stopped.verdict == "stop after stage 1"
    assert stopped.reasons == ["1 responder of 10, at most r1 = 1: stop after stage 1; "
                               "the treatment is not promising"]
    assert np.isnan(stopped.looks.loc[1, "conditional_probability_rate_h0"])


def test_while_stage_2_runs(running):
    assert running.final is None
    assert running.decisions == ["continue"]
    look = running.looks.loc[1]
    # Promising needs more than 5 of 29: at least 3 of stage 2's 19 patients.
    assert look["conditional_probability_rate_h0"] == pytest.approx(_at_least(3, 19, 0.1), abs=TOL)
    assert look["conditional_probability_rate_h1"] == pytest.approx(_at_least(3, 19, 0.3), abs=TOL)
    # Stage 1's rate, 3 / 10, is p1.
    assert look["conditional_probability_observed_rate"] == look["conditional_probability_rate_h1"]
    assert running.plot_data()["ci_rate"] is None


def test_the_looks_are_a_dataframe(ended):
    looks = ended.looks
    assert list(looks.columns) == LOOK_COLUMNS
    assert looks.index.name == "look" and list(looks.index) == [1, 2]
    assert looks["patients"].tolist() == [10, 29] and looks["responders"].tolist() == [3, 6]
    assert looks["patients"].dtype == np.int64 and looks["rate"].dtype == np.float64
    assert looks["decision"].tolist() == ["continue", "stop-efficacy"]
    assert looks["verdict"].tolist() == ["go on to stage 2", "promising"]
    assert looks["reason"].iloc[1] == "6 responders of 29, more than r = 5: the treatment is promising (H0 rejected)"
    assert looks["input"].tolist() == [STAGE_1, STAGE_2]
    # The stage 2 look has no conditional probability: the trial has ended.
    assert np.isnan(looks.loc[2, "conditional_probability_rate_h0"])
    # The CSV's columns, value for value.
    csv = pd.read_csv(io.StringIO(ended.to_csv()), float_precision="round_trip").set_index("look")
    for column in ("stage", "patients", "responders", "rate", "decision"):
        assert csv[column].tolist() == looks[column].tolist()
    assert csv.loc[2, "p_value"] == ended.final["p_value"]


def test_the_rest_of_the_result(optimal, ended):
    assert ended.design == optimal.design
    assert list(ended.design)[:4] == ["r1", "n1", "r", "n"]
    assert (ended.criterion, ended.rate, ended.margin, ended.alpha) == ("optimal", 0.3, 0.1, 0.05)
    assert ended.config["monitoring"] == {"looks": [STAGE_1, STAGE_2]}
    assert ended.config["design"] == optimal.config["design"]
    j = ended.to_dict()
    assert j["design_type"] == "simon-two-stage" and j["monitoring"] == ended.monitoring
    assert json.loads(ended.to_json()) == j
    assert str(ended) == ended.to_text()
    assert "Look 2: 6 responders of 29, more than r = 5" in str(ended)
    assert ended.record is None


def test_repr_uses_the_librarys_words(optimal, ended, running):
    assert repr(ended) == "<gsd.SimonMonitoring 1/10, 5/29: 2 looks, promising, p-value 0.04709>"
    assert repr(running) == "<gsd.SimonMonitoring 1/10, 5/29: 1 look, go on to stage 2>"
    stopped = gsd.monitor(optimal, looks=[{"n": 10, "responders": 0}])
    assert repr(stopped) == "<gsd.SimonMonitoring 1/10, 5/29: 1 look, stop after stage 1, p-value 1>"


def test_other_sizes_than_planned_are_warned_of(optimal):
    m = gsd.monitor(optimal, looks=[{"n": 12, "responders": 3}, {"n": 30, "responders": 6}])
    assert len(m.warnings) == 2
    assert m.warnings[0].startswith("stage 1 has 12 patients where the design planned 10")
    assert m.warnings[1].startswith("stage 2 has 18 patients where the design planned 19")
    assert m.final["planned_sizes"] is False
    assert repr(m).endswith(", 2 warnings>")
    assert all(f"warning: {w}\n" in str(m) for w in m.warnings)


def test_confidence_level_and_the_looks_as_a_dataframe(optimal, ended):
    wider = gsd.monitor(optimal, looks=[STAGE_1, STAGE_2], confidence_level=0.95)
    assert wider.final["confidence_level"] == 0.95
    low, high = wider.final["ci_rate"]
    assert low < ended.final["ci_rate"][0] and high > ended.final["ci_rate"][1]
    assert wider.final["p_value"] == ended.final["p_value"]
    frame = pd.DataFrame({"n": [10, 29], "responders": [3, 6]})
    assert gsd.monitor(optimal, looks=frame).to_dict() == ended.to_dict()
    assert gsd.monitor(optimal.config, looks=[STAGE_1, STAGE_2]).to_dict() == ended.to_dict()


def test_the_example_config(repo):
    m = gsd.monitor(repo / EXAMPLE)
    assert isinstance(m, gsd.SimonMonitoring)
    assert m.looks["input"].iloc[0]["note"] == "end of stage 1"
    assert m.decisions == ["continue", "stop-efficacy"]
    assert m.to_dict() == gsd.run(repo / EXAMPLE, "monitor")


def _printed(cli, config, *flags):
    return subprocess.run([cli, "monitor", str(config), *flags], capture_output=True, text=True,
                          check=True).stdout


def test_text_json_and_csv_equal_the_cli(cli, optimal, ended, tmp_path):
    config = tmp_path / "simon.json"
    config.write_text(json.dumps(ended.config))
    assert str(ended) == _printed(cli, config)
    assert ended.to_json() + "\n" == _printed(cli, config, "--format", "json")
    assert ended.to_csv() == _printed(cli, config, "--format", "csv")
    assert gsd.run(config, "monitor", format="text") == str(ended)


@pytest.mark.parametrize("call,path,start", [
    (lambda s: gsd.monitor(s), ("looks",),
     'looks is missing and the config has no monitoring looks: give the looks so far, '
     'e.g. looks=[{"n": 10, "responders": 3}]'),
    (lambda s: gsd.monitor(s, looks=[]), ("looks",), "looks = [] must hold stage 1's look"),
    (lambda s: gsd.monitor(s, looks=[{"n": 10, "responders": 12}]), ("looks", 0, "responders"),
     'looks[0]["responders"] = 12 must be a whole number from 0 to the look\'s 10 patients'),
    (lambda s: gsd.monitor(s, looks=[{"n": 10.5, "responders": 2}]), ("looks", 0, "n"),
     'looks[0]["n"] = 10.5 must be a whole number'),
    (lambda s: gsd.monitor(s, looks=[{"n": 10}]), ("looks", 0, "responders"),
     'looks[0]["responders"] is missing'),
    (lambda s: gsd.monitor(s, looks=[{"events": 10, "z": 2.0}]), ("looks", 0, "events"),
     'looks[0]["events"] is not a known key'),
    (lambda s: gsd.monitor(s, looks=[{"n": 10, "responders": 1}, STAGE_2]), ("looks", 1),
     "looks[1] follows a stop: stage 1 had 1 responder of 10"),
    (lambda s: gsd.monitor(s, looks=[STAGE_1, STAGE_2, {"n": 30, "responders": 6}]), ("looks", 2),
     "looks[2] is a third look"),
    (lambda s: gsd.monitor(s, looks=[STAGE_1, {"n": 9, "responders": 6}]), ("looks", 1, "n"),
     'looks[1]["n"] = 9 must be a whole number above stage 1\'s 10 patients'),
    (lambda s: gsd.monitor(s, looks=[STAGE_1], planned_events=30), ("planned_events",),
     "planned_events = 30 does not apply to Simon's two-stage design"),
    (lambda s: gsd.monitor(s, looks=[STAGE_1], confidence_level=1.5), ("confidence_level",),
     "confidence_level = 1.5 must lie in (0, 1)"),
    (lambda s: gsd.run(s.config, "monitor"), ("config", "monitoring"), 'config["monitoring"] is missing'),
])
def test_errors_name_the_argument(optimal, call, path, start):
    with pytest.raises(gsd.InvalidInput) as e:
        call(optimal)
    assert e.value.path == path
    assert str(e.value).startswith(start), str(e.value)


def test_a_config_field_is_named_from_the_config(repo):
    config = json.loads((repo / EXAMPLE).read_text())
    config["monitoring"]["looks"][0]["responders"] = -1
    with pytest.raises(gsd.InvalidInput) as e:
        gsd.monitor(config)
    assert e.value.path == ("design", "monitoring", "looks", 0, "responders")
    with pytest.raises(gsd.InvalidInput) as e:
        gsd.run(config, "monitor")
    assert e.value.path == ("config", "monitoring", "looks", 0, "responders")


def test_record_round_trip_equals_the_cli(cli, optimal, tmp_path):
    """A record kept from Python holds the command line's entries, replays
    to its JSON, and refuses a look that contradicts it by the argument."""
    start = tmp_path / "simon.json"
    start.write_text(json.dumps(optimal.config))
    py, sh = tmp_path / "py.json", tmp_path / "cli.json"
    record = gsd.Record(py)
    with pytest.raises(gsd.InvalidInput) as e:
        record.add_look(n=10, responders=12, config=optimal)
    assert e.value.path == ("responders",) and not py.exists()
    first = record.add_look(n=10, responders=3, config=optimal, date="2025-03-14")
    assert isinstance(first, gsd.SimonMonitoring) and first.final is None
    subprocess.run([cli, "monitor", str(start), "--record", str(sh), "add-look", "--n", "10",
                    "--responders", "3", "--date", "2025-03-14"], capture_output=True, check=True)
    with pytest.raises(gsd.InvalidInput) as e:
        record.add_look(n=9, responders=3)
    assert e.value.path == ("n",)
    second = gsd.run(None, "monitor", record=py, add_look={"n": 29, "responders": 6})
    subprocess.run([cli, "monitor", "--record", str(sh), "add-look", "--n", "29", "--responders", "6"],
                   capture_output=True, check=True)
    assert second["monitoring"]["final"]["p_value"] == pytest.approx(0.0470863066438913, abs=TOL)
    with pytest.raises(gsd.InvalidInput) as e:
        record.add_look(n=30, responders=6)
    assert e.value.path == ("add_look",) and "is a third look" in str(e.value)
    replayed = record.replay()
    assert isinstance(replayed, gsd.SimonMonitoring)
    assert replayed.decisions == ["continue", "stop-efficacy"]
    assert replayed.looks["input"].iloc[0] == {"n": 10, "responders": 3, "date": "2025-03-14"}
    assert replayed.record["looks"][1]["decision"] == "stop-efficacy"
    printed = json.loads(subprocess.run([cli, "monitor", "--record", str(sh), "--format", "json"],
                                        capture_output=True, text=True, check=True).stdout)

    def strip(doc):
        doc = json.loads(json.dumps(doc).replace(str(py), "FILE").replace(str(sh), "FILE"))
        for look in doc["monitoring"]["looks"]:
            look.pop("recorded_at")
        return doc

    assert strip(replayed.to_dict()) == strip(printed)
    assert list(replayed.looks.columns) == LOOK_COLUMNS + ["recorded_at", "recorded_decision"]
    assert replayed.looks["recorded_decision"].tolist() == ["continue", "stop-efficacy"]
    py_doc, sh_doc = record.to_dict(), json.loads(sh.read_text())
    for doc in (py_doc, sh_doc):
        doc.pop("created_at")
        doc["chain"].pop("config_hash")
        for entry in doc["looks"]:
            entry.pop("recorded_at")
            entry.pop("hash")
    assert py_doc == sh_doc
    assert record.verify()["chain"]["status"] == "verified"


def test_report_html(ended, tmp_path):
    ended.save_report(tmp_path / "simon.html")
    html = (tmp_path / "simon.html").read_text()
    assert html.startswith("<!DOCTYPE html>") and "<svg" in html
    assert "go on to stage 2" in html and "promising" in html


def test_pickles(ended, running):
    for result in (ended, running):
        copy = pickle.loads(pickle.dumps(result))
        assert type(copy) is gsd.SimonMonitoring
        assert copy.to_json() == result.to_json() and copy.to_text() == result.to_text()
        pd.testing.assert_frame_equal(copy.looks, result.looks)
        assert copy.plot_data() == result.plot_data()
        assert repr(copy) == repr(result)


def test_plot_marks_the_observed_rates_and_the_interval(optimal, ended):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    data = ended.plot_data()
    # The design's curves, as SimonDesign.plot_data() gives them.
    assert data["simon"] == optimal.plot_data()["simon"]
    assert data["observed"] == {"patients": [10, 29], "responders": [3, 6], "rate": [0.3, 6 / 29]}
    assert data["ci_rate"] == ended.final["ci_rate"]
    fig = ended.plot()
    (ax,) = fig.axes
    assert list(ax.lines[0].get_ydata()) == data["simon"]["promising"]
    looks = [line for line in ax.lines if line.get_label().startswith("look ")]
    assert [line.get_label() for line in looks] == ["look 1: 3 of 10 respond", "look 2: 6 of 29 respond"]
    assert [line.get_xdata()[0] for line in looks] == data["observed"]["rate"]
    (interval,) = ax.patches
    assert interval.get_label() == "90% CI of the rate"
    assert ax.get_title() == "Simon's two-stage design 1/10, 5/29: the observed response rates"
    plt.close("all")
