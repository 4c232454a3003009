#include <cstdio>
#include <optional>
#include <string>
#include <variant>

#include "commands.hpp"
#include "gsd/errors.hpp"
#include "gsd/load.hpp"
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

void write_stdout(std::string_view text) {
  if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size() || std::ferror(stdout)) {
    throw StdoutError();
  }
}

void require_utf8(const std::string& flag, const std::string& text, const std::string& what) {
  if (const std::optional<std::size_t> bad = first_invalid_utf8(text)) {
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(text[*bad])));
    usage_error(flag + " must be UTF-8 text: byte " + std::to_string(*bad + 1) + " is " + byte +
                ", which begins no UTF-8 character there; give " + what + " in UTF-8");
  }
}

void usage_error(const std::string& message) { throw InvalidInput({}, message); }

}  // namespace gsd::cli
