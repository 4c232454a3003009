#pragma once
// Private: one replicate of a normal or binary endpoint's trial, drawn by
// sufficient statistics per look increment (endpoint_kernel.cpp), and the
// decisions of its looks against the design's bounds.
#include <boost/random/binomial_distribution.hpp>
#include <boost/random/chi_squared_distribution.hpp>
#include <cstdint>
#include <vector>

#include "gsd/simulate/endpoint_model.hpp"
#include "gsd/simulate/simulator.hpp"
#include "trial_kernel.hpp"

namespace gsd::simulate::detail {

// A look's bounds on one scale: stop for efficacy at or above `upper`, for
// harm at or below `harm`, for futility at or below `futility` or (symmetric
// two-sided) when |statistic| is below `inner`.
struct EndpointBounds {
  double upper = 0.0;
  double futility = 0.0;  // -infinity where none
  double harm = 0.0;      // -infinity where none
  double inner = 0.0;     // 0 where none
};

class EndpointKernel {
 public:
  EndpointKernel(const EndpointModel& model, const spending::Design& design);

  // Draws replicate `replicate` of stream `seed` and runs its looks; appends
  // a LookRecord per look performed when `records` is given.
  ReplicateOutcome run(std::uint64_t seed, std::uint64_t replicate,
                       std::vector<LookRecord>* records) const;
  std::size_t looks() const noexcept { return looks_.size(); }

  // A binary endpoint's decision at look `look` (0-based) with these
  // cumulative responders, as run() takes it; ignoring_futility drops the
  // futility bound (the rule a non-binding design's alpha is spent under).
  Decision binary_decision(std::size_t look, int responders_t, int responders_c,
                           bool ignoring_futility) const;

 private:
  struct Look {
    EndpointArms arms;                  // cumulative patients per arm
    EndpointArms added;                 // since the previous look
    EndpointBounds z;                   // the design's, on the z scale
    EndpointBounds statistic;           // on the scale of the statistic (t or z)
    double df = 0.0;                    // t statistic: patients - groups
    int within_df = 0;                  // normal: degrees of freedom of the increments' sum of squares
    // Draws of the look's increment.
    boost::random::chi_squared_distribution<double> within{1.0};  // normal, pooled within-increment
    boost::random::binomial_distribution<int, double> responders_t;
    boost::random::binomial_distribution<int, double> responders_c;
  };
  struct Running;  // per replicate: the arms' sufficient statistics

  double statistic_normal(const Running& s) const;
  double statistic_binary(const Running& s) const;
  double as_z(double statistic, const Look& look) const;
  Decision decide_look(std::size_t look, double statistic, bool ignoring_futility) const;

  EndpointModel model_;
  std::vector<Look> looks_;
  bool binary_ = false;
  bool t_test_ = false;
  bool two_sided_ = false;
  double sign_ = 1.0;     // +1: large estimates favour treatment
  double margin_ = 0.0;
  double mean_t_ = 0.0;   // normal: true means of the arms (control 0)
  double mean_c_ = 0.0;
};

}  // namespace gsd::simulate::detail
