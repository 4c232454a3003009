// gsd monitor for Simon's two-stage design: the looks' counts checked
// against the design the trial runs and judged by its rules, and the
// inference once it has ended (endpoints/simon_inference.hpp).
#include <cmath>
#include <string>

#include "gsd/numerics/check.hpp"
#include "gsd/numerics/invalid_input.hpp"
#include "monitor_simon.hpp"
#include "simon_design.hpp"

namespace gsd::detail {

namespace {

using numerics::FieldPath;
using numerics::InvalidInput;

FieldPath look_path(std::size_t k, const char* key) { return FieldPath{"monitoring", "looks", k, key}; }

// A count of patients or responders: a whole number in [least, most].
int count_of(double value, const FieldPath& path, int least, int most, const std::string& rule) {
  if (!(value >= least && value <= most) || std::fpclassify(value - std::round(value)) != FP_ZERO) {
    throw InvalidInput(path, numerics::format_input(value), rule);
  }
  return static_cast<int>(value);
}

}  // namespace

endpoints::SimonObserved simon_monitoring_counts(const MonitoringSettings& m) {
  const std::vector<SimonLookInput>& looks = m.simon_looks;
  if (looks.size() > 2) {
    throw InvalidInput(FieldPath{"monitoring", "looks", std::size_t{2}},
                       "is a third look: Simon's design has two, the end of stage 1 and the end of stage 2");
  }
  if (m.confidence_level && !(*m.confidence_level > 0.0 && *m.confidence_level < 1.0)) {
    throw InvalidInput({"monitoring", "confidence_level"}, numerics::format_input(*m.confidence_level),
                       "must lie in (0, 1), e.g. 0.9 for a 90% interval");
  }
  constexpr int kMost = endpoints::SimonObserved::kMaxStagePatients;
  endpoints::SimonObserved out;
  if (looks.empty()) return out;
  const SimonLookInput& first = looks[0];
  out.stage1_patients =
      count_of(first.n, look_path(0, "n"), 1, kMost, "must be a whole number in [1, " + std::to_string(kMost) + "]");
  out.stage1_responders = count_of(first.responders, look_path(0, "responders"), 0, out.stage1_patients,
                                   "must be a whole number from 0 to the look's " +
                                       std::to_string(out.stage1_patients) + " patients");
  if (looks.size() < 2) return out;
  const SimonLookInput& second = looks[1];
  const int n = count_of(second.n, look_path(1, "n"), out.stage1_patients + 1, out.stage1_patients + kMost,
                         "must be a whole number above stage 1's " + std::to_string(out.stage1_patients) +
                             " patients, with at most " + std::to_string(kMost) +
                             " more: a look counts every patient so far");
  const int x = count_of(second.responders, look_path(1, "responders"), out.stage1_responders,
                         out.stage1_responders + (n - out.stage1_patients),
                         "must be a whole number from stage 1's " + std::to_string(out.stage1_responders) +
                             " responders to that plus stage 2's " + std::to_string(n - out.stage1_patients) +
                             " patients: a look counts every patient so far");
  out.stage2_patients = n - out.stage1_patients;
  out.stage2_responders = x - out.stage1_responders;
  return out;
}

MonitoringReport monitor_simon_trial(const Trial& trial) {
  const MonitoringSettings& m = *trial.monitoring;
  const std::vector<SimonLookInput>& looks = m.simon_looks;
  if (looks.empty()) {
    throw InvalidInput({"monitoring", "looks"}, "[]",
                       "must hold stage 1's look, e.g. [{\"n\": 10, \"responders\": 2}]");
  }
  SimonMonitoring out;
  out.observed = simon_monitoring_counts(m);
  out.plan = simon_plan(*trial.simon);
  const endpoints::SimonSpec& spec = trial.simon->spec;
  out.confidence_level = m.confidence_level.value_or(1.0 - 2.0 * spec.alpha);
  out.inputs = looks;
  const endpoints::SimonDesign& d = out.design();
  endpoints::SimonObserved stage1 = out.observed;
  stage1.stage2_patients.reset();
  stage1.stage2_responders.reset();
  const auto infer = [&](const endpoints::SimonObserved& o) {
    return endpoints::simon_inference(d, spec.null_rate, spec.alternative_rate, spec.alpha, o, out.confidence_level);
  };
  out.looks.push_back(infer(stage1));
  if (out.observed.has_stage2()) {
    if (out.looks[0].decision == endpoints::SimonDecision::kStop) {
      throw InvalidInput(FieldPath{"monitoring", "looks", std::size_t{1}},
                         "follows a stop: stage 1 had " + std::to_string(out.observed.stage1_responders) +
                             (out.observed.stage1_responders == 1 ? " responder" : " responders") + " of " +
                             std::to_string(out.observed.stage1_patients) + ", at most r1 = " + std::to_string(d.r1) +
                             ", so the trial ended there; remove this look");
    }
    out.looks.push_back(infer(out.observed));
  }
  MonitoringReport report;
  report.name = trial.name;
  report.simon = std::move(out);
  return report;
}

}  // namespace gsd::detail
