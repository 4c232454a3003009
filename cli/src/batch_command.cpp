// `gsd design --batch FILE` and `gsd simulate --batch FILE`: the library runs
// the lines (gsd::run_batch, on --threads threads); this file writes each
// result, or the line's error, as one JSON line in input order.
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "commands.hpp"
#include "gsd/batch.hpp"
#include "gsd/errors.hpp"
#include "gsd/render/error_output.hpp"

namespace gsd::cli {

namespace {

// `--batch -`, and the name its lines' errors give it.
constexpr const char* kStandardInput = "-";
constexpr const char* kStandardInputName = "stdin";

// Each result, or the line's error, as one line on stdout. The batch streams:
// each result is written as soon as its chunk is done, so memory does not grow
// with the number of lines. A write to stdout that fails ends the batch there
// (StdoutError).
std::function<void(const BatchLine&)> line_writer(const std::string& source) {
  return [source](const BatchLine& line) {
    // An error names the file, whose name need not be UTF-8: such bytes are
    // written as U+FFFD rather than failing the line's JSON.
    const std::string text =
        (line.error ? render::batch_error_line(line, batch_line_source(source, line.number),
                                              [](const InvalidInput& e) { return error_message(e); })
                          .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
                    : line.text) +
        "\n";
    write_stdout(text);
  };
}

}  // namespace

// Only an unreadable file, or a batch under mpirun, fails the whole command,
// before anything is written.
CommandResult run_batch_file(const std::string& file, Command command, const BatchOptions& batch,
                             const RunOptions& run) {
#if defined(GSD_WITH_MPI)
  // A batch is one process on --threads threads: under an MPI launcher
  // every process would run, and write, every line.
  if (std::getenv("OMPI_COMM_WORLD_SIZE") || std::getenv("PMI_SIZE") || std::getenv("PMIX_RANK")) {
    usage_error("--batch runs in one process on --threads threads; start it without mpirun");
  }
#endif
  // The results come back as text, serialised on the batch's threads.
  BatchOptions as_text = batch;
  as_text.text = true;
  if (file == kStandardInput) {
    // std::cin reads through stdio (synchronised with it), which ends the
    // input at a failed read: ferror tells the two apart.
    run_batch(std::cin, kStandardInputName, command, as_text, line_writer(kStandardInputName), run);
    if (std::ferror(stdin)) usage_error("--batch -: cannot read standard input");
    return {};
  }
  // The library refuses a directory or an unreadable file by the flag's name.
  gsd::run_batch_file(file, FieldPath{"--batch"}, command, as_text, line_writer(file), run);
  return {};
}

}  // namespace gsd::cli
