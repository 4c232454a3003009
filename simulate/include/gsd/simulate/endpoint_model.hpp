#pragma once
// A normal or binary endpoint's trial as the simulator replays it: the
// endpoint (what is compared, the truth the patients are drawn from, the
// margin, direction and variance method of the analysis) and the total
// patients at each look.
//
// Patients are allocated to the arms deterministically: at every look the
// treatment arm has round(n r / (1 + r)) of the n patients (halves rounded
// up) and the control arm the rest, as a perfectly balanced randomisation
// list read in order would give them; one-sample trials have one arm.
#include <cstddef>
#include <vector>

#include "gsd/endpoints/endpoint_spec.hpp"
#include "gsd/endpoints/look_patients.hpp"
#include "gsd/spending/design.hpp"

namespace gsd::simulate {

// The patients of each arm at a look (one sample: all in `treatment`).
using EndpointArms = endpoints::ArmPatients;

struct EndpointModel {
  // The endpoint as the design sized it. The patients are drawn from its
  // alternative (mean_difference or mean with sd; treatment_rate and
  // control_rate, or rate); the analysis tests its margin in its direction
  // with its statistic (t or z; restricted or unpooled variance). To draw
  // under H0, set the alternative to the margin and give the direction.
  endpoints::EndpointSpec spec;
  std::vector<int> look_patients;  // total patients at each look, increasing

  // Throws numerics::InvalidInput naming the field: the truth and the test
  // (sd > 0, rates in (0, 1), a positive ratio margin, a direction), and
  // looks that leave each arm at least one patient (two for a t statistic,
  // whose variance needs a degree of freedom).
  void validate() const;
  EndpointArms arms_at(std::size_t look) const;
};

// Total patients at the looks of a trial of `patients`: ceil(t_k x patients)
// with the design's information fractions t_k (as the survival looks' events,
// look_plan.hpp), the last exactly `patients`.
std::vector<int> endpoint_look_patients(const spending::Design& design, int patients);

}  // namespace gsd::simulate
