// `gsd design CONFIG` and `gsd design --batch FILE.jsonl --format jsonl`.
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
#include "whole_flag.hpp"

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
  // Checked before the design is solved, and never the config itself.
  check_output_files({{"--plot", args.plot}}, {{"the config", args.config}});
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

}  // namespace

CommandResult run_design(const DesignArgs& args, const RunOptions& run) {
  const int threads = threads_flag(args.threads);
  if (args.batch.empty() && threads != 1) {
    usage_error("--threads runs the lines of a --batch file at once; it needs --batch FILE");
  }
  if (!args.batch.empty()) {
    if (!args.config.empty()) usage_error("give either CONFIG or --batch FILE, not both");
    if (args.format != OutputFormat::kJsonl) {
      usage_error("--batch writes one JSON result per line; add --format jsonl");
    }
    if (!args.plot.empty()) usage_error("--plot draws one design; it cannot be used with --batch");
    if (args.summary) usage_error("--summary describes one design; it cannot be used with --batch");
    BatchOptions batch;
    batch.threads = threads;
    return run_batch_file(args.batch, Command::kDesign, batch, run);
  }
  if (args.config.empty()) usage_error("missing CONFIG (or --batch FILE.jsonl --format jsonl)");
  if (args.format == OutputFormat::kJsonl) {
    usage_error("--format jsonl is for --batch; use --format json for one config");
  }
  return run_single(args, run);
}

}  // namespace gsd::cli
