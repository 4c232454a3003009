"""Errors: gsd.InvalidInput (a ValueError) names the argument the caller
passed, the value and the rule; gsd.NumericalError is a RuntimeError; no C++
exception reaches Python as a bare RuntimeError."""
import math
import pickle

import numpy as np
import pandas as pd

import pytest

import gsd
from gsd import _core


def message(excinfo) -> str:
    return str(excinfo.value)


def test_classes():
    assert issubclass(gsd.InvalidInput, ValueError)
    assert issubclass(gsd.InvalidInput, gsd.GsdError)
    assert issubclass(gsd.NumericalError, RuntimeError)
    assert issubclass(gsd.NumericalError, gsd.GsdError)
    assert issubclass(gsd.InternalError, RuntimeError)


def test_design_arguments_are_named():
    with pytest.raises(gsd.InvalidInput) as e:
        gsd.design(information_fractions=[0.6, 0.4, 1.0])
    assert message(e) == "information_fractions[1] = 0.4 must be greater than the previous fraction 0.6"
    assert e.value.path == ("information_fractions", 1)
    assert e.value.value == "0.4"
    with pytest.raises(gsd.InvalidInput, match=r'^efficacy = "poccock" is not one of: .*did you mean "pocock"'):
        gsd.design(efficacy="poccock")
    with pytest.raises(gsd.InvalidInput, match=r'^information_fraction is not a known argument; did you mean "information_fractions"'):
        gsd.design(information_fraction=[0.5, 1.0])
    with pytest.raises(gsd.InvalidInput, match=r"^alpha = 0.7 must lie in"):
        gsd.design(alpha=0.7)
    with pytest.raises(gsd.InvalidInput, match=r'^futility\["parameter"\] is missing'):
        gsd.design(futility={"spending": "hsd"})


def test_a_parameter_of_a_family_without_one_is_named_by_the_keyword():
    taking = "(hsd, power, exponential, wang-tsiatis, pampallona-tsiatis, haybittle-peto)"
    for family in ("lan-demets-obf", "lan-demets-pocock", "obrien-fleming", "pocock"):
        with pytest.raises(gsd.InvalidInput) as e:
            gsd.design(information_fractions=[0.5, 1.0], efficacy=gsd.spending(family, 2))
        assert message(e) == (f'efficacy["parameter"] = 2 is not taken by {family}; remove it, '
                              f"or choose a family with a parameter {taking}")
        assert e.value.path == ("efficacy", "parameter")
    with pytest.raises(gsd.InvalidInput) as e:
        gsd.design(information_fractions=[0.5, 1.0], futility={"spending": "lan-demets-obf",
                                                               "parameter": -2})
    assert message(e) == ('futility["parameter"] = -2 is not taken by lan-demets-obf; remove it, '
                          "or choose a family with a parameter (hsd, power, exponential, "
                          "pampallona-tsiatis)")


def test_values_json_cannot_hold_are_named():
    with pytest.raises(gsd.InvalidInput, match=r"^information_fractions\[0\] = nan must be a finite number$"):
        gsd.design(information_fractions=[math.nan, 1.0])
    with pytest.raises(gsd.InvalidInput, match=r"^alpha = <object object at .*> is not a JSON value"):
        gsd.design(alpha=object())


def test_survival_arguments_are_named(seed_design):
    arms = {"control": {"cure_fraction": 0.4, "median_noncured": 7.0},
            "treatment": {"cure_fraction": 0.562}}
    with pytest.raises(gsd.InvalidInput, match=r'^control\["cure_fraction"\] = 1.4 must lie in \[0, 1\)'):
        gsd.survival(seed_design, control={"cure_fraction": 1.4, "median_noncured": 7.0},
                     treatment=arms["treatment"], hazard_ratio_noncured=0.63, accrual=36,
                     patients=202, events=94)
    with pytest.raises(gsd.InvalidInput, match=r"^accrual = -36 must be"):
        gsd.survival(seed_design, **arms, hazard_ratio_noncured=0.63, accrual=-36,
                     patients=202, events=94)
    with pytest.raises(gsd.InvalidInput, match=r"^events = 110 exceeds the 104.8 events"):
        gsd.survival(seed_design, **arms, hazard_ratio_noncured=0.63, accrual=36,
                     patients=202, events=110)
    with pytest.raises(gsd.InvalidInput, match=r'^design\["alpha"\] = 2'):
        gsd.survival({"alpha": 2}, **arms, hazard_ratio_noncured=0.63, accrual=36,
                     patients=202, events=94)


def test_a_rule_of_the_whole_call_names_no_section(seed_design):
    # It read "survival: give patients and events, ...", naming a config
    # section that the caller of gsd.survival never wrote (R says it alone).
    arms = {"control": {"cure_fraction": 0.4, "median_noncured": 7.0},
            "treatment": {"cure_fraction": 0.562}}
    with pytest.raises(gsd.InvalidInput) as e:
        gsd.survival(seed_design, **arms, hazard_ratio_noncured=0.63, accrual=36, patients=202)
    assert message(e) == ("give patients and events (for the power), power and follow_up (for "
                          "patients and events), or power and patients (for events); got: patients")
    assert e.value.path == ()
    assert e.value.rule == message(e)
    # gsd.run keeps the config's path: the caller wrote the section there.
    config = {**seed_design.config, "survival": {**arms, "hazard_ratio_noncured": 0.63,
                                                 "accrual": {"duration": 36}, "patients": 202}}
    with pytest.raises(gsd.InvalidInput, match=r'^config\["survival"\]: give patients and events'):
        gsd.run(config)


def test_a_field_a_rule_names_is_written_as_the_callers_argument(seed_design):
    # The library's rules name other fields by their JSON paths; the caller
    # wrote keywords and dicts, and reads those names.
    control = {"cure_fraction": 0.4, "median_noncured": 7.0}
    with pytest.raises(gsd.InvalidInput) as e:
        gsd.survival(seed_design, control=control, accrual=36, patients=202, events=94)
    assert message(e) == ("hazard_ratio_noncured is missing: give it, or a latency in treatment "
                          "(median_noncured, hazard, weibull or piecewise)")
    assert e.value.rule == ("is missing: give it, or a latency in treatment "
                            "(median_noncured, hazard, weibull or piecewise)")
    with pytest.raises(gsd.InvalidInput) as e:
        gsd.survival(seed_design, control=control, treatment={"median_noncured": 9.0},
                     hazard_ratio_noncured=0.63, accrual=36, patients=202, events=94)
    assert message(e) == ("hazard_ratio_noncured = 0.63 conflicts with the latency given in "
                          "treatment: give one of them")
    with pytest.raises(gsd.InvalidInput) as e:
        gsd.design(information_fractions=[0.5, 1.0], futility_stops=[True, False])
    assert message(e) == "futility_stops needs a futility bound (futility)"
    config = {"design": {"information_fractions": [0.5, 1.0]},
              "survival": {"control": control, "accrual": {"duration": 36}, "patients": 202,
                           "events": 94}}
    with pytest.raises(gsd.InvalidInput) as e:
        gsd.run(config)
    assert message(e) == ('config["survival"]["hazard_ratio_noncured"] is missing: give it, or a '
                          'latency in config["survival"]["treatment"] (median_noncured, hazard, '
                          "weibull or piecewise)")


def test_simulate_options_are_named(seed_plan):
    with pytest.raises(gsd.InvalidInput, match=r"^replicates = 0 must be at least 1"):
        gsd.simulate(seed_plan, replicates=0)
    with pytest.raises(gsd.InvalidInput, match=r"^seed = -1 must be a non-negative integer"):
        gsd.simulate(seed_plan, seed=-1)
    with pytest.raises(gsd.InvalidInput, match=r"^threads = 0 must be in \[1, "):
        gsd.simulate(seed_plan, threads=0)
    with pytest.raises(gsd.InvalidInput, match=r"^max_duration = -1 must lie in"):
        gsd.simulate(seed_plan, max_duration=-1.0)
    with pytest.raises(gsd.InvalidInput, match=r"^replicates = '10' must be a whole number"):
        gsd.simulate(seed_plan, replicates="10")
    with pytest.raises(gsd.InvalidInput, match=r'^strata\[0\]\["proportion"\] is missing'):
        gsd.simulate(seed_plan, strata=[{"name": "a"}])
    with pytest.raises(gsd.InvalidInput, match=r"^randomisation = "):
        gsd.simulate(seed_plan, randomisation="coin")


def test_monitor_arguments_are_named(seed_plan):
    with pytest.raises(gsd.InvalidInput, match=r'^looks\[1\]\["events"\] = 40 must exceed the previous'):
        gsd.monitor(seed_plan, looks=[{"events": 49, "z": 2.0}, {"events": 40, "z": 2.5}])
    with pytest.raises(gsd.InvalidInput, match=r"^looks\[0\]"):
        gsd.monitor(seed_plan, looks=[{"events": 49}])


def test_monitor_without_looks_names_looks(seed_plan, seed_design):
    # It named design.config["monitoring"], a section the caller never wrote.
    rule = ('is missing and the config has no monitoring looks: give the looks so far, '
            'e.g. looks=[{"events": 49, "z": 2.0}]')
    for design in (seed_plan, seed_design, seed_plan.config):
        with pytest.raises(gsd.InvalidInput) as e:
            gsd.monitor(design, planned_events=94)
        assert str(e.value) == "looks " + rule
        assert e.value.path == ("looks",)


def test_run_names_the_config_field(repo, tmp_path):
    config = {"design": {"alpha": 0.025, "information_fractions": [0.6, 0.4, 1.0]}}
    with pytest.raises(gsd.InvalidInput, match=r'^config\["design"\]\["information_fractions"\]\[1\] = 0.4'):
        gsd.run(config)
    with pytest.raises(gsd.InvalidInput, match=r"^replicates = 0"):
        gsd.run(repo / "configs" / "blinatumomab-20120215.json", "simulate", replicates=0)
    with pytest.raises(gsd.InvalidInput, match=r'^command = "desing" is not one of'):
        gsd.run(config, "desing")
    with pytest.raises(gsd.InvalidInput, match=r"^replicates = 5 applies to command=\"simulate\" only"):
        gsd.run(config, "design", replicates=5)
    with pytest.raises(gsd.InvalidInput, match=r"^config = .* does not exist"):
        gsd.run(tmp_path / "missing.json")
    bad = tmp_path / "bad.json"
    bad.write_text('{"design": {"alpha": }')
    with pytest.raises(gsd.InvalidInput, match=r"malformed JSON"):
        gsd.run(bad)


def test_record_look_errors_leave_the_file_as_it_was(repo, tmp_path):
    record = gsd.Record(tmp_path / "dmc.json")
    record.add_look(49, z=2.0, config=repo / "configs" / "blinatumomab-20120215.json")
    before = (tmp_path / "dmc.json").read_bytes()
    with pytest.raises(gsd.InvalidInput, match=r"^events = 40 must exceed the previous look's 49 events"):
        record.add_look(40, z=2.5)
    with pytest.raises(gsd.InvalidInput, match=r"^z = nan must be a finite number$"):
        record.add_look(71, z=math.nan)
    with pytest.raises(gsd.InvalidInput, match=r"already holds its design"):
        record.add_look(71, z=2.5, config=repo / "configs" / "blinatumomab-20120215.json")
    assert (tmp_path / "dmc.json").read_bytes() == before


def test_a_report_that_is_the_record_is_refused_before_the_look(repo, tmp_path):
    # Writing the HTML report over the record would lose every look.
    path = tmp_path / "dmc.json"
    gsd.Record(path).add_look(49, z=2.0, config=repo / "configs" / "blinatumomab-20120215.json")
    before = path.read_bytes()
    for report in (path, str(path) + ".lock"):
        with pytest.raises(gsd.InvalidInput, match=r"^report = .* is the same file as"):
            gsd.run(None, "monitor", record=path, add_look={"events": 71, "z": 2.5}, report=report)
    assert path.read_bytes() == before


def test_add_look_refuses_a_report_over_the_record(repo, tmp_path):
    path = tmp_path / "dmc.json"
    record = gsd.Record(path)
    record.add_look(49, z=2.0, config=repo / "configs" / "blinatumomab-20120215.json")
    before = path.read_bytes()
    with pytest.raises(gsd.InvalidInput, match=r"^report = .* is the same file as record"):
        record.add_look(71, z=2.5, report=path)
    assert path.read_bytes() == before


def test_a_report_that_cannot_be_written_refuses_the_look(repo, tmp_path):
    # A file size limit below the report's size and above the record's (with
    # SIGXFSZ ignored, so the write fails with EFBIG) stands for a full disk:
    # the look is refused and the record is unchanged, as on the command line.
    import subprocess
    import sys
    path = tmp_path / "dmc.json"
    gsd.Record(path).add_look(49, z=2.0, config=repo / "configs" / "blinatumomab-20120215.json")
    before = path.read_bytes()
    script = (
        "import resource, signal, sys, gsd\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (8192, 8192))\n"
        "try:\n"
        "    gsd.Record(sys.argv[1]).add_look(71, z=2.5, report=sys.argv[2])\n"
        "except OSError as e:\n"
        "    print(e)\n"
        "    sys.exit(3)\n")
    done = subprocess.run([sys.executable, "-c", script, str(path), str(tmp_path / "dmc.html")],
                          capture_output=True, text=True)
    assert done.returncode == 3, done.stderr
    assert "cannot write" in done.stdout and "File too large" in done.stdout
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dmc.json", "dmc.json.lock"]
    gsd.Record(path).add_look(71, z=2.5, report=tmp_path / "dmc.html")
    assert (tmp_path / "dmc.html").read_text().startswith("<!DOCTYPE html>")


@pytest.mark.parametrize("kind,cls,base", [
    ("numerical", gsd.NumericalError, RuntimeError),
    ("logic", gsd.InternalError, RuntimeError),
    ("json", gsd.InternalError, RuntimeError),
    ("io", OSError, OSError),
    ("memory", MemoryError, MemoryError),
    ("domain", gsd.InvalidInput, ValueError),
])
def test_every_cpp_error_is_translated(kind, cls, base):
    with pytest.raises(base) as e:
        _core._throw(kind)
    assert type(e.value) is cls
    if kind == "numerical":
        assert (e.value.best, e.value.residual, e.value.iterations) == (1.5, 0.25, 7)


def test_errors_pickle():
    with pytest.raises(gsd.InvalidInput) as e:
        gsd.design(alpha=0.7)
    copy = pickle.loads(pickle.dumps(e.value))
    assert (str(copy), copy.path, copy.value, copy.rule) == (str(e.value), e.value.path,
                                                             e.value.value, e.value.rule)
    with pytest.raises(gsd.NumericalError) as n:
        _core._throw("numerical")
    assert pickle.loads(pickle.dumps(n.value)).iterations == 7


def test_runaway_nesting_is_an_error_not_a_crash():
    loop = []
    loop.append(loop)
    with pytest.raises(gsd.InvalidInput, match=r"nests deeper than 256 levels"):
        gsd.design(information_fractions=loop)


def test_final_must_be_a_bool_not_anything_truthy(repo, tmp_path):
    # A final look is permanent in the record: "no" read as True would close the trial.
    import numpy as np

    path = tmp_path / "dmc.json"
    record = gsd.Record(path)
    record.add_look(49, z=2.0, config=repo / "configs" / "blinatumomab-20120215.json")
    before = path.read_bytes()
    for value in ("no", 1, 0, None, 0.5):
        with pytest.raises(gsd.InvalidInput, match=r"^final( = .*)? must be True or False$") as e:
            record.add_look(71, z=1.0, final=value)
        assert e.value.path == ("final",)
    with pytest.raises(gsd.InvalidInput, match=r"^final = 'no' must be True or False$"):
        gsd.run(command="monitor", record=path, add_look={"events": 71, "z": 1.0, "final": "no"})
    assert path.read_bytes() == before
    # numpy's booleans are booleans: False leaves the look an interim one.
    look = record.add_look(71, z=1.0, final=np.bool_(False))
    assert "final" not in gsd.Record(path).to_dict()["looks"][-1]["input"]
    assert look.decision == "continue"


def test_progress_must_be_a_bool_a_callable_or_none(seed_plan):
    # The rule lists every kind progress= takes, not only the booleans.
    with pytest.raises(gsd.InvalidInput, match=r"^progress = 'no' must be None, True, False or a "
                       r"callable receiving \(done, total\)$"):
        gsd.simulate(seed_plan, replicates=10, progress="no")


def test_none_inside_a_dict_is_refused_not_read_as_the_default(seed_design):
    # JSON null reads as "not given": a cure fraction of None became 0 and the
    # seed plan's power 0.99999935 instead of 0.8391.
    args = dict(treatment={"cure_fraction": 0.562}, hazard_ratio_noncured=0.63, accrual=36.0,
                patients=202, events=94)
    with pytest.raises(gsd.InvalidInput) as e:
        gsd.survival(seed_design, control={"cure_fraction": None, "median_noncured": 7.0}, **args)
    assert str(e.value) == ('control["cure_fraction"] is None: give a value, or leave the key '
                            "out for its default")
    assert e.value.path == ("control", "cure_fraction")
    with pytest.raises(gsd.InvalidInput, match=r'^dropout\["control"\] is None'):
        gsd.survival(seed_design, control={"cure_fraction": 0.4, "median_noncured": 7.0},
                     dropout={"control": None, "treatment": 0.01}, **args)
    with pytest.raises(gsd.InvalidInput, match=r'^config\["design"\]\["alpha"\] is None'):
        gsd.run({"design": {"alpha": None}})
    with pytest.raises(gsd.InvalidInput, match=r'^futility\["parameter"\] is None'):
        gsd.design(futility={"spending": "hsd", "parameter": None})
    with pytest.raises(gsd.InvalidInput, match=r'^solver\["grid_r"\] is None'):
        gsd.design(solver={"grid_r": None})
    # A keyword argument of None is still "not given".
    plan = gsd.survival(seed_design, control={"cure_fraction": 0.4, "median_noncured": 7.0},
                        dropout=None, **args)
    assert plan.power == pytest.approx(0.8391, abs=1e-4)
    assert gsd.design(solver=None).to_dict() == gsd.design().to_dict()


def test_numpy_integers_are_whole_numbers(repo, tmp_path):
    import numpy as np

    config = repo / "configs" / "blinatumomab-20120215.json"
    plain = gsd.simulate(config, replicates=5, seed=2**64 - 1, progress=False).to_dict()
    numpy = gsd.simulate(config, replicates=np.int32(5), seed=np.uint64(2**64 - 1),
                         threads=np.int64(1), progress=False).to_dict()
    assert numpy["simulation"] == plain["simulation"]
    assert numpy["simulation"]["seed"] == 2**64 - 1
    out = gsd.run(config, "simulate", replicates=np.int16(5), threads=np.int64(1))
    assert out["simulation"]["replicates"] == 5
    # Floats and booleans are still not counts.
    for bad in (dict(replicates=np.bool_(True)), dict(seed=True), dict(threads=np.float32(1))):
        with pytest.raises(gsd.InvalidInput, match=r"must be a whole number$"):
            gsd.simulate(config, progress=False, **bad)
    # A whole float is refused by its type: "5.0 must be a whole number"
    # would deny what it shows.
    for key, value in (("replicates", np.float64(5)), ("replicates", 1e4), ("seed", 3.0),
                       ("threads", 2.0)):
        with pytest.raises(gsd.InvalidInput) as e:
            gsd.simulate(config, progress=False, **{key: value})
        assert str(e.value) == f"{key} = {value!r} must be an int, not a float"
    batch = tmp_path / "designs.jsonl"
    batch.write_text('{"design": {"information_fractions": [0.5, 1]}}\n')
    with pytest.raises(gsd.InvalidInput, match=r"^threads = 2.0 must be an int, not a float$"):
        gsd.run(batch=batch, threads=2.0)


def test_arguments_of_the_wrong_type_are_invalid_input_not_type_error(repo, tmp_path):
    config = repo / "configs" / "blinatumomab-20120215.json"
    with pytest.raises(gsd.InvalidInput, match=r'^command must be "design", "simulate" or "monitor"$'):
        gsd.run(config, None)
    batch = tmp_path / "designs.jsonl"
    batch.write_text('{"design": {"information_fractions": [0.5, 1]}}\n')
    with pytest.raises(gsd.InvalidInput, match=r"^threads = '2' must be a whole number$"):
        gsd.run(batch=batch, threads="2")


def test_a_replicate_index_is_one_of_the_run(repo):
    sim = gsd.simulate(repo / "configs" / "blinatumomab-20120215.json", replicates=100,
                       progress=False)
    rule = r"must be a whole number in \[0, 99\]: a replicate of this run of 100$"
    # 100 is past the run: it would replay a trial that was never simulated.
    for bad in (100, -1, 2**70, 1.5, True, "3"):
        for method in (sim.replicate_looks, sim.replicate_patients):
            with pytest.raises(gsd.InvalidInput, match=r"^replicate = .* " + rule) as e:
                method(bad)
            assert e.value.path == ("replicate",)
    import numpy as np

    assert sim.replicate_looks(np.int64(99)).equals(sim.replicate_looks(99))
    assert len(sim.replicate_patients(0)) == 202


def test_a_missing_record_is_named_as_the_record(tmp_path):
    path = str(tmp_path / "no-such-record.json")
    rule = ("does not exist; give the path of a monitoring record "
            "(Record(path).add_look(..., config=...) starts one)")
    for call in (lambda: gsd.Record(path).replay(), lambda: gsd.Record(path).to_dict(),
                 lambda: gsd.run(None, "monitor", record=path)):
        with pytest.raises(gsd.InvalidInput) as e:
            call()
        assert str(e.value) == f"record = {path!r} {rule}"
        assert e.value.path == ("record",)
    # Adding to it without a config names the record too, and how to start it
    # (the library's words named no argument, after taking the lock).
    with pytest.raises(gsd.InvalidInput) as e:
        gsd.Record(path).add_look(49, z=2.0)
    assert str(e.value) == f"record = {path!r} does not exist; give config= to start a record there with this look"
    assert e.value.path == ("record",)


def test_add_look_without_a_record_is_refused_not_dropped(seed_plan):
    # Without record= the look was dropped and the config's looks decided as
    # if it had never been given; the command line refuses add-look without
    # --record too.
    config = seed_plan.config
    config["monitoring"] = {"looks": [{"events": 49, "z": 2.0}]}
    with pytest.raises(gsd.InvalidInput) as e:
        gsd.run(config, "monitor", add_look={"events": 90, "z": 2.5})
    assert str(e.value) == "add_look needs record=: the record file to append the look to"
    assert e.value.path == ("add_look",)


def test_an_output_in_a_missing_directory_is_invalid_input(repo, seed_plan, tmp_path):
    """docs/python.md: an output file whose directory does not exist raises
    InvalidInput (a ValueError) before anything is written, as the command
    line exits 2 for it."""
    missing = tmp_path / "no-such-directory"
    seed = repo / "configs" / "blinatumomab-20120215.json"
    monitoring = gsd.monitor(seed_plan, looks=[{"events": 49, "z": 2.0}])
    monitor_config = dict(seed_plan.config, monitoring={"looks": [{"events": 49, "z": 2.0}]})
    # Each names its argument, as every other argument is named (the library's
    # writer named the path alone: "/x/design.svg: cannot create a file in /x").
    for argument, file, call in (
            ("plot", "design.svg", lambda f: gsd.run(seed, plot=f)),
            ("plot", "sim.svg", lambda f: gsd.run(seed, "simulate", replicates=10, plot=f)),
            ("report", "dmc.html", lambda f: gsd.run(monitor_config, "monitor", report=f)),
            ("replicate_data", "replicates.csv",
             lambda f: gsd.simulate(seed_plan, replicates=10, progress=False, replicate_data=f)),
            ("replicate_data", "replicates.csv",
             lambda f: gsd.run(seed, "simulate", replicates=10, replicate_data=f)),
            ("path", "report.html", monitoring.save_report)):
        with pytest.raises(gsd.InvalidInput) as e:
            call(missing / file)
        assert message(e) == (f"{argument} = {missing / file} is in a directory that does not "
                              f"exist or is not writable ({missing}); choose a writable directory")
        assert e.value.path == (argument,)
    assert not missing.exists()
    # A plot over the config it is drawn from is refused too.
    copy = tmp_path / "seed.json"
    copy.write_bytes(seed.read_bytes())
    with pytest.raises(gsd.InvalidInput, match=r"^plot = .*seed\.json is the same file as config"):
        gsd.run(copy, plot=copy)
    assert copy.read_bytes() == seed.read_bytes()


def test_a_look_with_two_statistics_is_named_as_the_look(seed_design, tmp_path):
    """A look refused as a whole named the record's internal path
    monitoring["looks"][2]; it is the add_look call's look."""
    path = tmp_path / "record.json"
    record = gsd.Record(path)
    record.add_look(49, z=2.0, config=gsd.monitor(seed_design, looks=[{"events": 20, "z": 0.5}],
                                                  planned_events=94))
    before = path.read_bytes()
    rule = "gives 2 statistics; give exactly one of z, p_two_sided (with direction) or hazard_ratio"
    for call in (lambda: record.add_look(60, z=1.0, p_two_sided=0.3),
                 lambda: gsd.run(None, "monitor", record=path,
                                 add_look={"events": 60, "z": 1.0, "p_two_sided": 0.3})):
        with pytest.raises(gsd.InvalidInput) as e:
            call()
        assert str(e.value) == f"add_look {rule}"
        assert e.value.path == ("add_look",)
    assert path.read_bytes() == before


def test_an_empty_file_name_is_refused_by_its_argument(repo, seed_design, tmp_path, monkeypatch):
    # It was read as not given (replicate data silently not written) or
    # reached the file system as "": an OSError naming a temporary file, after
    # the computation, and a record's lock file left in the working directory.
    monkeypatch.chdir(tmp_path)
    seed = str(repo / "configs" / "blinatumomab-20120215.json")
    cases = [
        (lambda: gsd.run(seed, plot=""), "plot is empty: name an SVG file"),
        (lambda: gsd.run(seed, "simulate", replicates=10, replicate_data=""),
         "replicate_data is empty: name a CSV file"),
        (lambda: gsd.simulate(seed, replicates=10, replicate_data=""),
         "replicate_data is empty: name a CSV file"),
        (lambda: gsd.run(seed, "monitor", report=""), "report is empty: name an HTML file"),
        (lambda: gsd.run(None, "monitor", record=""), "record is empty: name a record file (JSON)"),
        (lambda: gsd.run(None, batch=""), "batch is empty: name a batch file (JSON lines)"),
        (lambda: gsd.Record("").add_look(49, z=2.0, config=seed),
         "record is empty: name a record file (JSON)"),
        (lambda: gsd.monitor(seed_design, looks=[{"events": 49, "z": 2.0}],
                             planned_events=94).save_report(""),
         "path is empty: name an HTML file"),
    ]
    for call, expected in cases:
        with pytest.raises(gsd.InvalidInput) as e:
            call()
        assert message(e) == expected
    assert list(tmp_path.iterdir()) == []


def test_a_config_file_that_does_not_exist_is_named_by_its_argument(tmp_path):
    # The library's "cannot read the config file" left the error's path empty.
    missing = str(tmp_path / "no-such-config.json")
    rule = "does not exist; give the path of a JSON config, or a config dict"
    cases = [(lambda: gsd.run(missing), "config"),
             (lambda: gsd.monitor(missing, looks=[{"events": 49, "z": 2.0}]), "design"),
             (lambda: gsd.simulate(missing, replicates=10), "plan"),
             (lambda: gsd.Record(tmp_path / "r.json").add_look(49, z=2.0, config=missing),
              "config")]
    for call, argument in cases:
        with pytest.raises(gsd.InvalidInput) as e:
            call()
        assert message(e) == f"{argument} = {missing!r} {rule}"
        assert e.value.path == (argument,)
    assert list(tmp_path.iterdir()) == []


def test_a_design_without_a_survival_model_given_to_simulate_is_named_as_given(seed_design):
    # The library's "survival is missing" named plan.config["survival"].
    with pytest.raises(gsd.InvalidInput) as e:
        gsd.simulate(seed_design, replicates=10)
    assert message(e) == (f"plan = {seed_design!r} has no survival model to draw trials from: "
                          "give a plan from gsd.survival()")
    assert e.value.path == ("plan",)


def test_a_value_of_the_wrong_type_is_named_in_pythons_words(seed_design):
    # The library words its type rules on JSON: "alpha = true must be a
    # number, not a boolean", "must be an object", "must be true or false".
    with pytest.raises(gsd.InvalidInput) as e:
        gsd.design(alpha=True)
    assert message(e) == "alpha = True must be a number, not a bool"
    assert (e.value.value, e.value.rule) == ("True", "must be a number, not a bool")
    with pytest.raises(gsd.InvalidInput) as e:
        gsd.design(alpha=[0.1])
    assert message(e) == "alpha = [0.1] must be a number, not a list"
    with pytest.raises(gsd.InvalidInput) as e:
        gsd.design(information_fractions=0.5)
    assert message(e) == "information_fractions = 0.5 must be a list"
    with pytest.raises(gsd.InvalidInput) as e:
        gsd.survival(seed_design, control=[0.4, 7.0], accrual=36, patients=202, events=94,
                     hazard_ratio_noncured=0.63)
    assert message(e) == "control = [0.4,7.0] must be a dict"


def test_a_series_labelled_by_key_is_read_as_a_dict(seed_design):
    # The Series reached the library as the list of its values: "control =
    # [0.4,7.0] must be a dict", a value the caller never wrote.
    import pandas as pd

    as_dicts = gsd.survival(seed_design, control={"cure_fraction": 0.4, "median_noncured": 7.0},
                            treatment={"cure_fraction": 0.562}, hazard_ratio_noncured=0.63,
                            accrual={"duration": 36.0}, patients=202, events=94)
    as_series = gsd.survival(seed_design,
                             control=pd.Series({"cure_fraction": 0.4, "median_noncured": 7.0}),
                             treatment=pd.Series({"cure_fraction": 0.562}),
                             hazard_ratio_noncured=0.63,
                             accrual=pd.Series({"duration": 36.0}), patients=202, events=94)
    assert as_series.config == as_dicts.config
    assert as_series.power == as_dicts.power == pytest.approx(0.8391, abs=5e-5)
    # A Series of positions stays a sequence.
    design = gsd.design(information_fractions=pd.Series([0.5, 1.0]))
    assert design.config["design"]["information_fractions"] == [0.5, 1.0]
    # A bad value in it is named by its key.
    with pytest.raises(gsd.InvalidInput) as e:
        gsd.survival(seed_design, control=pd.Series({"cure_fraction": 1.4, "median_noncured": 7.0}),
                     treatment={"cure_fraction": 0.562}, hazard_ratio_noncured=0.63,
                     accrual=36.0, patients=202, events=94)
    assert e.value.path == ("control", "cure_fraction")


@pytest.mark.parametrize("call, path", [
    (lambda: gsd.design(name="\ud800"), ("name",)),
    (lambda: gsd.design(solver={"\ud800": 1}), ("solver", "\ud800")),
])
def test_text_without_a_utf8_form_is_named(call, path):
    # pybind11's cast raised "RuntimeError: Unable to cast Python instance to C++ type".
    with pytest.raises(gsd.InvalidInput) as e:
        call()
    assert e.value.path[:1] == path[:1]
    assert "is not valid Unicode text (it holds a lone surrogate" in str(e.value)


@pytest.mark.parametrize("name, value", [
    ("replicates", np.array([20])), ("seed", np.array([1])), ("threads", np.array([1])),
    ("max_duration", np.array([40.0])),
])
def test_a_numpy_array_for_a_count_or_number_is_named(seed_plan, name, value):
    # numpy's __index__ raised "TypeError: only integer scalar arrays can be
    # converted to a scalar index" from inside the package.
    with pytest.raises(gsd.InvalidInput) as e:
        gsd.simulate(seed_plan, progress=False, **{"replicates": 10, name: value})
    assert e.value.path == (name,)


def test_a_pandas_series_for_threads_is_named(seed_plan):
    # `threads != 1` of a Series raised pandas' "truth value ... is ambiguous".
    with pytest.raises(gsd.InvalidInput) as e:
        gsd.run(seed_plan.config, "simulate", replicates=10, progress=False, threads=pd.Series([2]))
    assert e.value.path == ("threads",)
    # The Series' repr is two lines; the message stays one.
    assert str(e.value) == "threads = 0    2 dtype: int64 must be a whole number"
