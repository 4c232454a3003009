#include "gsd/render/monitoring_output.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
#include <string>
#include <sstream>
#include <variant>

#include "bound_columns.hpp"
#include "endpoint_monitoring_output.hpp"
#include "simon_monitoring_output.hpp"
#include "number_format.hpp"
#include "test_monitoring_output.hpp"
#include "gsd/presentation.hpp"
#include "gsd/record.hpp"
#include "gsd/render/record_output.hpp"

namespace gsd::render {

namespace {

using monitoring::LookResult;
using monitoring::MonitoringResult;
using spending::Sidedness;

}  // namespace

std::string monitoring_csv(const MonitoringReport& report) {
  if (report.simon) return detail::simon_monitoring_csv(report);
  if (report.endpoint) return detail::endpoint_monitoring_csv(report);
  if (report.test) return detail::test_monitoring_csv(report);
  const MonitoringResult& result = report.result;
  detail::TextStream out;
  out.precision(10);
  out << "look,events,information_fraction,z,efficacy_z,futility_z,nominal_p_one_sided,"
         "cumulative_alpha,decision,hazard_ratio,repeated_ci_lower,repeated_ci_upper,"
         "repeated_p_value,conditional_power,conditional_power_trend,predictive_power\n";
  auto opt = [&out](const std::optional<double>& x) {
    if (x) out << *x;
  };
  for (std::size_t k = 0; k < result.looks.size(); ++k) {
    const LookResult& r = result.looks[k];
    const auto& ci = r.repeated_ci_hazard_ratio;
    const auto& cp = r.conditional_power;
    out << k + 1 << ',' << r.look.events << ',' << r.information_fraction << ',' << r.look.z << ',';
    if (std::isfinite(r.efficacy_z)) out << r.efficacy_z;
    out << ',';
    opt(r.futility_z);
    out << ',' << r.nominal_p_one_sided << ',' << r.cumulative_alpha << ','
        << decision_name(r.decision) << ',' << r.hazard_ratio << ',';
    opt(ci ? std::optional<double>(ci->lower) : std::nullopt);
    out << ',';
    opt(ci ? std::optional<double>(ci->upper) : std::nullopt);
    out << ',' << r.repeated_p_value << ',';
    opt(cp ? std::optional<double>(cp->assumed.back()) : std::nullopt);
    out << ',';
    opt(cp ? std::optional<double>(cp->trend.back()) : std::nullopt);
    out << ',';
    opt(cp ? std::optional<double>(cp->predictive) : std::nullopt);
    out << '\n';
  }
  return out.str();
}

std::string monitoring_text(const MonitoringReport& report) {
  if (report.simon) return detail::simon_monitoring_text(report);
  if (report.endpoint) return detail::endpoint_monitoring_text(report);
  if (report.test) return detail::test_monitoring_text(report);
  const MonitoringResult& result = report.result;
  const spending::DesignSpec& spec = report.plan.design;
  const bool two_sided = spec.sided == Sidedness::kTwoSidedSymmetric;
  detail::TextStream out;
  out << "Design: " << efficacy_description(spec) << ", "
      << (spec.sided == Sidedness::kTwoSidedSymmetric ? "two-sided" : "one-sided") << " alpha "
      << spec.alpha << ", " << report.plan.planned_events << " planned events, allocation "
      << report.plan.allocation_ratio << ":1\n";
  out << "Bounds recomputed at the observed information (events / planned events).\n";
  const double margin = report.plan.null_hazard_ratio;
  const std::string null_hr = "HR " + detail::format("%.4g", margin);
  if (report.plan.non_inferiority()) {
    out << "Non-inferiority, H0: HR >= " << detail::format("%.4g", margin) << ": z is each look's log-rank z plus log("
        << detail::format("%.4g", margin) << ") sqrt(d r / (1 + r)^2).\n";
  }
  out << "\n";
  char line[320];
  detail::print(line, sizeof line, "%4s  %7s  %7s  %8s  %8s", "look", "events", "info", "z", "bound z");
  out << line << detail::bound_text_headers(spec);
  detail::print(line, sizeof line, "  %11s  %10s  %8s  %8s  %8s  %8s  %s\n", "nominal p", "cum. alpha", "HR",
                "RCI lo", "RCI hi", "rep. p", "decision");
  out << line;
  for (std::size_t k = 0; k < result.looks.size(); ++k) {
    const LookResult& r = result.looks[k];
    const auto& ci = r.repeated_ci_hazard_ratio;
    detail::print(line, sizeof line, "%4zu  %7g  %7.4f  %8.4f  %8s", k + 1, r.look.events,
                  r.information_fraction, r.look.z, detail::bound(r.efficacy_z).c_str());
    out << line << detail::bound_text_columns(spec, r.futility_z, r.harm_z);
    detail::print(line, sizeof line, "  %11s  %10.6f  %8s  %8s  %8s  %8.4g  %s\n",
                  detail::nominal_p_at(r.efficacy_z,
                                       detail::format("%.6g", (two_sided ? 2.0 : 1.0) * r.nominal_p_one_sided))
                      .c_str(),
                  r.cumulative_alpha,
                  detail::hazard_ratio(r.hazard_ratio).c_str(),
                  ci ? detail::hazard_ratio(ci->lower).c_str() : "-",
                  ci ? detail::hazard_ratio(ci->upper).c_str() : "-", r.repeated_p_value,
                  decision_name(r.decision));
    out << line;
  }
  out << "(" << detail::bound_text_legend(spec) << "nominal p: " << (two_sided ? "two-sided" : "one-sided")
      << " p-value at the bound; cum. alpha: type I error spent so far; RCI: repeated confidence interval for "
         "the hazard ratio; rep. p: repeated p-value)\n\n";
  for (std::size_t k = 0; k < result.looks.size(); ++k) {
    const LookResult& r = result.looks[k];
    out << "Look " << k + 1 << ": " << decision_reason(r, report.plan) << ".\n";
    if (const auto advice = futility_advice(r)) out << "  Advice: " << *advice << ".\n";
  }
  const LookResult& last = result.looks.back();
  if (last.conditional_power) {
    const auto& cp = *last.conditional_power;
    out << "\nConditional power at look " << result.looks.size() << " (cumulative, by look):\n";
    const std::string assumed = result.assumed_hazard_ratio
                                    ? "at HR " + detail::format("%.4g", *result.assumed_hazard_ratio)
                                    : std::string("at model");
    const std::string trend = "at HR " + detail::format("%.4g", last.hazard_ratio);
    const std::string null = "at " + null_hr;
    // Each column as wide as its header: the estimate's "at HR 8.194e+04" is
    // wider than the usual 14 characters.
    const int assumed_width = std::max(14, static_cast<int>(assumed.size()));
    const int trend_width = std::max(14, static_cast<int>(trend.size()));
    const int null_width = std::max(10, static_cast<int>(null.size()));
    detail::print(line, sizeof line, "  %7s  %8s  %*s  %*s  %*s\n", "events", "bound z", assumed_width,
                  assumed.c_str(), trend_width, trend.c_str(), null_width, null.c_str());
    out << line;
    for (std::size_t j = 0; j < cp.events.size(); ++j) {
      detail::print(line, sizeof line, "  %7g  %8s  %*.4f  %*.4f  %*.4f\n", cp.events[j],
                    detail::bound(last.schedule.efficacy[last.schedule.current + 1 + j]).c_str(), assumed_width, cp.assumed[j],
                    trend_width, cp.trend[j], null_width, cp.null[j]);
      out << line;
    }
    out << "  Assumed effect: " << effect_basis(result.effect_source) << "; trend = the current estimate; " << null_hr
        << " = conditional rejection probability.\n";
    out << "  Predictive power (flat prior): " << detail::format("%.4f", cp.predictive) << "\n";
  }
  if (result.final_inference) {
    const auto& f = *result.final_inference;
    out << "\nAfter the stop at look " << f.stop_look + 1 << " (stage-wise ordering):\n"
        << "  p-value " << p_value_text(f.p_value)
        << (spec.sided == Sidedness::kTwoSidedSymmetric ? " (two-sided)" : " (one-sided)") << ", median-unbiased HR "
        << detail::hazard_ratio(f.median_unbiased_hazard_ratio) << ", "
        << detail::format("%.0f", 100.0 * f.confidence_level) << "% CI "
        << detail::hazard_ratio(f.ci_hazard_ratio.lower) << " to " << detail::hazard_ratio(f.ci_hazard_ratio.upper)
        << "\n";
  }
  return out.str();
}

std::string record_text(const MonitoringReport& report, const nlohmann::json& record,
                        const std::string& file) {
  std::string text;
  for (const DecisionChange& c : decision_changes(record, report)) {
    text += "\nNote: look " + std::to_string(c.look) + " was recorded as " + c.recorded +
            " but recomputes as " + c.recomputed + ".";
  }
  const std::size_t n = record.at("looks").size();
  // Looks written before the chain began (a version 1 record continued) are
  // covered only as they stood when it began: an edit made before then, or
  // hashes stripped to pass a record off as version 1, cannot be seen.
  const std::size_t before = record.contains("chain") ? record["chain"].value("looks_before_chain", std::size_t{0}) : 0;
  const std::string uncovered =
      before == 0 ? ""
                  : " (" + looks_before_chain(before, false) + " written before it began: covered only as " +
                        (before == 1 ? "it" : "they") + " stood then)";
  text += "\nRecord " + file + ": " + std::to_string(n) + (n == 1 ? " look" : " looks") +
          ", last recorded " + record.at("looks").back().at("recorded_at").get<std::string>() +
          (record.contains("chain") ? ", chain verified" + uncovered : ", unverified (written without hashes)") +
          "\n";
  return text;
}

}  // namespace gsd::render
