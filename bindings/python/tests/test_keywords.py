"""Keyword arguments as docs/python.md describes them: None is "not given"
(the default applies), numpy scalars are accepted where a number is, and a
setting that is missing is named by the argument that would give it."""
import numpy as np
import pytest

import gsd

ARMS = {"control": {"cure_fraction": 0.4, "median_noncured": 7.0},
        "treatment": {"cure_fraction": 0.562}}


def test_design_none_is_the_default():
    # The defaults of the signature (and of the config): one look, one-sided
    # 0.025, so the bound is the normal quantile z_{0.975} = 1.959964.
    d = gsd.design(alpha=None, sided=None, beta=None, information_fractions=None,
                   efficacy=None)
    assert d.efficacy_z == pytest.approx([1.959963984540054], abs=1e-9)
    given = gsd.design(information_fractions=[0.5, 1.0])
    left_out = gsd.design(alpha=None, beta=None, efficacy=None,
                          information_fractions=[0.5, 1.0])
    assert left_out.to_dict() == given.to_dict()


def test_threads_none_is_one(seed_plan):
    one = gsd.simulate(seed_plan, replicates=300, seed=5, threads=1, progress=False)
    none = gsd.simulate(seed_plan, replicates=300, seed=5, threads=None, progress=False)
    assert none.to_dict() == one.to_dict()


def test_accrual_takes_numpy_scalars(seed_design):
    plain = gsd.survival(seed_design, **ARMS, hazard_ratio_noncured=0.63, accrual=36,
                         patients=202, events=94)
    # A 0-d array is a number, as it is everywhere inside a config.
    for accrual in (np.int64(36), np.int32(36), np.float64(36.0), np.float32(36.0), np.array(36.0)):
        plan = gsd.survival(seed_design, **ARMS, hazard_ratio_noncured=0.63, accrual=accrual,
                            patients=202, events=94)
        assert plan.power == plain.power
        assert plan.config["survival"]["accrual"] == {"duration": 36}


def test_max_duration_takes_a_numpy_0d_array(seed_plan):
    # It was refused as "max_duration = array(80.) must be a number".
    given = gsd.simulate(seed_plan, replicates=200, seed=5, max_duration=80.0, progress=False)
    array = gsd.simulate(seed_plan, replicates=200, seed=5, max_duration=np.array(80.0),
                         progress=False)
    assert array.to_dict() == given.to_dict()


def test_accrual_of_the_wrong_kind_says_what_it_takes(seed_design):
    with pytest.raises(gsd.InvalidInput) as e:
        gsd.survival(seed_design, **ARMS, hazard_ratio_noncured=0.63, accrual="36",
                     patients=202, events=94)
    assert str(e.value) == (
        "accrual = '36' must be a number (the duration of uniform accrual) or a dict such as "
        '{"piecewise": {"durations": [6, 30], "rates": [1, 3]}}')
    assert e.value.path == ("accrual",)


def test_monitor_names_a_missing_setting_by_its_argument(seed_design):
    with pytest.raises(gsd.InvalidInput) as e:
        gsd.monitor(seed_design, looks=[{"events": 49, "z": 2.0}])
    assert str(e.value).startswith("planned_events is missing: ")
    assert e.value.path == ("planned_events",)
    # A value the config itself holds keeps the config's path.
    config = {"design": {}, "monitoring": {"planned_events": -3,
                                           "looks": [{"events": 49, "z": 2.0}]}}
    with pytest.raises(gsd.InvalidInput, match=r'^design\["monitoring"\]\["planned_events"\] = -3 '):
        gsd.monitor(config)



def test_monitor_looks_from_nullable_dataframe_columns(seed_plan):
    """pandas' nullable dtypes mark an empty cell with pd.NA, whose truth value
    raises TypeError; such a cell is left out as NaN is."""
    import pandas as pd

    rows = [{"events": 49, "z": 2.0},
            {"events": 71, "p_two_sided": 0.004, "direction": "favours-treatment"}]
    frame = pd.DataFrame({"events": pd.array([49, 71], dtype="Int64"),
                          "z": pd.array([2.0, None], dtype="Float64"),
                          "p_two_sided": pd.array([None, 0.004], dtype="Float64"),
                          "direction": pd.array([None, "favours-treatment"], dtype="string")})
    assert gsd.monitor(seed_plan, looks=frame).to_dict() == \
        gsd.monitor(seed_plan, looks=rows).to_dict()


def test_per_look_tables_lead_with_the_documented_columns(seed_plan):
    """The JSON's keys are alphabetical; the DataFrames lead with the columns
    their docstrings and the command line's CSV name first."""
    assert list(seed_plan.bounds.columns[:6]) == [
        "information_fraction", "efficacy_z", "futility_z", "nominal_p_one_sided",
        "nominal_p_two_sided", "cumulative_alpha"]
    assert list(seed_plan.looks.columns[:4]) == ["events", "information_fraction",
                                                 "calendar_time", "drift"]
    looks = gsd.monitor(seed_plan, looks=[{"events": 49, "z": 2.0}]).looks
    assert list(looks.columns[:5]) == ["events", "information", "information_fraction", "z",
                                       "efficacy_z"]
    assert list(looks.columns).index("repeated_ci_hazard_ratio_lower") == \
        list(looks.columns).index("hazard_ratio") + 1
    # Every column is still there, once.
    assert len(set(looks.columns)) == len(looks.columns)


def test_a_family_named_without_its_parameter_says_how_to_give_it():
    """futility="hsd" left the library naming futility["parameter"], a key a
    name alone cannot hold; the error names the argument and gsd.spending."""
    with pytest.raises(gsd.InvalidInput) as e:
        gsd.design(information_fractions=[0.5, 1.0], futility="hsd")
    assert str(e.value) == ("futility = 'hsd' needs its parameter: hsd needs gamma, e.g. -4 "
                            "(gsDesign's default) or -2; give gsd.spending('hsd', parameter)")
    assert e.value.path == ("futility",)
    with pytest.raises(gsd.InvalidInput) as e:
        gsd.design(information_fractions=[0.5, 1.0], efficacy="user")
    assert str(e.value).startswith("efficacy = 'user' needs its cumulative fractions: ")
    assert str(e.value).endswith("; give gsd.spending('user', cumulative=[...])")
    # Given as a dict, the key the caller wrote is named as before.
    with pytest.raises(gsd.InvalidInput, match=r'^futility\["parameter"\] is missing'):
        gsd.design(information_fractions=[0.5, 1.0], futility={"spending": "hsd"})


def test_user_spending_takes_its_cumulative_fractions_as_the_second_argument():
    """gsd.spending("user", [0.3, 1]) wrote them as "parameter", and the
    library refused the design with 'efficacy["cumulative"] is missing'; the
    second argument is the family's parameter, for user spending its
    cumulative fractions (R's efficacy_parameter likewise)."""
    assert gsd.spending("user", [0.3, 1]) == {"spending": "user", "cumulative": [0.3, 1]}
    assert gsd.spending("user", cumulative=[0.3, 1]) == {"spending": "user", "cumulative": [0.3, 1]}
    positional = gsd.design(information_fractions=[0.5, 1.0], efficacy=gsd.spending("user", [0.3, 1]))
    keyword = gsd.design(information_fractions=[0.5, 1.0],
                         efficacy=gsd.spending("user", cumulative=[0.3, 1]))
    assert positional.to_dict() == keyword.to_dict()
    # A third of alpha at the interim: the first look's cumulative alpha is
    # 0.3 * 0.025 by the definition of user spending.
    assert positional.bounds["cumulative_alpha"].iloc[0] == pytest.approx(0.3 * 0.025, rel=1e-9)
    with pytest.raises(gsd.InvalidInput) as e:
        gsd.spending("user", [0.3, 1], cumulative=[0.5, 1])
    assert str(e.value) == ("parameter = [0.3, 1] and cumulative both give user spending's "
                            "cumulative fractions: give one")
    assert e.value.path == ("parameter",)
    # The other families keep their numeric parameter.
    assert gsd.spending("hsd", -4) == {"spending": "hsd", "parameter": -4}


def test_a_looks_date_may_be_a_date_or_datetime(repo, seed_design, tmp_path):
    """A look's date given as datetime.date (or datetime) is written as its ISO
    text, as R writes a Date: "2024-03-01", in a record and in monitor()."""
    import datetime

    record = gsd.Record(tmp_path / "dmc.json")
    record.add_look(49, z=2.0, date=datetime.date(2024, 3, 1),
                    config=repo / "configs" / "blinatumomab-20120215.json")
    assert record.to_dict()["looks"][-1]["input"]["date"] == "2024-03-01"
    monitored = gsd.monitor(seed_design, planned_events=94,
                            looks=[{"events": 49, "z": 2.0,
                                    "date": datetime.datetime(2024, 3, 1, 9, 30)}])
    assert monitored.config["monitoring"]["looks"][0]["date"] == "2024-03-01 09:30:00"


def test_plan_looks_give_the_futility_bound_and_its_hazard_ratio():
    """A plan whose design has a futility bound: each look's futility z and
    the hazard ratio at it, exp(-z / sqrt(d r / (1 + r)^2)), NaN at the final
    look of a non-binding bound, and the chance of a futility stop."""
    design = gsd.design(alpha=0.025, beta=0.1, information_fractions=[0.5, 0.75, 1.0],
                        futility={"spending": "hsd", "parameter": -2})
    plan = gsd.survival(design, control={"median_noncured": 12.0}, hazard_ratio_noncured=0.7,
                        accrual=24.0, patients=500, events=300, method="schoenfeld")
    looks = plan.looks
    columns = list(looks.columns)
    assert columns.index("futility_z") == columns.index("hazard_ratio_at_bound") + 1
    assert columns.index("hazard_ratio_at_futility") == columns.index("futility_z") + 1
    # rpact 3.3.4's futilityBoundsEffectScale and futilityPerStage
    # (tests/reference/rpact_futility_effect_scale.R).
    assert looks["hazard_ratio_at_futility"].iloc[:2].tolist() == pytest.approx(
        [0.92841511, 0.85087543], rel=1e-7)
    assert looks["crossing_probability_lower"].iloc[:2].tolist() == pytest.approx(
        [0.04187491235, 0.04388708596], rel=1e-7)
    assert np.isnan(looks["futility_z"].iloc[2])
    assert np.isnan(looks["hazard_ratio_at_futility"].iloc[2])
