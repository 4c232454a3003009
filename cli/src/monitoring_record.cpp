#include "gsd/cli/monitoring_record.hpp"

#include <chrono>
#include <ctime>

#include "gsd/cli/json_node.hpp"

namespace gsd::cli {

namespace {

void check_record(const nlohmann::json& doc, const std::string& path) {
  try {
    const JsonNode record(doc, "record");
    record.expect_keys({"format", "version", "created_at", "config", "looks"});
    const JsonNode format = record.at("format");
    if (format.string() != kRecordFormat) {
      format.fail(std::string("must be \"") + kRecordFormat + "\": this is not a monitoring record");
    }
    if (record.at("version").integer() != kRecordVersion) {
      record.at("version").fail("is not a record version this gsd reads (it reads 1)");
    }
    record.at("config").expect_object();
    const JsonNode looks = record.at("looks");
    for (std::size_t k = 0; k < looks.size(); ++k) {
      const JsonNode look = looks.element(k);
      look.expect_object();
      look.at("input").expect_object();
      (void)look.at("recorded_at").string();
    }
  } catch (const ConfigError& e) {
    throw ConfigError(path + ": " + e.what());
  }
}

}  // namespace

nlohmann::json load_record(const std::string& path) {
  nlohmann::json doc = read_json_file(path);
  check_record(doc, path);
  return doc;
}

nlohmann::json new_record(const nlohmann::json& config_root, const std::string& now) {
  nlohmann::json config = config_root;
  if (!config.contains("monitoring") || config["monitoring"].is_null()) {
    config["monitoring"] = nlohmann::json::object();
  }
  if (config["monitoring"].is_object()) config["monitoring"].erase("looks");
  return {{"format", kRecordFormat},
          {"version", kRecordVersion},
          {"created_at", now},
          {"config", config},
          {"looks", nlohmann::json::array()}};
}

Config record_config(const nlohmann::json& record, const std::string& source,
                     const nlohmann::json& extra_look) {
  nlohmann::json root = record.at("config");
  nlohmann::json looks = nlohmann::json::array();
  for (const auto& look : record.at("looks")) looks.push_back(look.at("input"));
  if (!extra_look.is_null()) looks.push_back(extra_look);
  if (!root.contains("monitoring") || !root["monitoring"].is_object()) {
    root["monitoring"] = nlohmann::json::object();
  }
  root["monitoring"]["looks"] = looks;
  return load_config(std::move(root), source);
}

std::string utc_now() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

}  // namespace gsd::cli
