// Words for a Simon two-stage trial's looks (see presentation.hpp).
#include <cstdio>
#include <string>
#include <vector>

#include "gsd/numerics/unsigned_zero.hpp"
#include "gsd/presentation.hpp"

namespace gsd {

namespace {

using endpoints::SimonDecision;

std::string count(int n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string fixed(const char* format, double x) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, format, numerics::unsigned_zero(x));
  std::string out = buffer;
  numerics::unsign_printed_zeros(out);  // -1e-9 at "%.4f": 0.0000
  return out;
}

}  // namespace

const char* simon_decision_name(SimonDecision decision) noexcept {
  switch (decision) {
    case SimonDecision::kStop:
      return "stop-futility";
    case SimonDecision::kContinue:
      return "continue";
    case SimonDecision::kPromising:
      return "stop-efficacy";
    case SimonDecision::kNotPromising:
      return "final-no-rejection";
  }
  return "continue";
}

const char* simon_verdict(SimonDecision decision) noexcept {
  switch (decision) {
    case SimonDecision::kStop:
      return "stop after stage 1";
    case SimonDecision::kContinue:
      return "go on to stage 2";
    case SimonDecision::kPromising:
      return "promising";
    case SimonDecision::kNotPromising:
      return "not promising";
  }
  return "go on to stage 2";
}

std::string simon_look_reason(const SimonMonitoring& m, std::size_t k) {
  const endpoints::SimonInferenceResult& r = m.looks[k];
  const endpoints::SimonDesign& d = m.design();
  const std::string seen = count(r.responders, "responder", "responders") + " of " + std::to_string(r.patients);
  switch (r.decision) {
    case SimonDecision::kStop:
      return seen + ", at most r1 = " + std::to_string(d.r1) +
             ": stop after stage 1; the treatment is not promising";
    case SimonDecision::kContinue:
      return seen + ", more than r1 = " + std::to_string(d.r1) + ": go on to stage 2 and treat " +
             std::to_string(d.n - d.n1) + " more";
    case SimonDecision::kPromising:
    case SimonDecision::kNotPromising: {
      const bool promising = r.decision == SimonDecision::kPromising;
      if (r.planned_sizes) {
        return seen + (promising ? ", more than r = " : ", at most r = ") + std::to_string(d.r) + ": " +
               (promising ? "the treatment is promising (H0 rejected)" : "the treatment is not promising");
      }
      return seen + " (" + std::to_string(d.n) + " planned): p-value " + fixed("%.4g", r.p_value) +
             (promising ? " <= alpha " : " > alpha ") + fixed("%g", m.plan.settings.spec.alpha) + ": " +
             (promising ? "the treatment is promising (H0 rejected)" : "the treatment is not promising");
    }
  }
  return seen;
}

std::vector<std::string> simon_monitoring_warnings(const SimonMonitoring& m) {
  std::vector<std::string> out;
  const endpoints::SimonDesign& d = m.design();
  const endpoints::SimonObserved& o = m.observed;
  if (o.stage1_patients != d.n1) {
    out.push_back("stage 1 has " + std::to_string(o.stage1_patients) + " patients where the design planned " +
                  std::to_string(d.n1) + ": its stop rule (at most r1 = " + count(d.r1, "responder", "responders") +
                  ") is kept, and the probabilities are those of the patients treated");
  }
  if (o.has_stage2() && *o.stage2_patients != d.n - d.n1) {
    out.push_back("stage 2 has " + std::to_string(*o.stage2_patients) + " patients where the design planned " +
                  std::to_string(d.n - d.n1) + ": the treatment is judged by the p-value against alpha, " +
                  "which at the planned sizes is the design's rule");
  }
  return out;
}

}  // namespace gsd
