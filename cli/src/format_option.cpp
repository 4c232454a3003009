#include <map>

#include "gsd/cli/command.hpp"

namespace gsd::cli {

CLI::Option* add_format_option(CLI::App& command, OutputFormat& format,
                               std::initializer_list<std::string> choices) {
  static const std::map<std::string, OutputFormat> kAll = {{"text", OutputFormat::kText},
                                                           {"json", OutputFormat::kJson},
                                                           {"csv", OutputFormat::kCsv},
                                                           {"jsonl", OutputFormat::kJsonl}};
  std::string names;
  for (const auto& c : choices) names += (names.empty() ? "" : ", ") + c;
  const std::vector<std::string> allowed(choices);
  return command
      .add_option_function<std::string>(
          "--format", [&format](const std::string& value) { format = kAll.at(value); },
          "Output format: " + names + " (default text)")
      ->check(CLI::Validator(
          [allowed, names](std::string& value) -> std::string {
            for (const auto& a : allowed) {
              if (a == value) return {};
            }
            return "--format " + value + " is not one of: " + names;
          },
          "FORMAT"));
}

}  // namespace gsd::cli
