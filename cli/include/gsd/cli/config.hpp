#pragma once
// A whole config file: name, the parsed design, and the raw JSON of the other
// sections, which each command parses with its own module's parser.
#include <nlohmann/json.hpp>
#include <string>

#include "gsd/spending/design_spec.hpp"

namespace gsd::cli {

struct Config {
  std::string source;  // file name, for messages
  std::string name;
  nlohmann::json root;
  DesignSpec design;
};

// Validates the top-level keys and the design section.
Config load_config(nlohmann::json root, const std::string& source);
Config load_config_file(const std::string& path);

}  // namespace gsd::cli
