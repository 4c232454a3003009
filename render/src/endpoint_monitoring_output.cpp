// gsd monitor's text and CSV for a normal or binary endpoint: the looks by
// patients, with the estimate, its bounds and repeated confidence interval
// on the natural scale (monitoring_text and monitoring_csv dispatch here).
#include <cmath>
#include <cstdio>
#include <sstream>

#include "bound_columns.hpp"
#include "endpoint_monitoring_output.hpp"
#include "gsd/presentation.hpp"
#include "number_format.hpp"

namespace gsd::render::detail {

namespace {

using monitoring::LookResult;
using spending::Sidedness;

std::string opt(const char* format, const std::optional<double>& x) { return x ? detail::format(format, *x) : "-"; }

void header(detail::TextStream& out, const MonitoringReport& report) {
  const spending::DesignSpec& spec = report.plan.design;
  const EndpointMonitoring& ep = *report.endpoint;
  out << "Design: " << efficacy_description(spec) << ", "
      << (spec.sided == Sidedness::kTwoSidedSymmetric ? "two-sided" : "one-sided") << " alpha "
      << spec.alpha << ", " << ep.planned_patients << " planned patients\n";
  out << "Endpoint: " << endpoint_type_name(ep.spec.type) << ", " << estimate_name(ep.spec)
      << " tested against " << ep.spec.null_value() << " ("
      << direction_name(ep.spec.test_direction()) << " test)\n";
  out << "Bounds recomputed at the observed information (patients / planned patients).\n\n";
}

void conditional_power(detail::TextStream& out, const MonitoringReport& report) {
  const LookResult& last = report.result.looks.back();
  if (!last.conditional_power) return;
  const auto& cp = *last.conditional_power;
  char line[240];
  out << "\nConditional power at look " << report.result.looks.size() << " (cumulative, by look):\n";
  detail::print(line, sizeof line, "  %8s  %8s  %14s  %10s  %10s\n", "patients", "bound z",
                "at alternative", "at trend", "at H0");
  out << line;
  for (std::size_t j = 0; j < cp.events.size(); ++j) {
    detail::print(line, sizeof line, "  %8g  %8s  %14.4f  %10.4f  %10.4f\n", cp.events[j],
                  detail::bound(last.schedule.efficacy[last.schedule.current + 1 + j]).c_str(), cp.assumed[j], cp.trend[j],
                  cp.null[j]);
    out << line;
  }
  out << "  Alternative: the endpoint section's; trend: the current z; H0: the conditional "
         "rejection probability.\n";
  out << "  Predictive power (flat prior): " << detail::format("%.4f", cp.predictive) << "\n";
}

}  // namespace

std::string endpoint_monitoring_text(const MonitoringReport& report) {
  const monitoring::MonitoringResult& result = report.result;
  const EndpointMonitoring& ep = *report.endpoint;
  const bool two_sided = report.plan.design.sided == Sidedness::kTwoSidedSymmetric;
  detail::TextStream out;
  header(out, report);
  const spending::DesignSpec& spec = report.plan.design;
  char line[360];
  detail::print(line, sizeof line, "%4s  %8s  %7s  %8s  %8s", "look", "patients", "info", "z", "bound z");
  out << line << bound_text_headers(spec);
  detail::print(line, sizeof line, "  %9s  %10s  %9s  %9s  %9s  %8s  %s\n", "estimate", "bound est.", "RCI lo",
                "RCI hi", "nominal p", "rep. p", "decision");
  out << line;
  for (std::size_t k = 0; k < result.looks.size(); ++k) {
    const LookResult& r = result.looks[k];
    const EndpointLookReport& e = ep.looks[k];
    const auto& ci = e.repeated_ci;
    detail::print(line, sizeof line, "%4zu  %8g  %7.4f  %8.4f  %8s", k + 1, e.statistic.patients,
                  r.information_fraction, r.look.z, detail::bound(r.efficacy_z).c_str());
    out << line << bound_text_columns(spec, r.futility_z, r.harm_z);
    detail::print(line, sizeof line, "  %9s  %10s  %9s  %9s  %9s  %8.4g  %s\n",
                  opt("%.4f", e.statistic.estimate).c_str(), opt("%.4f", e.efficacy_effect).c_str(),
                  ci ? detail::format("%.4f", ci->lower).c_str() : "-",
                  ci ? detail::format("%.4f", ci->upper).c_str() : "-",
                  detail::nominal_p_at(r.efficacy_z,
                                       detail::format("%.4g", (two_sided ? 2.0 : 1.0) * r.nominal_p_one_sided))
                      .c_str(),
                  r.repeated_p_value, decision_name(r.decision));
    out << line;
  }
  out << "(" << bound_text_legend(spec) << "estimate: the " << estimate_name(ep.spec) << "; bound est.: the "
      << estimate_name(ep.spec) << " at the bound with the planned "
      << (ep.spec.type == endpoints::EndpointType::kNormal ? "sd" : "rates")
      << "; RCI: repeated confidence interval; nominal p: " << (two_sided ? "two-sided" : "one-sided")
      << " p at the bound; rep. p: repeated p-value)\n\n";
  for (std::size_t k = 0; k < result.looks.size(); ++k) {
    const LookResult& r = result.looks[k];
    out << "Look " << k + 1 << ": " << decision_reason(r, report.plan, "patients") << ".\n";
    if (const auto advice = futility_advice(r)) out << "  Advice: " << *advice << ".\n";
  }
  conditional_power(out, report);
  if (result.final_inference && ep.final_inference) {
    const auto& f = *result.final_inference;
    const auto& n = *ep.final_inference;
    out << "\nAfter the stop at look " << f.stop_look + 1 << " (stage-wise ordering):\n"
        << "  p-value " << p_value_text(f.p_value) << (two_sided ? " (two-sided)" : " (one-sided)")
        << ", median-unbiased " << estimate_name(ep.spec) << " " << detail::format("%.4f", n.median_unbiased) << ", "
        << detail::format("%.0f", 100.0 * f.confidence_level) << "% CI " << detail::format("%.4f", n.ci.lower) << " to "
        << detail::format("%.4f", n.ci.upper) << "\n";
  }
  return out.str();
}

std::string endpoint_monitoring_csv(const MonitoringReport& report) {
  const monitoring::MonitoringResult& result = report.result;
  const EndpointMonitoring& ep = *report.endpoint;
  detail::TextStream out;
  out.precision(10);
  out << "look,patients,information_fraction,z,efficacy_z,futility_z,nominal_p_one_sided,"
         "cumulative_alpha,decision,effect,effect_standard_error,efficacy_effect,futility_effect,"
         "repeated_ci_lower,repeated_ci_upper,repeated_p_value,conditional_power,"
         "conditional_power_trend,predictive_power\n";
  auto put = [&out](const std::optional<double>& x) {
    if (x) out << *x;
  };
  for (std::size_t k = 0; k < result.looks.size(); ++k) {
    const LookResult& r = result.looks[k];
    const EndpointLookReport& e = ep.looks[k];
    const auto& ci = e.repeated_ci;
    const auto& cp = r.conditional_power;
    out << k + 1 << ',' << e.statistic.patients << ',' << r.information_fraction << ',' << r.look.z << ',';
    if (std::isfinite(r.efficacy_z)) out << r.efficacy_z;
    out << ',';
    put(r.futility_z);
    out << ',' << r.nominal_p_one_sided << ',' << r.cumulative_alpha << ',' << decision_name(r.decision) << ',';
    put(e.statistic.estimate);
    out << ',' << e.statistic.standard_error << ',';
    put(e.efficacy_effect);
    out << ',';
    put(e.futility_effect);
    out << ',';
    put(ci ? std::optional<double>(ci->lower) : std::nullopt);
    out << ',';
    put(ci ? std::optional<double>(ci->upper) : std::nullopt);
    out << ',' << r.repeated_p_value << ',';
    put(cp ? std::optional<double>(cp->assumed.back()) : std::nullopt);
    out << ',';
    put(cp ? std::optional<double>(cp->trend.back()) : std::nullopt);
    out << ',';
    put(cp ? std::optional<double>(cp->predictive) : std::nullopt);
    out << '\n';
  }
  return out.str();
}

}  // namespace gsd::render::detail
