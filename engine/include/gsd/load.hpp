#pragma once
// The JSON config of gsd (docs/config.md) to a Trial. Every front end (the
// command line, the R and Python packages, the web page) accepts the same
// JSON through these functions, so they all see the same trial and give the
// same numbers. Every failure is an InvalidInput naming the field by its path
// from the root ({"design", "information_fractions", 2}), the value and the
// rule.
#include <nlohmann/json.hpp>
#include <string>

#include "gsd/trial.hpp"

namespace gsd {

// Parses JSON text. A syntax error is an InvalidInput with an empty path and
// the rule "<source>:<line>:<column>: malformed JSON: ...".
nlohmann::json parse_json(const std::string& text, const std::string& source);

// Reads and parses a file; an unreadable file is an InvalidInput too.
nlohmann::json read_json_file(const std::string& path);

// Loads and validates a whole config: the design, and the survival,
// simulation and monitoring sections where present.
Trial load_trial(const nlohmann::json& config);
Trial load_trial_file(const std::string& path);

}  // namespace gsd
