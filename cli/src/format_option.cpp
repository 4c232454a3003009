#include <map>

#include "gsd/cli/command.hpp"

namespace gsd::cli {

CLI::Option* add_format_option(CLI::App& command, OutputFormat& format,
                               std::initializer_list<std::string> choices) {
  static const std::map<std::string, OutputFormat> kAll = {{"text", OutputFormat::kText},
                                                           {"json", OutputFormat::kJson},
                                                           {"csv", OutputFormat::kCsv},
                                                           {"jsonl", OutputFormat::kJsonl}};
  std::map<std::string, OutputFormat> allowed;
  for (const auto& c : choices) allowed.emplace(c, kAll.at(c));
  return command.add_option("--format", format, "Output format")
      ->transform(CLI::CheckedTransformer(allowed, CLI::ignore_case))
      ->default_str("text");
}

}  // namespace gsd::cli
