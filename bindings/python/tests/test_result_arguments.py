"""Arguments of the result objects' methods (to_json's indent, plot_data's
points and shown): each is checked in Python before the core sees it, and a
bad one raises gsd.InvalidInput naming it."""
import pytest

import gsd


def message(excinfo) -> str:
    return str(excinfo.value)


def _results(plan):
    return {"design": plan, "simulation": gsd.simulate(plan, replicates=50, seed=1, progress=False),
            "monitoring": gsd.monitor(plan, looks=[{"events": 49, "z": 2.0}])}


@pytest.mark.parametrize("kind", ["design", "simulation", "monitoring"])
def test_to_json_indent_is_none_or_a_whole_number_up_to_16(seed_plan, kind):
    # A large indent overflowed the library's indent buffer: 5000 gave
    # undecodable bytes, 1000000 a segmentation fault; text gave pybind11's
    # "incompatible function arguments".
    result = _results(seed_plan)[kind]
    rule = ("must be None (compact, on one line) or a whole number from 0 to 16: "
            "the spaces per level of nesting (default 2)")
    for bad, shown in ((5000, "5000"), (1000000, "1000000"), (17, "17"), (-1, "-1"),
                       (True, "True"), ("x", "'x'"), ([2], "[2]")):
        with pytest.raises(gsd.InvalidInput) as e:
            result.to_json(indent=bad)
        assert message(e) == f"indent = {shown} {rule}"
        assert e.value.path == ("indent",)
    with pytest.raises(gsd.InvalidInput, match=r"^indent = 2\.0 must be None \(compact, on one "
                       r"line\) or an int from 0 to 16, not a float: "):
        result.to_json(indent=2.0)
    import numpy as np

    assert "\n" not in result.to_json(indent=None)
    assert result.to_json(indent=np.int64(4)) == result.to_json(indent=4)
    deepest = max(len(line) - len(line.lstrip(" ")) for line in result.to_json(indent=16).split("\n"))
    assert deepest >= 32 and deepest % 16 == 0
    assert result.to_json(indent=0).split("\n")[1].startswith('"')
    # The core refuses such an indent too, for a caller past the Python layer.
    core = result._core()
    with pytest.raises(ValueError, match=r"^indent = 5000 must be -1 \(compact\) or in \[0, 16\]$"):
        core.json_text(5000)


def test_plot_data_points_are_a_whole_number_from_2_to_10000(seed_design, seed_plan):
    # 2**31 - 1 ran for minutes filling the memory, -1 and 0 gave empty or
    # NaN curves, and a float, text or None pybind11's TypeError.
    monitoring = gsd.monitor(seed_plan, looks=[{"events": 49, "z": 2.0}])
    for result, meaning in (
            (seed_design, "the steps of each curve over time (default 200)"),
            (seed_plan, "the steps of each curve over time (default 200)"),
            (monitoring, "the hazard ratios of the conditional-power curve (default 101)")):
        for bad, shown in ((2**31 - 1, "2147483647"), (2**40, "1099511627776"), (10001, "10001"),
                           (1, "1"), (0, "0"), (-1, "-1"), (None, "None"), ("x", "'x'"),
                           (True, "True")):
            with pytest.raises(gsd.InvalidInput) as e:
                result.plot_data(bad)
            assert message(e) == f"points = {shown} must be a whole number from 2 to 10000: {meaning}"
            assert e.value.path == ("points",)
        with pytest.raises(gsd.InvalidInput) as e:
            result.plot_data(2.5)
        assert message(e) == f"points = 2.5 must be an int from 2 to 10000, not a float: {meaning}"
    import numpy as np

    assert len(seed_plan.plot_data(2)["survival"]["control"]["x"]) == 3
    assert len(seed_plan.plot_data(np.int64(10000))["survival"]["control"]["x"]) == 10001
    assert len(monitoring.plot_data(2)["conditional_power_by_hazard_ratio"]["x"]) == 2


def test_a_simulations_shown_replicates_are_a_whole_number_from_0_to_100(seed_plan):
    sim = gsd.simulate(seed_plan, replicates=5, seed=1, progress=False)
    meaning = "the replicates whose Kaplan-Meier curves are given (default 3)"
    for bad, shown in ((101, "101"), (2**31 - 1, "2147483647"), (-1, "-1"), (None, "None"),
                       ("x", "'x'"), (False, "False")):
        with pytest.raises(gsd.InvalidInput) as e:
            sim.plot_data(bad)
        assert message(e) == f"shown = {shown} must be a whole number from 0 to 100: {meaning}"
        assert e.value.path == ("shown",)
    assert sim.plot_data(0)["replicates"] == []
    # At most the run's replicates: 5 of them.
    assert [r["replicate"] for r in sim.plot_data(100)["replicates"]] == [0, 1, 2, 3, 4]


def test_plot_figsize_is_two_positive_numbers(seed_design, seed_plan):
    # matplotlib's own errors named nothing the caller wrote: figsize=5 gave
    # "Value after * must be an iterable", (0, 0) "Singular matrix", and
    # plot("survival") (R's plot type, positional) a ufunc TypeError.
    pytest.importorskip("matplotlib")
    import matplotlib
    matplotlib.use("Agg")
    for bad in (5, (0, 0), "survival", (7,), (7, float("nan")), (7, -1), (True, 3)):
        with pytest.raises(gsd.InvalidInput) as e:
            seed_plan.plot(bad)
        assert e.value.path == ("figsize",)
        assert "must be (width, height) in inches" in message(e)
    fig = seed_design.plot(figsize=(6, 4))
    assert tuple(fig.get_size_inches()) == (6.0, 4.0)
