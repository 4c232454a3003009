#pragma once
// Conditional and predictive power at a look, over the looks still to come.
//
// Given Z_k = z at information I_k, the score S_j = Z_j sqrt(I_j) at a later
// look gains an independent increment with mean theta (I_j - I_k) and variance
// I_j - I_k (Jennison & Turnbull 2000, sections 3.1 and 10.2). Crossing
// Z_j >= b_j is then W_j >= (b_j sqrt(I_j) - z sqrt(I_k)) / sqrt(I_j - I_k) for
// a canonical process W with fractions (I_j - I_k) / (I_K - I_k) and means
// theta sqrt(I_j - I_k), which the recursive integration evaluates. This is
// rpact's getConditionalPower for a group-sequential design (3.3.4): the
// remaining efficacy bounds, a non-binding futility bound ignored, a binding
// one (or the lower bound of a two-sided design) ending the trial.
#include <vector>

#include "gsd/monitoring/look_schedule.hpp"

namespace gsd::monitoring {

// Cumulative probability of crossing an efficacy bound by each remaining look
// (schedule.current + 1 onwards) when the log hazard ratio is -theta. Empty at
// the final look. grid: the integration accuracy of the design.
std::vector<double> conditional_power(const LookSchedule& schedule, const spending::DesignSpec& design,
                                      double z, double theta);

// The same for an arbitrary model of the statistic: means[j] = E[Z_j] at every
// look of the schedule (for instance the non-proportional-hazards log-rank
// drift of a cure model). The increments of S_j = Z_j sqrt(I_j) are taken as
// independent with mean E[Z_j] sqrt(I_j) - E[Z_k] sqrt(I_k) (the canonical
// form, J&T 2000 section 3.1); theta above is the special case
// E[Z_j] = theta sqrt(I_j).
std::vector<double> conditional_power_for_means(const LookSchedule& schedule,
                                                const spending::DesignSpec& design, double z,
                                                const std::vector<double>& means);

// Predictive power (Spiegelhalter, Freedman & Blackburn 1986, Controlled Clin.
// Trials 7:8-17; J&T 2000 section 10.3): conditional power to the end averaged
// over the posterior of theta under a flat prior, N(z / sqrt(I_k), 1 / I_k).
// The integral is Boost.Math Gauss-Kronrod (61 points, adaptive) over
// theta-hat +- 8.5 posterior sds (the normal mass beyond is 2e-17).
double predictive_power(const LookSchedule& schedule, const spending::DesignSpec& design, double z);

}  // namespace gsd::monitoring
