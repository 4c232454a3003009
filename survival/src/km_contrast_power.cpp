// Group-sequential power and patients of an RMST or milestone test: the
// bounds at the test's own information fractions (independent increments,
// Lin et al. 1996; Murray & Tsiatis 1999). See km_contrast_power.hpp.
#include "gsd/survival/km_contrast_power.hpp"

#include <cmath>
#include <string>

#include "check.hpp"
#include "gsd/numerics/invalid_input.hpp"
#include "gsd/survival/sample_size.hpp"
#include "test_looks.hpp"

namespace gsd::survival {
namespace {

// Every look must follow some patient for longer than the horizon; say
// which look does not, and what would do.
void check_follow_up(const KmContrast& contrast, const std::vector<KmContrastLook>& looks,
                     const std::string& unit) {
  const KmContrastLook& first = looks.front();
  if (contrast.horizon < first.maximum_follow_up) return;
  const KmContrastLook& last = looks.back();
  std::string rule;
  if (!(contrast.horizon < last.maximum_follow_up)) {
    rule = "is beyond the study: it must be below the longest follow-up at the final look (" +
           detail::format_value(last.maximum_follow_up) + " " + unit + " at calendar time " +
           detail::format_value(last.calendar_time) + ", " + std::to_string(last.events) +
           " events), where the Kaplan-Meier estimate is defined";
  } else {
    std::size_t k = 0;
    while (!(contrast.horizon < looks[k].maximum_follow_up)) ++k;
    rule = "must be below the longest follow-up at every look: look 1 (" + std::to_string(first.events) +
           " events, calendar time " + detail::format_value(first.calendar_time) + ") follows patients for " +
           detail::format_value(first.maximum_follow_up) + " " + unit +
           " at most, and the first look past it is look " +
           std::to_string(k + 1) + " (" + std::to_string(looks[k].events) +
           " events); choose looks after that, or a single final look (design.information_fractions [1])";
  }
  throw numerics::InvalidInput(contrast.path(), detail::format_input(contrast.horizon), rule);
}

// Var_K / Var_k: strictly increasing, ending at 1.
std::vector<double> information_fractions(const KmContrast& contrast, const std::vector<KmContrastLook>& looks) {
  std::vector<double> fractions;
  const double last = looks.back().moments.variance;
  for (std::size_t k = 0; k < looks.size(); ++k) {
    const double f = last / looks[k].moments.variance;
    if (!fractions.empty() && !(f > fractions.back())) {
      throw numerics::InvalidInput(
          contrast.path(), detail::format_input(contrast.horizon),
          "gives no more information at look " + std::to_string(k + 1) + " than at look " + std::to_string(k) +
              ": every patient has been followed past it by calendar time " +
              detail::format_value(looks[k - 1].calendar_time) + "; drop the later looks or take a longer " +
              contrast.parameter());
    }
    fractions.push_back(f);
  }
  fractions.back() = 1.0;
  return fractions;
}

}  // namespace

KmContrastPower km_contrast_power(const SurvivalSpec& spec, const spending::DesignSpec& design,
                                  const KmContrast& contrast, double patients, long long events,
                                  SpendingScale scale) {
  spec.validate();
  contrast.validate();
  design.validate();
  detail::check_positive("patients", patients);
  detail::check_positive("events", static_cast<double>(events));
  detail::check_looks_by_events(spec, "an RMST or milestone test");
  const numerics::SolverOptions& options = design.solver;
  KmContrastPower result;
  result.contrast = contrast;
  result.scale = scale;
  result.patients = patients;
  const std::vector<long long> counts = look_events(design.information_fractions, events);
  for (double time : detail::event_look_times(spec, patients, counts, options)) {
    KmContrastLook look;
    look.calendar_time = time;
    look.maximum_follow_up = maximum_follow_up(spec, time);
    result.looks.push_back(look);
  }
  detail::set_look_events(result, counts, events);
  check_follow_up(contrast, result.looks, spec.time_unit);
  for (KmContrastLook& look : result.looks) {
    look.moments = km_contrast_moments(spec, contrast, look.calendar_time, options);
    look.standard_error = std::sqrt(look.moments.variance / patients);
    look.mean_z = look.moments.mean_z(patients);
  }
  const std::vector<double> information = information_fractions(contrast, result.looks);
  detail::design_on_test_scale(result, design, information, scale);
  return result;
}

KmContrast km_contrast_of(const SurvivalTest& test) {
  KmContrast contrast;
  contrast.kind = test.kind == TestKind::kRmst ? KmContrast::Kind::kRmst : KmContrast::Kind::kMilestone;
  contrast.horizon = test.horizon;
  return contrast;
}

double km_contrast_patients(const KmContrastPower& at) {
  const KmContrastMoments& final_look = at.looks.back().moments;
  if (!(final_look.estimate > 0.0)) {
    throw numerics::InvalidInput(
        at.contrast.path(), detail::format_input(at.contrast.horizon),
        "gives no benefit of treatment under the model (difference " + detail::format_value(final_look.estimate) +
            "): no number of patients reaches the power");
  }
  const double per_patient = final_look.estimate / std::sqrt(final_look.variance);
  const double drift = at.design.drift;
  return drift * drift / (per_patient * per_patient);
}

KmContrastPlan km_contrast_plan(const SurvivalSpec& spec, const spending::DesignSpec& design,
                                const KmContrast& contrast, double patients, long long events,
                                SpendingScale scale) {
  KmContrastPlan plan;
  plan.at_plan = km_contrast_power(spec, design, contrast, patients, events, scale);
  if (!(plan.at_plan.looks.back().moments.estimate > 0.0)) return plan;
  plan.patients_unrounded = km_contrast_patients(plan.at_plan);
  const auto multiple = static_cast<double>(spec.patient_multiple());
  const double sized_patients = std::ceil(plan.patients_unrounded / multiple) * multiple;
  // The events grow with the patients at the same calendar times; the slack
  // keeps a product that lands on a whole number there.
  constexpr double kSlack = 1e-9;
  const auto sized_events =
      static_cast<long long>(std::ceil(static_cast<double>(events) * sized_patients / patients - kSlack));
  plan.sized = km_contrast_power(spec, design, contrast, sized_patients, sized_events, scale);
  return plan;
}

}  // namespace gsd::survival
