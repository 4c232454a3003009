// Output of `gsd design` with a normal or binary endpoint.
#include "gsd/render/endpoint_output.hpp"

#include <algorithm>

#include <cmath>
#include <cstdio>
#include <iomanip>
#include <optional>
#include <sstream>

#include "gsd/presentation.hpp"
#include "number_format.hpp"

namespace gsd::render {

namespace {

using endpoints::EndpointSpec;
using endpoints::EndpointType;

std::string optional_text(const std::optional<double>& x, const char* spec) {
  return x ? detail::format(spec, *x) : std::string("-");
}

std::string csv_number(const std::optional<double>& x) {
  return x ? detail::format("%.10g", *x) : std::string();
}

// How the variance of a binary statistic is taken, in words.
const char* variance_words(const EndpointSpec& s) {
  if (s.variance == endpoints::RateVariance::kUnpooled) return "unpooled (Wald) variance";
  if (s.groups == 1) return "variance at the H0 rate under H0";
  return std::fabs(s.null_value() - (s.scale == endpoints::RateScale::kRatio ? 1.0 : 0.0)) > 0.0
             ? "Farrington-Manning variance under H0"
             : "pooled variance under H0";
}

std::string endpoint_setting(const EndpointSpec& s) {
  detail::TextStream out;
  out << std::setprecision(6);
  out << "  " << endpoint_type_name(s.type) << " endpoint, " << s.groups
      << (s.groups == 1 ? " group" : " groups");
  if (s.groups == 2) out << ", allocation " << s.allocation_ratio << ":1 (treatment:control)";
  out << '\n';
  if (s.type == EndpointType::kNormal) {
    out << "  " << estimate_name(s) << " " << s.alternative() << " against " << s.null_value()
        << " under H0, sd " << s.sd << '\n';
  } else if (s.groups == 2) {
    out << "  rates " << *s.treatment_rate << " (treatment) and " << *s.control_rate
        << " (control): " << estimate_name(s) << " " << s.alternative() << " against "
        << s.null_value() << " under H0, " << variance_words(s) << '\n';
  } else {
    out << "  rate " << *s.rate << " against " << s.null_value() << " under H0, " << variance_words(s)
        << '\n';
  }
  out << "  test: " << direction_name(s.test_direction()) << " ("
      << (s.test_direction() == endpoints::Direction::kUpper ? "larger" : "smaller")
      << " estimates favour the treatment)\n";
  return out.str();
}

// A look's responder counts for one decision: ">= 23", "<= 5", "3 to 9",
// "-" for none, with n the look's patients.
std::string responders_text(const std::optional<simulate::ResponderRange>& r, int n) {
  if (!r) return "-";
  if (r->least == r->most) return std::to_string(r->least);
  if (r->most == n) return ">= " + std::to_string(r->least);
  if (r->least == 0) return "<= " + std::to_string(r->most);
  return std::to_string(r->least) + " to " + std::to_string(r->most);
}

// The exact table of a one-sample binary plan.
std::string exact_text(const simulate::ExactBinomial& e) {
  detail::TextStream out;
  bool harm = false;
  for (const simulate::ExactBinomialLook& l : e.looks) harm = harm || l.harm;
  out << "\nExact binomial, at " << e.looks.back().patients << " patients (the trial gsd simulate runs)\n"
      << std::fixed << std::setprecision(4) << "  power " << e.power << " (" << e.power_ignoring_futility
      << " ignoring futility); alpha " << e.alpha << " with futility ignored (" << e.alpha_obeying_futility
      << " obeyed), design alpha " << e.design_alpha << '\n'
      << std::setprecision(2) << "  expected patients " << e.expected_patients_h0 << " under H0, "
      << e.expected_patients_h1 << " under H1\n"
      << "  method: " << exact_binomial_description() << "\n\n"
      << "  look  patients  efficacy at  futility at" << (harm ? "      harm at" : "")
      << "  P(eff.|H0)  P(eff.|H1)  P(fut.|H1)\n";
  for (std::size_t k = 0; k < e.looks.size(); ++k) {
    const simulate::ExactBinomialLook& l = e.looks[k];
    char line[256];
    detail::print(line, sizeof line, "  %4zu  %8d  %11s  %11s", k + 1, l.patients,
                  responders_text(l.efficacy, l.patients).c_str(), responders_text(l.futility, l.patients).c_str());
    out << line;
    if (harm) {
      detail::print(line, sizeof line, "  %11s", responders_text(l.harm, l.patients).c_str());
      out << line;
    }
    detail::print(line, sizeof line, "  %10s  %10s  %10s\n", detail::probability(l.probability_efficacy_h0).c_str(),
                  detail::probability(l.probability_efficacy_h1).c_str(),
                  detail::probability(l.probability_futility_h1).c_str());
    out << line;
  }
  out << "\n  efficacy, futility" << (harm ? ", harm" : "")
      << " at: the responder counts at which the look stops; P(eff.|H0) ignores futility\n";
  return out.str();
}

}  // namespace

std::string endpoint_text(const EndpointSize& r) {
  const endpoints::EndpointPlan& plan = r.plan;
  detail::TextStream out;
  out << "\nSample size: " << (plan.solved_for == endpoints::EndpointSolve::kPatients
                                   ? "patients from power"
                                   : "power from patients")
      << '\n'
      << endpoint_setting(r.spec);
  if (r.exact_sizing) {
    const EndpointSize::ExactSizing& e = *r.exact_sizing;
    out << std::fixed << std::setprecision(0) << "  patients " << plan.patients
        << " by the exact binomial: the fewest with exact power >= " << std::setprecision(4) << e.target_power
        << " and exact alpha within the design's (scanned from " << e.first_scanned << "; the normal "
        << "approximation needs " << std::setprecision(0) << e.normal_patients << ")\n"
        << std::setprecision(4) << "  power " << plan.power << " by the normal approximation at these patients\n";
  } else if (plan.solved_for == endpoints::EndpointSolve::kPatients) {
    out << std::fixed << std::setprecision(0) << "  patients " << plan.patients << std::setprecision(4)
        << " (unrounded " << plan.patients_unrounded << "), power " << plan.power << '\n';
    if (plan.patients > std::ceil(plan.patients_unrounded)) {
      out << "  (raised to " << plan.least_patients
          << " patients, the fewest whose every look has its statistic)\n";
    }
  } else {
    // The patients as given (150.5 read "patients 150" at zero decimals,
    // rounded to even, while gsd simulate runs 151).
    out << "  patients " << std::defaultfloat << std::setprecision(10) << plan.patients << ", power "
        << std::fixed << std::setprecision(4) << plan.power << '\n';
  }
  out << "  expected patients " << std::setprecision(2) << plan.expected_patients_h0 << " under H0, "
      << plan.expected_patients_h1 << " under H1";
  if (plan.fixed_patients) out << "; a fixed design needs " << *plan.fixed_patients;
  out << "\n  method: " << endpoint_method_description(r.spec) << '\n';
  for (const std::string& w : endpoint_warnings(r)) out << "  warning: " << w << '\n';
  const std::string scale = estimate_name(r.spec);
  // The patients column is as wide as its widest entry (up to 1e9 patients).
  int patients_width = 8;
  for (const endpoints::EndpointLook& l : plan.looks) {
    patients_width = std::max(patients_width, static_cast<int>(detail::format("%.2f", l.patients).size()));
  }
  out << "\n  look  fraction  " << std::setw(patients_width) << "patients" << "  efficacy z  futility z  efficacy "
      << scale << "  futility " << scale << "  P(efficacy|H1)  cumulative\n";
  for (std::size_t k = 0; k < plan.looks.size(); ++k) {
    const endpoints::EndpointLook& l = plan.looks[k];
    char line[320];
    detail::print(line, sizeof line, "  %4zu  %8.4f  %*.2f  %10s  %10s  %*s  %*s  %14s  %10s\n", k + 1,
                  l.information_fraction, patients_width, l.patients,
                  detail::bound(l.efficacy_z).c_str(),
                  optional_text(l.futility_z, "%.4f").c_str(), static_cast<int>(scale.size() + 9),
                  optional_text(l.efficacy_effect, "%.5g").c_str(), static_cast<int>(scale.size() + 9),
                  optional_text(l.futility_effect, "%.5g").c_str(),
                  detail::probability(l.probability_efficacy_h1).c_str(),
                  detail::probability(l.cumulative_power).c_str());
    out << line;
  }
  if (r.exact) out << exact_text(*r.exact);
  return out.str();
}

std::string endpoint_csv_header() {
  return ",patients,patients_treatment,patients_control,efficacy_effect,futility_effect,drift,"
         "crossing_probability,total_patients,patients_unrounded,power,expected_patients_h0,"
         "expected_patients_h1";
}

std::string endpoint_csv_row(const EndpointSize& r, std::size_t k) {
  const endpoints::EndpointPlan& plan = r.plan;
  const endpoints::EndpointLook& l = plan.looks[k];
  char buf[400];
  detail::print(buf, sizeof buf, ",%.10g,%.10g,%.10g,%s,%s,%.10g,%.10g,%.10g,%.10g,%.10g,%.10g,%.10g",
                l.patients, l.patients_treatment, l.patients_control,
                csv_number(l.efficacy_effect).c_str(), csv_number(l.futility_effect).c_str(), l.drift,
                l.probability_efficacy_h1, plan.patients, plan.patients_unrounded, plan.power,
                plan.expected_patients_h0, plan.expected_patients_h1);
  return buf;
}

}  // namespace gsd::render
