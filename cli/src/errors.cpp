#include <string>
#include <variant>

#include "commands.hpp"
#include "gsd/errors.hpp"
#include "gsd/render/error_output.hpp"

namespace gsd::cli {

std::string error_message(const InvalidInput& error) {
  const auto& parts = error.path().parts();
  const auto* root = parts.empty() ? nullptr : std::get_if<std::string>(&parts.front());
  if (root && *root == "options" && parts.size() >= 2) {
    if (const auto* key = std::get_if<std::string>(&parts[1])) {
      std::string flag = "--" + *key;
      for (char& c : flag) {
        if (c == '_') c = '-';
      }
      const FieldPath path =
          FieldPath(std::vector<numerics::PathPart>(parts.begin() + 2, parts.end())).under({flag});
      return InvalidInput(path, error.value(), error.rule()).message(PathStyle::kJson);
    }
  }
  return error.message(PathStyle::kJson);
}

std::string error_message(const NumericalError& error) {
  return render::numerical_failure_message(error) +
         ", and --log-level debug shows where the solver stopped";
}

void usage_error(const std::string& message) { throw InvalidInput({}, message); }

}  // namespace gsd::cli
