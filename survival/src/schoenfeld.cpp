// Schoenfeld (1981) Biometrika 68:316, proportional-hazards log-rank sizing.
#include "gsd/survival/schoenfeld.hpp"

#include <cmath>

#include "check.hpp"
#include "gsd/numerics/exit_probabilities.hpp"
#include "gsd/numerics/normal.hpp"
#include "root_search.hpp"

namespace gsd::survival {

using numerics::normal_lower_tail;
using numerics::normal_upper_quantile;
using spending::Design;

namespace {

// Latency parameters equal to this relative precision count as equal.
constexpr double kSameParameter = 1e-12;

bool same(double a, double b) { return std::fabs(a - b) <= kSameParameter * std::fmax(std::fabs(a), std::fabs(b)); }

// The largest drift searched for the group-sequential events: power is 1 to
// double precision long before drift 40.
constexpr double kMaxDrift = 40.0;

}  // namespace

double schoenfeld_events(double alpha_one_sided, double power, double hazard_ratio,
                         double treatment_share) {
  detail::check_positive("hazard_ratio", hazard_ratio);
  const double z = normal_upper_quantile(alpha_one_sided) + normal_upper_quantile(1.0 - power);
  const double log_hr = std::log(hazard_ratio);
  return z * z / (treatment_share * (1.0 - treatment_share) * log_hr * log_hr);
}

double schoenfeld_power(double alpha_one_sided, double events, double hazard_ratio,
                        double treatment_share) {
  detail::check_positive("hazard_ratio", hazard_ratio);
  // Signed: a hazard ratio above 1 (harm) gives power below alpha, not the
  // power of the mirror-image benefit.
  const double drift =
      std::sqrt(events * treatment_share * (1.0 - treatment_share)) * -std::log(hazard_ratio);
  return normal_lower_tail(drift - normal_upper_quantile(alpha_one_sided));
}

std::optional<double> constant_noncured_hazard_ratio(const SurvivalSpec& spec) {
  const Latency& c = spec.control.latency();
  const Latency& t = spec.treatment.latency();
  if (c.family() != t.family()) return std::nullopt;
  switch (c.family()) {
    case LatencyFamily::kExponential:
      return t.rate() / c.rate();
    case LatencyFamily::kWeibull:
      if (!same(c.shape(), t.shape())) return std::nullopt;
      return std::pow(c.scale() / t.scale(), c.shape());
    case LatencyFamily::kPiecewiseExponential: {
      if (c.starts().size() != t.starts().size()) return std::nullopt;
      const double ratio = t.rates()[0] / c.rates()[0];
      for (std::size_t i = 0; i < c.starts().size(); ++i) {
        if (!same(c.starts()[i], t.starts()[i]) || !same(t.rates()[i] / c.rates()[i], ratio)) {
          return std::nullopt;
        }
      }
      return ratio;
    }
  }
  return std::nullopt;
}

std::optional<SchoenfeldComparison> schoenfeld_comparison(const SurvivalSpec& spec,
                                                          const Design& design,
                                                          long long plan_events) {
  const std::optional<double> hr = constant_noncured_hazard_ratio(spec);
  if (!hr || !(*hr < 1.0)) return std::nullopt;
  SchoenfeldComparison out;
  out.hazard_ratio = *hr;
  out.target_power = spec.power.value_or(1.0 - design.spec.beta);
  const double p = spec.treatment_share();
  const double alpha = design.spec.alpha_per_side();
  out.fixed_events = schoenfeld_events(alpha, out.target_power, *hr, p);
  const auto& fractions = design.spec.information_fractions;
  const auto gs_power = [&](double drift) {
    return spending::power(design, numerics::means_for_drift(fractions, drift));
  };
  // A design whose bounds keep its power below the target at any drift the
  // search allows (a futility bound of z 0 at a ten-thousandth of the
  // information stops half the trials at any drift) has no such count of
  // events; the comparison, an aside, is left out rather than failing the plan.
  if (!(gs_power(kMaxDrift) >= out.target_power)) return std::nullopt;
  const double drift = detail::find_root([&](double x) { return gs_power(x) - out.target_power; },
                                         0.0, kMaxDrift, design.spec.solver,
                                         "Schoenfeld group-sequential drift");
  const double per_event = p * (1.0 - p) * std::log(*hr) * std::log(*hr);
  out.group_sequential_events = drift * drift / per_event;
  out.power_at_plan_events = gs_power(std::sqrt(static_cast<double>(plan_events) * per_event));
  return out;
}

}  // namespace gsd::survival
