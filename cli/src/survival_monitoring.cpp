#include "gsd/cli/survival_monitoring.hpp"

#include <stdexcept>
#include <string>

#include "gsd/cli/config_error.hpp"
#include "gsd/cli/sample_size_output.hpp"
#include "gsd/engine/survival/logrank_drift.hpp"

namespace gsd::cli {

void attach_survival_model(const Config& config, monitoring::MonitoringPlan& plan) {
  if (plan.assumed_hazard_ratio || !config.root.contains("survival")) return;
  const std::optional<SampleSizeResult> sized =
      solve_sample_size(config, compute_design(config.design));
  if (!sized) return;
  const survival::SurvivalSpec spec = sized->spec;
  const auto patients = static_cast<double>(sized->plan.patients);
  plan.model_means = [spec, patients](const std::vector<double>& events) {
    try {
      return survival::logrank_means_at_events(spec, patients, events);
    } catch (const std::domain_error& e) {
      // A planned look beyond what the model's patients can produce.
      throw ConfigError(std::string("survival.").append(e.what()));
    }
  };
}

}  // namespace gsd::cli
