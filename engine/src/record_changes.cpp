// decision_changes (record.hpp) apart from the rest of the record code: it
// reads a record document and needs neither files, locks nor libcrypto, so
// the WebAssembly build, which keeps no records, has it for the text of a
// replay (render::record_text).
#include "gsd/presentation.hpp"
#include "gsd/record.hpp"

namespace gsd {

std::vector<DecisionChange> decision_changes(const nlohmann::json& record,
                                             const MonitoringReport& report) {
  std::vector<DecisionChange> out;
  const auto& entries = record.at("looks");
  if (report.simon) {
    for (std::size_t k = 0; k < entries.size() && k < report.simon->looks.size(); ++k) {
      const std::string then = entries[k].value("decision", "");
      const std::string now = simon_decision_name(report.simon->looks[k].decision);
      if (!then.empty() && then != now) out.push_back({k + 1, then, now});
    }
    return out;
  }
  const std::vector<LookOutcome> outcomes = look_outcomes(report);
  for (std::size_t k = 0; k < entries.size() && k < outcomes.size(); ++k) {
    const std::string then = entries[k].value("decision", "");
    const std::string now = decision_name(outcomes[k].decision);
    if (!then.empty() && then != now) out.push_back({k + 1, then, now});
  }
  return out;
}

}  // namespace gsd
