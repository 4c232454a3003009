// gsd monitor's text and CSV for a weighted log-rank or MaxCombo test: each
// look's z (MaxCombo: the largest of its tests') against the bound at the
// observed information.
#include "test_monitoring_output.hpp"

#include <cmath>
#include <cstdio>
#include <sstream>
#include <string>

#include "gsd/presentation.hpp"
#include "number_format.hpp"

namespace gsd::render::detail {

namespace {

void weighted_text(const MonitoringReport& report, detail::TextStream& out) {
  const TestMonitoring& t = *report.test;
  if (t.test.is_km_contrast()) {
    out << "Bounds recomputed at the observed information 1 / variance of the estimate, over the plan's 1 / "
        << detail::format("%.6g", t.planned_variance);
  } else {
    out << "Bounds recomputed at the observed information: the variance of the test's score over the planned "
        << detail::format("%.6g", t.planned_variance);
  }
  out
      << (t.planned_variance_given ? " (monitoring.planned_variance)" : " (the plan's, from the survival model)")
      << ".\n\n";
  char line[256];
  detail::print(line, sizeof line, "%4s  %7s  %10s  %7s  %8s  %8s  %9s  %11s  %10s  %s\n", "look", "events",
                "variance", "info", "z", "bound z", "futility", "nominal p", "cum. alpha", "decision");
  out << line;
  for (std::size_t k = 0; k < t.weighted.size(); ++k) {
    const monitoring::WeightedLookResult& r = t.weighted[k];
    const LookInput& in = report.inputs[k];
    detail::print(line, sizeof line, "%4zu  %7g  %10.6g  %7.4f  %8.4f  %8s  %9s  %11s  %10.6f  %s\n", k + 1,
                  in.events, in.variance.value_or(0.0), r.information_fraction, in.z.value_or(0.0),
                  detail::bound(r.efficacy_z).c_str(),
                  r.futility_z ? detail::format("%.4f", *r.futility_z).c_str() : "-",
                  detail::nominal_p_at(r.efficacy_z, detail::format("%.6g", r.nominal_p_one_sided)).c_str(),
                  r.cumulative_alpha, decision_name(r.decision));
    out << line;
  }
  out << (t.test.is_km_contrast() ? "(info: planned variance / variance" : "(info: variance / planned variance")
      << "; nominal p: one-sided p-value at the bound; cum. alpha: type I error "
         "spent so far)\n";
}

void maxcombo_text(const MonitoringReport& report, detail::TextStream& out) {
  const TestMonitoring& t = *report.test;
  out << "Bounds recomputed at the observed correlations of the tests' scores, alpha spent at events / planned "
         "events (multivariate normal error target "
      << detail::format("%g", t.mvn.abs_tolerance) << ", seed " << t.mvn.seed << ").\n\n";
  char line[256];
  detail::print(line, sizeof line, "%4s  %7s  %7s  %8s  %-12s  %8s  %7s  %10s  %10s  %s\n", "look", "events", "info",
                "max z", "largest", "bound z", "+/- z", "nominal p", "cum. alpha", "decision");
  out << line;
  for (std::size_t k = 0; k < t.maxcombo.size(); ++k) {
    const monitoring::MaxComboLookResult& r = t.maxcombo[k];
    detail::print(line, sizeof line, "%4zu  %7g  %7.4f  %8.4f  %-12s  %8s  %7.4f  %10s  %10.6f  %s\n", k + 1,
                  report.inputs[k].events, r.information_fraction, r.max_z,
                  test_weight_name(t.test.combo[r.max_test]).c_str(), detail::bound(r.efficacy_z).c_str(),
                  r.efficacy_z_error,
                  detail::nominal_p_at(r.efficacy_z, detail::to_error_digits(r.nominal_p_one_sided, r.nominal_p_error))
                      .c_str(),
                  r.cumulative_alpha, decision_name(r.decision));
    out << line;
  }
  out << "(info: events / planned events; +/- z: the bound's error from the multivariate normal probabilities' "
         "(3 standard errors over the random shifts); nominal p: one-sided chance under H0 that the look's "
         "largest z reaches the bound, to the digits its error leaves; cum. alpha: one-sided type I error spent "
         "so far)\n";
  for (std::size_t k = 0; k < t.maxcombo.size(); ++k) {
    const monitoring::MaxComboLookResult& r = t.maxcombo[k];
    if (r.refinements == 0) continue;
    // The lattices' sizes over the first: 4, then 4 and 16, ...
    std::string sizes;
    int factor = 1;
    for (int i = 0; i < r.refinements; ++i) {
      factor *= monitoring::kMaxComboRefineFactor;
      sizes += (i == 0 ? "" : i + 1 == r.refinements ? " and " : ", ") + std::to_string(factor);
    }
    out << "Look " << k + 1 << ": the largest z lay within the bound's error of it, so the bound was solved again on "
        << (r.refinements == 1 ? "a lattice " : "lattices ") << sizes << " times larger"
        << (r.within_error ? "; it is still within the error, and the decision compares it with the bound's "
                             "estimate, which a finer computation could move to either side of it"
                           : "; the decision no longer depends on the error")
        << ".\n";
  }
}

}  // namespace

std::string test_weight_name(const survival::LogRankWeight& w) {
  if (w.family == survival::WeightFamily::kMagirrBurman) return "MB(t* = " + detail::format("%g", w.t_star) + ")";
  return "FH(" + detail::format("%g", w.rho) + ", " + detail::format("%g", w.gamma) + ")";
}

std::string test_title(const survival::SurvivalTest& test) {
  if (test.kind == survival::TestKind::kRmst)
    return "RMST difference up to tau = " + detail::format("%g", test.horizon);
  if (test.kind == survival::TestKind::kMilestone)
    return "survival difference at time " + detail::format("%g", test.horizon);
  if (test.kind != survival::TestKind::kMaxCombo) return test_weight_name(test.weight);
  std::string out = "MaxCombo of";
  for (std::size_t j = 0; j < test.combo.size(); ++j) out += (j ? ", " : " ") + test_weight_name(test.combo[j]);
  return out;
}

std::string test_monitoring_text(const MonitoringReport& report) {
  const TestMonitoring& t = *report.test;
  const spending::DesignSpec& spec = report.plan.design;
  detail::TextStream out;
  out << "Test: " << test_title(t.test) << "\n";
  out << "Design: " << efficacy_description(spec) << ", "
      << (spec.sided == spending::Sidedness::kTwoSidedSymmetric ? "two-sided" : "one-sided") << " alpha "
      << spec.alpha << ", " << t.planned_events << " planned events\n";
  if (t.test.kind == survival::TestKind::kMaxCombo) {
    maxcombo_text(report, out);
  } else {
    weighted_text(report, out);
  }
  return out.str();
}

std::string test_monitoring_csv(const MonitoringReport& report) {
  const TestMonitoring& t = *report.test;
  detail::TextStream out;
  out.precision(10);
  if (t.test.kind == survival::TestKind::kMaxCombo) {
    out << "look,events,information_fraction,max_z,max_test_rho,max_test_gamma,efficacy_z,alpha_error,"
           "nominal_p_one_sided,cumulative_alpha,decision,efficacy_z_error,nominal_p_error,refinements,"
           "within_error\n";
    for (std::size_t k = 0; k < t.maxcombo.size(); ++k) {
      const monitoring::MaxComboLookResult& r = t.maxcombo[k];
      const survival::LogRankWeight& w = t.test.combo[r.max_test];
      out << k + 1 << ',' << report.inputs[k].events << ',' << r.information_fraction << ',' << r.max_z << ','
          << w.rho << ',' << w.gamma << ',' << detail::csv_bound(r.efficacy_z) << ',' << r.alpha_error << ',' << r.nominal_p_one_sided
          << ',' << r.cumulative_alpha << ',' << decision_name(r.decision) << ',' << r.efficacy_z_error << ','
          << r.nominal_p_error << ',' << r.refinements << ',' << (r.within_error ? "true" : "false") << '\n';
    }
    return out.str();
  }
  out << "look,events,variance,information_fraction,z,efficacy_z,futility_z,nominal_p_one_sided,cumulative_alpha,"
         "decision\n";
  for (std::size_t k = 0; k < t.weighted.size(); ++k) {
    const monitoring::WeightedLookResult& r = t.weighted[k];
    const LookInput& in = report.inputs[k];
    out << k + 1 << ',' << in.events << ',' << in.variance.value_or(0.0) << ',' << r.information_fraction << ','
        << in.z.value_or(0.0) << ',' << detail::csv_bound(r.efficacy_z) << ',';
    if (r.futility_z) out << *r.futility_z;
    out << ',' << r.nominal_p_one_sided << ',' << r.cumulative_alpha << ',' << decision_name(r.decision) << '\n';
  }
  return out.str();
}

}  // namespace gsd::render::detail
