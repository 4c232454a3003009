"""The seed trial through the Python API: blinatumomab vs consolidation
chemotherapy in high-risk first-relapse B-ALL (Locatelli et al., JAMA
2021;325:843), against independent references."""
import math

import numpy as np
import pytest

import gsd


def test_bounds_match_rpact(seed_design):
    # rpact 3.3.4 getDesignGroupSequential(typeOfDesign = "asOF"), printed to
    # 7 significant digits: agree to 1e-6 in z.
    np.testing.assert_allclose(seed_design.efficacy_z, [2.962588, 2.359018, 2.014084], atol=1e-6)
    np.testing.assert_allclose(seed_design.bounds["nominal_p_two_sided"],
                               [0.00305065, 0.0183234, 0.0440007], rtol=1e-5)
    assert np.isnan(seed_design.futility_z).all()
    assert list(seed_design.bounds.index) == [1, 2, 3]
    assert seed_design.bounds["cumulative_alpha"].iloc[-1] == pytest.approx(0.05, abs=1e-12)


def test_plan_matches_the_independent_computation(seed_plan):
    # An independent R computation of the cure-mixture plan (uniform accrual of
    # 202 patients over 36 months): looks at 27.09, 36.11, 50.77 months,
    # drifts 2.350, 2.788, 2.974, power at those times 0.845 (lrstat 0.844:
    # the spread of the two, 0.001, is the tolerance on power). The plan's
    # event-driven power: 0.8393 in 1e6 simulated trials (SE 0.0004), to 4 SE.
    assert (seed_plan.patients, seed_plan.events) == (202, 94)
    assert list(seed_plan.looks["events"]) == [47, 71, 94]
    np.testing.assert_allclose(seed_plan.calendar_times, [27.09, 36.11, 50.77], atol=0.005)
    np.testing.assert_allclose(seed_plan.looks["drift"], [2.350, 2.788, 2.974], atol=0.0005)
    assert seed_plan.power_fixed_times == pytest.approx(0.845, abs=0.001)
    assert seed_plan.power == pytest.approx(0.8393, abs=0.0015)
    # The naive proportional-hazards answer the cure model replaces.
    assert seed_plan.sample_size["schoenfeld"]["fixed_events"] == pytest.approx(164, abs=0.5)


def test_threshold_at_the_look_actually_held():
    # rpact 3.3.4: looks at 49/94, 0.75, 1 give z 2.893268 at the first look,
    # two-sided nominal p 0.00381256 (the paper's .004).
    d = gsd.design(alpha=0.05, sided=2, information_fractions=[49 / 94, 0.75, 1.0])
    assert d.efficacy_z[0] == pytest.approx(2.893268, abs=1e-6)
    assert d.bounds["nominal_p_two_sided"].iloc[0] == pytest.approx(0.00381256, rel=1e-5)


def test_monitoring_inference_matches_rpact(seed_plan):
    # rpact 3.3.4 getAnalysisResults: z = 2.0 at 49 of 94 events, LD-OBF
    # one-sided 0.025 (two-sided 0.05), assumed HR 0.63.
    m = gsd.monitor(seed_plan, looks=[{"events": 49, "z": 2.0}], planned_events=94,
                    assumed_hazard_ratio=0.63)
    look = m.looks.iloc[0]
    assert look["hazard_ratio"] == pytest.approx(0.5647181, rel=1e-6)
    assert look["repeated_ci_hazard_ratio_lower"] == pytest.approx(0.2470718, rel=1e-6)
    assert look["repeated_ci_hazard_ratio_upper"] == pytest.approx(1.290745, rel=1e-6)
    assert look["conditional_power"] == pytest.approx(0.7850678, rel=1e-6)
    assert look["conditional_rejection_probability"] == pytest.approx(0.2378878, rel=1e-6)
    assert m.decision == "continue"


def test_published_stop_for_benefit(repo):
    # The committee's look: P < .001 at 49 of 94 events against a threshold
    # of .00381 (paper: .004): stop for benefit.
    m = gsd.monitor(repo / "examples" / "seed-trial-monitoring" / "monitoring.json")
    assert m.decision == "stop-efficacy"
    assert m.looks["nominal_p_two_sided"].iloc[0] == pytest.approx(0.00381256, rel=1e-5)
    assert m.final is not None and m.final["p_value"] < 0.004


def test_simulated_power_agrees_with_rpact(seed_plan):
    # rpact 3.3.4 simulated 0.837 with 100,000 replicates (SE 0.0012); this
    # run has 20,000 (SE about 0.0026). Allow 4 SE of the difference.
    sim = gsd.simulate(seed_plan, replicates=20000, seed=20120215, threads=2, progress=False)
    se = math.sqrt(sim.power_se ** 2 + 0.837 * 0.163 / 100000)
    assert abs(sim.power - 0.837) < 4 * se
    # Stopping per look: about 0.26, 0.41, 0.16 (printed to 2 digits: 0.005
    # of rounding on top of 4 SE).
    for got, want in zip(sim.reject_per_look, [0.26, 0.41, 0.16]):
        assert abs(got - want) < 4 * math.sqrt(want * (1 - want) / 20000) + 0.005
    assert sim.looks["reject"].sum() == pytest.approx(sim.power, abs=1e-12)
