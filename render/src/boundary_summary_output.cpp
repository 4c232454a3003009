#include "gsd/render/boundary_summary_output.hpp"

#include <algorithm>
#include <cstdio>
#include <sstream>

#include "number_format.hpp"

namespace gsd::render {

namespace {

using detail::format;
using detail::probability;

}  // namespace

std::string boundary_summary_text(const std::vector<BoundSummaryRow>& rows) {
  const bool survival = !rows.empty() && rows.front().hazard_ratio.has_value();
  // A normal or binary endpoint: patients and the estimate at the bound in
  // the columns of a survival plan's events and hazard ratio.
  const bool endpoint = !rows.empty() && rows.front().patients.has_value();
  detail::TextStream out;
  out << "Bounds, one row per look and bound (gsBoundSummary-style)\n\n";
  char line[320];
  detail::print(line, sizeof line, "%4s  %-9s  %8s  %8s  %9s  %11s  %9s  %9s  %11s  %11s\n", "look",
                "bound", "fraction", endpoint ? "patients" : "events", "z", "nominal p", "effect /",
                endpoint ? "estimate" : "HR at", "P(cross) by", "P(cross) by");
  out << line;
  detail::print(line, sizeof line, "%4s  %-9s  %8s  %8s  %9s  %11s  %9s  %9s  %11s  %11s\n", "", "",
                "", "", "", "(1-sided)", "design", "at bound", "look, H0", "look, H1");
  out << line;
  for (const BoundSummaryRow& r : rows) {
    const std::string events = r.patients ? format("%.2f", *r.patients)
                               : r.events ? std::to_string(*r.events)
                                          : "-";
    const std::string hr = r.patients ? (r.effect ? format("%.5g", *r.effect) : "-")
                           : r.hazard_ratio ? format("%.4f", *r.hazard_ratio)
                                            : "-";
    detail::print(line, sizeof line, "%4zu  %-9s  %8.4f  %8s  %9.4f  %11s  %9.4f  %9s  %11s  %11.4f\n",
                  r.look, bound_kind_name(r.bound), r.information_fraction, events.c_str(), r.z,
                  probability(r.nominal_p).c_str(), r.effect_fraction, hr.c_str(),
                  probability(r.cumulative_h0).c_str(), r.cumulative_h1);
    out << line;
  }
  out << "\n  nominal p: P(Z >= z) under H0";
  const auto is_lower = [](const BoundSummaryRow& r) { return r.bound == BoundKind::kLower; };
  if (std::any_of(rows.begin(), rows.end(), is_lower)) {
    out << "; on a lower row P(Z <= z), that side's nominal level";
  }
  out << "\n";
  out << "  effect / design: z at the bound over the mean of Z under H1 at the look (for a log-rank "
         "or z test, the estimate at the bound as a fraction of the effect H1 assumes)\n";
  if (survival) {
    out << "  H1: the plan's mean of Z at each look: a classical method's, else the model's at the "
           "expected look times\n";
  }
  if (survival) {
    out << "  HR at bound: exp(-z / sqrt(d r / (1 + r)^2)) at the look's planned events d\n";
  }
  if (endpoint) {
    out << "  estimate at bound: the endpoint's estimate (on its own scale) whose z is the bound, "
           "at the look's planned patients\n";
  }
  return out.str();
}

std::string boundary_summary_csv(const std::vector<BoundSummaryRow>& rows) {
  detail::TextStream out;
  out << "look,bound,information_fraction,events,z,nominal_p,effect_fraction,hazard_ratio,"
         "cumulative_crossing_h0,cumulative_crossing_h1,patients,effect\n";
  char line[480];
  for (const BoundSummaryRow& r : rows) {
    const std::string events = r.events ? std::to_string(*r.events) : "";
    const std::string hr = r.hazard_ratio ? format("%.10g", *r.hazard_ratio) : "";
    const std::string patients = r.patients ? format("%.10g", *r.patients) : "";
    const std::string effect = r.effect ? format("%.10g", *r.effect) : "";
    detail::print(line, sizeof line, "%zu,%s,%.10g,%s,%.10g,%.10g,%.10g,%s,%.10g,%.10g,%s,%s\n", r.look,
                  bound_kind_name(r.bound), r.information_fraction, events.c_str(), r.z,
                  r.nominal_p, r.effect_fraction, hr.c_str(), r.cumulative_h0, r.cumulative_h1,
                  patients.c_str(), effect.c_str());
    out << line;
  }
  return out.str();
}

}  // namespace gsd::render
