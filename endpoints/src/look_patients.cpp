#include "gsd/endpoints/look_patients.hpp"

#include <cmath>

namespace gsd::endpoints {

namespace {

// A fraction times the patients within this of a whole number is that number
// (1/3 x 30 = 10.000000000000002 is 10), as the survival looks' events.
constexpr double kIntegerSlack = 1e-9;

}  // namespace

std::vector<int> look_patients(const std::vector<double>& fractions, int patients) {
  std::vector<int> out;
  for (std::size_t k = 0; k < fractions.size(); ++k) {
    const bool last = k + 1 == fractions.size();
    out.push_back(last ? patients : static_cast<int>(std::ceil(fractions[k] * patients - kIntegerSlack)));
  }
  return out;
}

ArmPatients arms_of(const EndpointSpec& spec, int n) {
  if (spec.groups == 1) return {n, 0};
  const double r = spec.allocation_ratio;
  // Halves round up: 1:1 with 101 patients puts 51 on treatment.
  const int treatment = static_cast<int>(std::floor(n * r / (1.0 + r) + 0.5));
  return {treatment, n - treatment};
}

int least_per_arm(const EndpointSpec& spec) { return spec.type == EndpointType::kNormal ? 2 : 1; }

std::optional<LookWithoutStatistic> first_look_without_statistic(const EndpointSpec& spec,
                                                                 const std::vector<int>& looks) {
  const int least = least_per_arm(spec);
  for (std::size_t k = 0; k < looks.size(); ++k) {
    if (k > 0 && looks[k] <= looks[k - 1]) return LookWithoutStatistic{k, LookShortfall::kNoNewPatients};
    const ArmPatients a = arms_of(spec, looks[k]);
    if (a.treatment < least || (spec.groups == 2 && a.control < least)) {
      return LookWithoutStatistic{k, LookShortfall::kArmTooSmall};
    }
  }
  return std::nullopt;
}

bool looks_have_statistics(const EndpointSpec& spec, const std::vector<double>& fractions, int patients) {
  return !first_look_without_statistic(spec, look_patients(fractions, patients));
}

int least_patients(const EndpointSpec& spec, const std::vector<double>& fractions) {
  // The first look has ceil(t_1 n) patients and needs groups x least of
  // them, so n > (groups x least - 1) / t_1: the search starts there, and
  // from there it is short (the later looks need one more patient each).
  const auto most = static_cast<int>(EndpointSpec::kMaxPatients);
  if (fractions.empty()) return 1;
  const double first_needs = spec.groups * least_per_arm(spec) - 1.0;
  const double start = std::floor(first_needs / fractions.front());
  // A first look too small for any count up to the most (a fraction of
  // 1e-300): no search (it took a minute to reach the most).
  if (!(start < most)) return most;
  for (int n = start >= 1.0 ? static_cast<int>(start) : 1; n < most; ++n) {
    if (looks_have_statistics(spec, fractions, n)) return n;
  }
  return most;
}

}  // namespace gsd::endpoints
