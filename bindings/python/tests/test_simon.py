"""gsd.simon: Simon's two-stage design of a single-arm response rate, read
from the library's search (design.type "simon-two-stage"). The numbers are
Simon's (1989, Controlled Clinical Trials 10:1-10) Table 1 for p0 = 0.1,
p1 = 0.3, alpha 0.05, beta 0.2, as clinfun's ph2simon gives them; the text,
JSON, CSV and SVG are what ``gsd design`` prints for the same config."""
import io
import json
import pickle
import subprocess

import numpy as np
import pandas as pd
import pytest

import gsd

TOL = 1e-12
DESIGN_COLUMNS = ["design", "r1", "n1", "r", "n", "alpha", "power", "early_stop_h0",
                  "expected_patients_h0", "early_stop_h1", "expected_patients_h1", "weight_low",
                  "weight_high"]
EXAMPLE = "examples/single-arm/simon-two-stage.json"


@pytest.fixture(scope="module")
def optimal():
    return gsd.simon(0.3, 0.1, alpha=0.05, beta=0.2)


@pytest.fixture(scope="module")
def minimax():
    return gsd.simon(0.3, 0.1, alpha=0.05, beta=0.2, criterion="minimax")


def test_optimal_design_is_simons(optimal):
    d = optimal.design
    assert optimal.criterion == "optimal"
    assert (d["r1"], d["n1"], d["r"], d["n"]) == (1, 10, 5, 29)
    assert d["expected_patients_h0"] == pytest.approx(15.0141203471, abs=TOL)
    assert d["early_stop_h0"] == pytest.approx(0.7360989291, abs=TOL)
    assert d["alpha"] == pytest.approx(0.0470863066438913, abs=TOL)
    assert d["power"] == pytest.approx(0.805062913150325, abs=TOL)
    assert optimal.optimal == d
    assert list(d)[:4] == ["r1", "n1", "r", "n"]


def test_minimax_design_is_simons(optimal, minimax):
    m = optimal.minimax
    assert (m["r1"], m["n1"], m["r"], m["n"]) == (1, 15, 5, 25)
    assert m["expected_patients_h0"] == pytest.approx(19.5095698108094, abs=TOL)
    # criterion="minimax" picks it; the other designs are the same.
    assert minimax.criterion == "minimax"
    assert minimax.design == m
    assert minimax.minimax == m and minimax.optimal == optimal.optimal
    assert minimax.designs.equals(optimal.designs)
    assert repr(minimax).startswith("<gsd.SimonDesign minimax 1/15, 5/25, alpha 0.0328")


def test_designs_are_the_admissible_designs(optimal):
    designs = optimal.designs
    assert list(designs.columns) == DESIGN_COLUMNS
    assert designs["n"].tolist() == [25, 26, 27, 29]
    assert designs["design"].tolist() == ["minimax", "admissible", "admissible", "optimal"]
    assert designs["n1"].dtype == np.int64 and designs["alpha"].dtype == np.float64
    # Minimax best for weights q from 0.732 to 1, the optimal from 0 to 0.293.
    assert designs["weight_high"].iloc[0] == 1.0 and designs["weight_low"].iloc[-1] == 0.0
    assert (designs["weight_low"].iloc[:-1].to_numpy() == designs["weight_high"].iloc[1:].to_numpy()).all()
    first = designs.iloc[0].to_dict()
    assert {k: first[k] for k in optimal.minimax} == optimal.minimax
    last = designs.iloc[-1].to_dict()
    assert {k: last[k] for k in optimal.optimal} == optimal.optimal


def test_designs_are_the_csv(optimal):
    # The CSV's numbers are written to round-trip: read them back exactly.
    csv = pd.read_csv(io.StringIO(optimal.to_csv()), float_precision="round_trip")
    pd.testing.assert_frame_equal(optimal.designs, csv, check_exact=True)


def test_one_design_is_both():
    # At max_patients 25 the minimax design is the only one, and so optimal too.
    one = gsd.simon(0.3, 0.1, max_patients=25)
    assert one.designs["design"].tolist() == ["both"]
    assert one.design == one.minimax == one.optimal
    assert one.single_stage == {"n": 25, "r": 5}


def test_single_stage(optimal):
    assert optimal.single_stage == {"n": 25, "r": 5}
    # p0 0.2, p1 0.4: the minimax design (4/18, 10/33) has fewer patients
    # than one stage needs (35), so up to 33 there is no single-stage design.
    short = gsd.simon(0.4, 0.2, max_patients=33)
    assert (short.design["r1"], short.design["n1"], short.design["r"], short.design["n"]) == (4, 18, 10, 33)
    assert short.single_stage is None
    assert gsd.simon(0.4, 0.2).single_stage == {"n": 35, "r": 11}


def test_operating_characteristics(optimal):
    oc = optimal.operating_characteristics
    assert list(oc.columns) == ["rate", "promising", "early_stop", "expected_patients"]
    assert oc["rate"].to_numpy() == pytest.approx(np.arange(1, 11) * 0.05, abs=1e-15)
    d = optimal.design
    at_p0 = oc[oc["rate"] == 0.1].iloc[0]
    assert at_p0["promising"] == d["alpha"]
    assert at_p0["early_stop"] == d["early_stop_h0"]
    assert at_p0["expected_patients"] == d["expected_patients_h0"]
    at_p1 = oc[oc["rate"] == 0.3].iloc[0]
    assert at_p1["promising"] == d["power"]
    assert at_p1["expected_patients"] == d["expected_patients_h1"]
    assert (np.diff(oc["promising"].to_numpy()) > 0).all()


def test_the_rest_of_the_result(optimal):
    assert (optimal.rate, optimal.margin, optimal.alpha, optimal.beta) == (0.3, 0.1, 0.05, 0.2)
    assert optimal.max_patients == 100
    assert optimal.config == {
        "design": {"type": "simon-two-stage", "alpha": 0.05, "beta": 0.2,
                   "criterion": "optimal", "max_patients": 100},
        "endpoint": {"type": "binary", "groups": 1, "rate": 0.3, "margin": 0.1}}
    j = optimal.to_dict()
    assert j["design_type"] == "simon-two-stage"
    assert j["simon_two_stage"] == optimal.simon_two_stage
    assert json.loads(optimal.to_json()) == j
    assert str(optimal) == optimal.to_text()
    assert str(optimal).startswith("Simon's two-stage design, optimal\n")
    named = gsd.simon(0.3, 0.1, name="Phase II of X")
    assert named.name == "Phase II of X" and str(named).startswith("Phase II of X\n\n")
    assert repr(optimal) == ("<gsd.SimonDesign optimal 1/10, 5/29, alpha 0.0471, power 0.8051, "
                             "EN(p0) 15.01>")


def test_the_example_config(repo, optimal):
    # The repository's example is the same design: gsd.run gives its JSON.
    from_file = gsd.run(repo / EXAMPLE)
    assert from_file["simon_two_stage"] == optimal.to_dict()["simon_two_stage"]


def test_none_is_the_default_and_numpy_numbers_are_numbers(optimal):
    left_out = gsd.simon(0.3, 0.1, alpha=None, beta=None, criterion=None, max_patients=None)
    assert left_out.to_dict() == optimal.to_dict()
    numpy = gsd.simon(np.float64(0.3), np.array(0.1), alpha=np.float64(0.05),
                      max_patients=np.int64(100))
    assert numpy.to_dict() == optimal.to_dict()


def test_pickles(optimal):
    copy = pickle.loads(pickle.dumps(optimal))
    assert copy.to_json() == optimal.to_json()
    assert copy.to_text() == optimal.to_text()
    assert copy.designs.equals(optimal.designs)
    assert copy.config == optimal.config


@pytest.mark.parametrize("call,path,start", [
    (lambda: gsd.simon(0.1, 0.3), ("rate",), "rate = 0.1 must exceed the null rate 0.3"),
    (lambda: gsd.simon(0.3, 0.1, max_patients=20), ("max_patients",),
     "max_patients = 20 is too small: no two-stage design of at most 20 patients"),
    (lambda: gsd.simon(0.3, 0.1, criterion="best"), ("criterion",),
     'criterion = "best" is not one of: optimal, minimax'),
    (lambda: gsd.simon(0.3, 0.1, max_patients=1), ("max_patients",), "max_patients = 1 must lie in [2, 500]"),
    (lambda: gsd.simon(0.3, 0.1, max_patients=20.5), ("max_patients",), "max_patients = 20.5 must be"),
    (lambda: gsd.simon(0.3, 0.1, alpha=0.7), ("alpha",), "alpha = 0.7 must lie in (0, 0.5)"),
    (lambda: gsd.simon(0.3, 0.1, beta=0.99), ("beta",), "beta = 0.99 must lie in (0, 1 - alpha)"),
    (lambda: gsd.simon(1.2, 0.1), ("rate",), "rate = 1.2 must lie in (0, 1)"),
    (lambda: gsd.simon(0.3, 0.0), ("margin",), "margin = 0 must lie in (0, 1)"),
    (lambda: gsd.simon(0.3, None), ("margin",), "margin is missing"),
    (lambda: gsd.simon(0.3, 0.1, alpha=True), ("alpha",), "alpha = True must be a number, not a bool"),
    (lambda: gsd.simon(0.3, 0.1, name=3), ("name",), "name = 3 must be"),
])
def test_errors_name_the_argument(call, path, start):
    with pytest.raises(gsd.InvalidInput) as e:
        call()
    assert e.value.path == path
    assert str(e.value).startswith(start), str(e.value)
    assert "endpoint" not in str(e.value) and "design." not in str(e.value)


def test_simulate_refuses_it(optimal):
    with pytest.raises(gsd.InvalidInput) as e:
        gsd.simulate(optimal, replicates=100, progress=False)
    assert e.value.path == ("plan.config", "design", "type")
    assert "is not simulated" in str(e.value)
    with pytest.raises(gsd.InvalidInput) as e:
        gsd.simulate(optimal.config, progress=False)
    assert e.value.path == ("plan", "design", "type")
    with pytest.raises(gsd.InvalidInput) as e:
        gsd.run(optimal.config, "simulate")
    assert e.value.path == ("config", "design", "type")


def test_plan_and_design_point_to_simon(repo, optimal):
    for config in (optimal.config, repo / EXAMPLE):
        with pytest.raises(gsd.InvalidInput) as e:
            gsd.plan(config)
        assert e.value.path == ("config",)
        assert "is Simon's two-stage design" in str(e.value) and "gsd.simon(" in str(e.value)
    with pytest.raises(gsd.InvalidInput) as e:
        gsd.design(type="simon-two-stage")
    assert e.value.path == ("type",) and "gsd.simon(" in str(e.value)
    arms = {"control": {"cure_fraction": 0.4, "median_noncured": 7.0},
            "treatment": {"cure_fraction": 0.56}}
    for design in (optimal, {"type": "simon-two-stage"}):
        with pytest.raises(gsd.InvalidInput) as e:
            gsd.survival(design, **arms, hazard_ratio_noncured=0.63, accrual=36, patients=200,
                         events=90)
        assert e.value.path == ("design",) and "no survival plan" in str(e.value)


def _printed(cli, config, *flags):
    return subprocess.run([cli, "design", str(config), *flags], capture_output=True, text=True,
                          check=True).stdout


@pytest.mark.parametrize("criterion", ["optimal", "minimax"])
def test_text_json_and_csv_equal_the_cli(cli, tmp_path, criterion):
    result = gsd.simon(0.3, 0.1, criterion=criterion, name="Single-arm trial")
    config = tmp_path / "simon.json"
    config.write_text(json.dumps(result.config))
    assert str(result) == _printed(cli, config)
    assert result.to_json() + "\n" == _printed(cli, config, "--format", "json")
    assert result.to_csv() == _printed(cli, config, "--format", "csv")
    _printed(cli, config, "--plot", str(tmp_path / "cli.svg"))
    assert result.to_svg() == (tmp_path / "cli.svg").read_text()
    assert gsd.run(config, format="text") == str(result)


def test_the_example_equals_the_cli(repo, cli):
    result = gsd.simon(0.3, 0.1, name=json.loads((repo / EXAMPLE).read_text())["name"])
    assert str(result) == _printed(cli, repo / EXAMPLE)


def test_plot_draws_the_library_curves(optimal):
    import matplotlib

    matplotlib.use("Agg")
    data = optimal.plot_data()["simon"]
    assert len(data["rate"]) == 199
    # The engine's curve passes through the design's alpha at p0 and power at p1.
    at = {round(r, 12): k for k, r in enumerate(data["rate"])}
    assert abs(data["promising"][at[0.1]] - optimal.design["alpha"]) < 1e-12
    assert abs(data["promising"][at[0.3]] - optimal.design["power"]) < 1e-12
    assert data["patients"] == 29 and data["power_target"] == 0.8
    fig = optimal.plot()
    top, bottom = fig.axes
    assert list(top.lines[0].get_ydata()) == data["promising"]
    assert list(bottom.lines[0].get_ydata()) == data["expected_patients"]
    assert top.get_title() == "Simon's two-stage design 1/10, 5/29"
