#include "gsd/load.hpp"

#include <algorithm>
#include <fstream>
#include <array>

#include "gsd/numerics/check.hpp"
#include "loaders.hpp"
#include "strict_json.hpp"

namespace gsd {

using numerics::InvalidInput;

nlohmann::json parse_json(const std::string& text, const std::string& source) {
  try {
    // Depth and duplicate keys first, before a document is built; a syntax
    // error is left to the parser below, which reports where it is.
    (void)detail::check_json_limits(text, source);
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    // nlohmann reports a byte offset; turn it into line and column.
    const std::size_t offset = std::min<std::size_t>(e.byte, text.size());
    std::size_t line = 1;
    std::size_t column = 1;
    for (std::size_t i = 0; i + 1 < offset; ++i) {
      if (text[i] == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
    }
    std::string what = e.what();
    // Keep nlohmann's description, drop its "[json.exception.parse_error.101]" prefix.
    if (const auto pos = what.find("syntax error"); pos != std::string::npos) what = what.substr(pos);
    throw InvalidInput({}, source + ":" + std::to_string(line) + ":" + std::to_string(column) +
                               ": malformed JSON: " + what);
  } catch (const nlohmann::json::out_of_range& e) {
    // A number beyond the double range (1e999): not finite, so bad input.
    std::string what = e.what();
    if (const auto pos = what.find("number overflow"); pos != std::string::npos) {
      what = what.substr(pos);
    }
    throw InvalidInput({}, source + ": malformed JSON: " + what + " (numbers must be finite)");
  }
}

nlohmann::json read_json_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InvalidInput({}, path + ": cannot read the config file (does it exist?)");
  // Read in chunks and stop past the limit, so that a huge file (or a
  // device that never ends) costs no more memory than the limit.
  std::string text;
  std::array<char, 1 << 16> chunk{};
  while (text.size() <= kMaxJsonFileBytes &&
         in.read(chunk.data(), static_cast<std::streamsize>(chunk.size())).gcount() > 0) {
    text.append(chunk.data(), static_cast<std::size_t>(in.gcount()));
  }
  if (in.bad()) throw InvalidInput({}, path + ": error while reading the config file");
  if (text.size() > kMaxJsonFileBytes) {
    throw InvalidInput({}, path + ": the file is larger than " +
                               std::to_string(kMaxJsonFileBytes >> 20) +
                               " MiB, the limit for a config or record");
  }
  return parse_json(text, path);
}

Trial load_trial(const nlohmann::json& config) {
  const detail::JsonNode top(config, {});
  top.expect_object();
  top.expect_keys({"name", "description", "design", "survival", "endpoint", "simulation", "monitoring"});
  Trial trial;
  if (const auto name = top.find("name")) trial.name = name->string();
  if (const auto description = top.find("description")) trial.description = description->string();
  if (!top.has("design")) top.fail_missing("design", "every config needs a design section");
  trial.design = detail::load_design(top.at("design"));
  if (const auto survival = top.find("survival")) {
    trial.survival = detail::load_survival(*survival);
    // One look trigger per design look, then their own rules.
    const std::vector<survival::LookTrigger>& looks = trial.survival->looks;
    const std::size_t design_looks = trial.design.information_fractions.size();
    if (!looks.empty() && looks.size() != design_looks) {
      numerics::fail_sizes({"survival", "looks"}, looks.size(), "design.information_fractions",
                           design_looks);
    }
    numerics::within({"survival"}, [&] { trial.survival->validate_looks(); });
    if (const auto test = survival->find("test")) trial.survival_test = detail::load_survival_test(*test);
  }
  if (const auto endpoint = top.find("endpoint")) {
    if (trial.survival) {
      throw InvalidInput({"endpoint"}, "is given with a survival section: a trial has one endpoint, "
                                       "a survival model (survival) or a normal or binary one (endpoint)");
    }
    trial.endpoint = detail::load_endpoint(*endpoint);
    numerics::within({"endpoint"}, [&] { trial.endpoint->validate(trial.design.alpha_per_side()); });
  }
  detail::convert_futility_hazard_ratios(top.at("design"), trial.design, trial.survival, trial.endpoint);
  detail::convert_futility_effects(top.at("design"), trial.design, trial.endpoint);
  if (const auto simulation = top.find("simulation")) {
    simulation->expect_object();
    if (trial.endpoint) {
      // A normal or binary endpoint's trial takes replicates and seed; its
      // looks come at the planned patients, with no calendar or strata.
      for (const char* key : {"max_duration", "randomisation", "block_size", "look_events", "strata"}) {
        if (simulation->has(key)) {
          throw InvalidInput(simulation->path().key(key),
                             "applies to a survival trial: a normal or binary endpoint's looks come "
                             "at the planned patients; remove it");
        }
      }
      trial.simulation = detail::load_simulation(*simulation, nlohmann::json::object());
      if (const auto truth = simulation->find("endpoint")) {
        trial.simulation->endpoint_truth = detail::load_endpoint_truth(*truth, *trial.endpoint);
      }
    } else {
      if (simulation->has("endpoint")) {
        throw InvalidInput(simulation->path().key("endpoint"),
                           "applies to a normal or binary endpoint (the config's endpoint section); "
                           "a survival trial's model is changed by strata");
      }
      if (!trial.survival) {
        top.fail_missing("survival", "the simulation section draws trials from the survival model");
      }
      trial.simulation = detail::load_simulation(*simulation, top.at("survival").json());
      if (trial.simulation->max_duration) {
        trial.survival->check_calendar_time({"simulation", "max_duration"}, *trial.simulation->max_duration);
      }
    }
  }
  if (const auto monitoring = top.find("monitoring")) {
    monitoring->expect_object();
    trial.monitoring = detail::load_monitoring(*monitoring, trial.endpoint.has_value());
    for (std::size_t k = 0; k < trial.monitoring->endpoint_looks.size(); ++k) {
      numerics::within(numerics::FieldPath{"monitoring", "looks", k},
                       [&] { trial.monitoring->endpoint_looks[k].data.validate(*trial.endpoint); });
    }
  }
  return trial;
}

Trial load_trial_file(const std::string& path) { return load_trial(read_json_file(path)); }

}  // namespace gsd
