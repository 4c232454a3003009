// `gsd design CONFIG` and `gsd design --batch FILE.jsonl --format jsonl`.
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "gsd/atomic_file.hpp"
#include "gsd/boundary_summary.hpp"
#include "commands.hpp"
#include "gsd/design.hpp"
#include "gsd/errors.hpp"
#include "gsd/json.hpp"
#include "gsd/load.hpp"
#include "gsd/render/boundary_summary_output.hpp"
#include "gsd/render/design_output.hpp"

namespace gsd::cli {

namespace {

// The bound-by-bound summary in the chosen format.
std::string summary_text(const DesignResult& result, OutputFormat format) {
  const std::vector<BoundSummaryRow> rows = boundary_summary(result);
  switch (format) {
    case OutputFormat::kJson:
      return boundary_summary_json(rows).dump(2) + "\n";
    case OutputFormat::kCsv:
      return render::boundary_summary_csv(rows);
    default:
      return render::boundary_summary_text(rows);
  }
}

CommandResult run_single(const DesignArgs& args, const RunOptions& run) {
  const DesignResult result = design_trial(load_trial_file(args.config), run);
  CommandResult out;
  if (args.summary) {
    out.stdout_text = summary_text(result, args.format);
  } else {
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
    return {{"error", source + ": " + error_message(e)}};
  } catch (const std::invalid_argument& e) {
    return {{"error", source + ": " + e.what()}};
  }
}

// Reads the next line (without its newline) into `line`, keeping at most
// kMaxBatchLineBytes of it; `too_long` says that more was skipped. False at
// the end of the input.
bool read_bounded_line(std::streambuf& in, std::string& line, bool& too_long) {
  line.clear();
  too_long = false;
  bool any = false;
  for (int c = in.sbumpc(); c != std::char_traits<char>::eof(); c = in.sbumpc()) {
    any = true;
    if (c == '\n') return true;
    if (line.size() < kMaxBatchLineBytes) {
      line.push_back(static_cast<char>(c));
    } else {
      too_long = true;
    }
  }
  return any;
}

// Streams: each result is written as soon as it is made, so memory does not
// grow with the number of lines. Only an unreadable file fails the whole
// command, before anything is written.
CommandResult run_batch(const DesignArgs& args, const RunOptions& run) {
  std::ifstream in(args.batch, std::ios::binary);
  if (!in) usage_error(args.batch + ": cannot read the batch file (does it exist?)");
  std::string line;
  bool too_long = false;
  for (std::size_t n = 1; read_bounded_line(*in.rdbuf(), line, too_long); ++n) {
    const std::string source = args.batch + " line " + std::to_string(n);
    const nlohmann::json result =
        too_long ? nlohmann::json{{"error", source + ": the line is longer than " +
                                                std::to_string(kMaxBatchLineBytes >> 20) +
                                                " MiB, the limit for one config"}}
                 : run_batch_line(line, source, run);
    const std::string text = result.dump() + "\n";
    std::fwrite(text.data(), 1, text.size(), stdout);
  }
  return {};
}

}  // namespace

CommandResult run_design(const DesignArgs& args, const RunOptions& run) {
  if (!args.batch.empty()) {
    if (!args.config.empty()) usage_error("give either CONFIG or --batch FILE, not both");
    if (args.format != OutputFormat::kJsonl) {
      usage_error("--batch writes one JSON result per line; add --format jsonl");
    }
    if (!args.plot.empty()) usage_error("--plot draws one design; it cannot be used with --batch");
    if (args.summary) usage_error("--summary describes one design; it cannot be used with --batch");
    return run_batch(args, run);
  }
  if (args.config.empty()) usage_error("missing CONFIG (or --batch FILE.jsonl --format jsonl)");
  if (args.format == OutputFormat::kJsonl) {
    usage_error("--format jsonl is for --batch; use --format json for one config");
  }
  return run_single(args, run);
}

}  // namespace gsd::cli
