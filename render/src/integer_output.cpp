#include "gsd/render/integer_output.hpp"

#include <cmath>
#include <cstdio>
#include <sstream>

#include "number_format.hpp"

namespace gsd::render {

namespace {

using detail::bound;
using detail::csv_bound;
using detail::format;

std::string bound(const std::optional<double>& z) { return z ? format("%.4f", *z) : std::string("-"); }

// A look whose calendar time set it has no whole events: the events the
// model expects there, marked.
bool set_by_time(const survival::SurvivalLook& look) {
  return look.trigger != survival::LookTriggerKind::kEvents &&
         std::fabs(look.expected_events - static_cast<double>(look.events)) > 1e-9;
}

std::string whole_events(const survival::SurvivalLook& look) {
  if (set_by_time(look)) return format("%.2f*", look.expected_events);
  return std::to_string(look.events);
}

std::string csv_bound(const std::optional<double>& z) { return z ? format("%.10g", *z) : std::string(); }

}  // namespace

std::string integer_text(const DesignResult& result) {
  if (!result.continuous || !result.sample_size) return {};
  const survival::ContinuousPlan& c = result.continuous->plan;
  const spending::Design& cd = result.continuous->boundaries;
  const spending::Design& wd = result.boundaries;
  const SampleSize& s = *result.sample_size;
  const survival::SurvivalPlan& w = s.plan;
  detail::TextStream out;
  out << "\nWhole numbers: the continuous plan and the plan run (bounds recomputed at whole events)\n";
  char line[320];
  detail::print(line, sizeof line, "%4s  %10s  %8s  %10s  %10s  %10s  %10s  %10s  %10s\n", "look",
                "events", "events", "fraction", "fraction", "efficacy", "efficacy", "futility",
                "futility");
  out << line;
  detail::print(line, sizeof line, "%4s  %10s  %8s  %10s  %10s  %10s  %10s  %10s  %10s\n", "",
                "continuous", "whole", "continuous", "whole", "z cont.", "z whole", "z cont.",
                "z whole");
  out << line;
  bool any_by_time = false;
  for (std::size_t k = 0; k < w.looks.size(); ++k) {
    any_by_time = any_by_time || set_by_time(w.looks[k]);
    detail::print(line, sizeof line, "%4zu  %10.2f  %8s  %10.4f  %10.4f  %10s  %10s  %10s  %10s\n",
                  k + 1, c.looks[k].events, whole_events(w.looks[k]).c_str(),
                  c.looks[k].information_fraction,
                  wd.spec.information_fractions[k], bound(cd.efficacy[k]).c_str(),
                  bound(wd.efficacy[k]).c_str(), bound(cd.futility[k]).c_str(),
                  bound(wd.futility[k]).c_str());
    out << line;
  }
  if (any_by_time) {
    out << "  * set by its calendar time: the events the model expects there with the whole patients;\n"
           "    the bound is recomputed at the events observed there (gsd monitor, gsd simulate)\n";
  }
  out << "  patients " << format("%.2f", c.patients) << " -> " << w.patients << " (a multiple of "
      << s.spec.patient_multiple() << ")\n";
  out << "  events   " << format("%.2f", c.events) << " -> " << w.events << "\n";
  out << "  power    " << format("%.4f", c.power) << " -> " << format("%.4f", w.power)
      << "; design drift " << format("%.6f", cd.drift) << " -> " << format("%.6f", wd.drift)
      << "\n";
  return out.str();
}

std::string integer_csv_header(const DesignResult& result) {
  if (!result.continuous || !result.sample_size) return {};
  return ",continuous_events,continuous_information_fraction,continuous_efficacy_z,"
         "continuous_futility_z,continuous_patients,continuous_planned_events,continuous_power,"
         "block";
}

std::string integer_csv_row(const DesignResult& result, std::size_t k) {
  if (!result.continuous || !result.sample_size) return {};
  const survival::ContinuousPlan& c = result.continuous->plan;
  const spending::Design& cd = result.continuous->boundaries;
  detail::TextStream out;
  out << ',' << format("%.10g", c.looks[k].events) << ','
      << format("%.10g", c.looks[k].information_fraction) << ',' << csv_bound(cd.efficacy[k]) << ','
      << csv_bound(cd.futility[k]) << ',' << format("%.10g", c.patients) << ','
      << format("%.10g", c.events) << ',' << format("%.10g", c.power) << ','
      << result.sample_size->spec.patient_multiple();
  return out.str();
}

}  // namespace gsd::render
