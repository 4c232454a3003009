#pragma once
// The one error type of the configuration layer. Its message is the complete
// stderr line after "error: ", naming the JSON path, the value and the rule,
// for example "design.alpha = 0.7 must lie in (0, 0.5)". The CLI maps it to
// exit code 2 (../shared/CONTRACT.md).
#include <stdexcept>
#include <string>

namespace gsd::cli {

class ConfigError : public std::runtime_error {
 public:
  explicit ConfigError(const std::string& message) : std::runtime_error(message) {}
};

// Exit codes of the contract.
inline constexpr int kExitOk = 0;
inline constexpr int kExitNumerical = 1;
inline constexpr int kExitBadInput = 2;

}  // namespace gsd::cli
