#pragma once
// Private: the simulator's samplers from the survival models, in the closed
// forms the inner loop calls (tests/simulate/samplers_test checks them point
// by point against gsd::survival).
#include "accrual_sampler.hpp"
#include "gsd/survival/accrual.hpp"
#include "gsd/survival/latency.hpp"
#include "latency_sampler.hpp"

namespace gsd::simulate::detail {

LatencySampler latency_sampler(const survival::Latency& latency);
AccrualSampler accrual_sampler(const survival::Accrual& accrual);

}  // namespace gsd::simulate::detail
