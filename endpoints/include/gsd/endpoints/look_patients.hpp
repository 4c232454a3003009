#pragma once
// The whole patients of a normal or binary endpoint's trial at each look, and
// how many each arm has: the rule the simulator replays the looks by, and the
// least patients for which every look has a statistic.
//
// A look's patients are ceil(t_k x N) with the design's information
// fractions t_k (the last exactly N), as the survival looks' events. Patients
// are allocated deterministically: the treatment arm has round(n r / (1 + r))
// of n (halves rounded up), the control arm the rest, as a perfectly balanced
// randomisation list read in order would give them; one sample has one arm.
#include <cstddef>
#include <optional>
#include <vector>

#include "gsd/endpoints/endpoint_spec.hpp"

namespace gsd::endpoints {

struct ArmPatients {
  int treatment = 0;  // one sample: every patient
  int control = 0;    // one sample: 0
};

// Total patients at the looks of a trial of `patients`.
std::vector<int> look_patients(const std::vector<double>& fractions, int patients);

// The arms of n patients.
ArmPatients arms_of(const EndpointSpec& spec, int n);

// The least patients in each arm at a look: two where the statistic
// estimates a variance from the data (a normal endpoint: an sd needs a degree
// of freedom), one for rates.
int least_per_arm(const EndpointSpec& spec);

// The first of the looks (total patients at each) without a statistic, and
// why: it adds no patients to the look before, or it leaves an arm fewer than
// least_per_arm(); nullopt when every look has its statistic.
enum class LookShortfall { kNoNewPatients, kArmTooSmall };
struct LookWithoutStatistic {
  std::size_t look = 0;
  LookShortfall shortfall = LookShortfall::kNoNewPatients;
};
std::optional<LookWithoutStatistic> first_look_without_statistic(const EndpointSpec& spec,
                                                                 const std::vector<int>& looks);

// Whether the looks of `patients` each add patients and leave every arm
// least_per_arm(); `patients` >= 1.
bool looks_have_statistics(const EndpointSpec& spec, const std::vector<double>& fractions, int patients);

// The least patients whose looks all have statistics (at most
// EndpointSpec::kMaxPatients; that bound when none below it has).
int least_patients(const EndpointSpec& spec, const std::vector<double>& fractions);

}  // namespace gsd::endpoints
