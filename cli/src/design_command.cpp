// `gsd design CONFIG` and `gsd design --batch FILE.jsonl --format jsonl`.
#include <fstream>
#include <nlohmann/json.hpp>

#include "gsd/atomic_file.hpp"
#include "commands.hpp"
#include "gsd/design.hpp"
#include "gsd/errors.hpp"
#include "gsd/json.hpp"
#include "gsd/load.hpp"
#include "gsd/render/design_output.hpp"

namespace gsd::cli {

namespace {

CommandResult run_single(const DesignArgs& args, const RunOptions& run) {
  const DesignResult result = design_trial(load_trial_file(args.config), run);
  CommandResult out;
  switch (args.format) {
    case OutputFormat::kJson:
      out.stdout_text = to_json(result).dump(2) + "\n";
      break;
    case OutputFormat::kCsv:
      out.stdout_text = render::design_csv(result);
      break;
    default:
      out.stdout_text = render::design_text(result);
  }
  // The plot is written last, atomically, so a failure leaves no partial file
  // and (being an exception) nothing on stdout.
  if (!args.plot.empty()) {
    write_file_atomically(args.plot, render::stack_charts(render::design_charts(result)));
  }
  return out;
}

// One line of a batch: a result object, or {"error": "..."} that names the line.
nlohmann::json run_batch_line(const std::string& text, const std::string& source,
                              const RunOptions& run) {
  try {
    return to_json(design_trial(load_trial(parse_json(text, source)), run));
  } catch (const InvalidInput& e) {
    // Syntax errors already start with the source; field errors get it here.
    const std::string what = error_message(e);
    return {{"error", what.rfind(source, 0) == 0 ? what : source + ": " + what}};
  } catch (const NumericalError& e) {
    return {{"error", source + ": numerical failure: " + e.what()}};
  } catch (const std::invalid_argument& e) {
    return {{"error", source + ": " + e.what()}};
  }
}

CommandResult run_batch(const DesignArgs& args, const RunOptions& run) {
  std::ifstream in(args.batch);
  if (!in) usage_error(args.batch + ": cannot read the batch file (does it exist?)");
  CommandResult result;
  std::string line;
  for (std::size_t n = 1; std::getline(in, line); ++n) {
    const std::string source = args.batch + " line " + std::to_string(n);
    result.stdout_text += run_batch_line(line, source, run).dump() + "\n";
  }
  if (in.bad()) usage_error(args.batch + ": error while reading the batch file");
  return result;
}

}  // namespace

CommandResult run_design(const DesignArgs& args, const RunOptions& run) {
  if (!args.batch.empty()) {
    if (!args.config.empty()) usage_error("give either CONFIG or --batch FILE, not both");
    if (args.format != OutputFormat::kJsonl) {
      usage_error("--batch writes one JSON result per line; add --format jsonl");
    }
    if (!args.plot.empty()) usage_error("--plot draws one design; it cannot be used with --batch");
    return run_batch(args, run);
  }
  if (args.config.empty()) usage_error("missing CONFIG (or --batch FILE.jsonl --format jsonl)");
  if (args.format == OutputFormat::kJsonl) {
    usage_error("--format jsonl is for --batch; use --format json for one config");
  }
  return run_single(args, run);
}

}  // namespace gsd::cli
