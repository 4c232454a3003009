// `gsd design --batch FILE` and `gsd simulate --batch FILE`: the library runs
// the lines (gsd::run_batch, on --threads threads); this file writes each
// result, or the line's error, as one JSON line in input order.
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "commands.hpp"
#include "gsd/batch.hpp"
#include "gsd/errors.hpp"
#include "gsd/render/error_output.hpp"

namespace gsd::cli {

// Streams: each result is written as soon as its chunk is done, so memory
// does not grow with the number of lines. Only an unreadable file fails the
// whole command, before anything is written.
CommandResult run_batch_file(const std::string& file, Command command, const BatchOptions& batch,
                             const RunOptions& run) {
  std::ifstream in(file, std::ios::binary);
  if (!in) usage_error(file + ": cannot read the batch file (does it exist?)");
  // The results come back as text, serialised on the batch's threads.
  BatchOptions as_text = batch;
  as_text.text = true;
  run_batch(in, file, command, as_text, [&](const BatchLine& line) {
    const std::string text =
        (line.error ? render::batch_error_line(line, batch_line_source(file, line.number),
                                              [](const InvalidInput& e) { return error_message(e); })
                          .dump()
                    : line.text) +
        "\n";
    std::fwrite(text.data(), 1, text.size(), stdout);
  }, run);
  return {};
}

}  // namespace gsd::cli
