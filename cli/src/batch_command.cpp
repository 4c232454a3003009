// `gsd design --batch FILE` and `gsd simulate --batch FILE`: the library runs
// the lines (gsd::run_batch, on --threads threads); this file writes each
// result, or the line's error, as one JSON line in input order.
#include <cstddef>
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
#include "stop_signals.hpp"

namespace gsd::cli {

namespace {

// `--batch -`, and the name its lines' errors give it.
constexpr const char* kStandardInput = "-";
constexpr const char* kStandardInputName = "stdin";

// Each result, or the line's error, as one line on stdout. The batch streams:
// each result is written as soon as its chunk is done, so memory does not grow
// with the number of lines. A write to stdout that fails ends the batch there
// (StdoutError). `written` counts the lines.
std::function<void(const BatchLine&)> line_writer(const std::string& source, std::size_t& written) {
  return [source, &written](const BatchLine& line) {
    // An error names the file, whose name need not be UTF-8: such bytes are
    // written as U+FFFD rather than failing the line's JSON.
    const std::string text =
        (line.error ? render::batch_error_line(line, batch_line_source(source, line.number),
                                              [](const InvalidInput& e) { return error_message(e); })
                          .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
                    : line.text) +
        "\n";
    write_stdout(text);
    ++written;
  };
}

// SIGINT or SIGTERM stopped the batch (BatchOptions::stop): the lines written
// are whole, in input order; the chunk that was running is not written.
[[noreturn]] void exit_stopped(std::size_t written) {
  std::fflush(stdout);  // the lines in stdio's buffer, before the signal ends the process
  exit_interrupted(written == 0 ? std::string("stopped before any line's result was written")
                                : "stopped after the results of lines 1 to " + std::to_string(written) +
                                      ", each written whole; run the lines from " +
                                      std::to_string(written + 1) + " on again");
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
  StopSignals signals;
  as_text.stop = &stop_flag();
  std::size_t written = 0;
  if (file == kStandardInput) {
    // std::cin reads through stdio (synchronised with it), which ends the
    // input at a failed read: ferror tells the two apart.
    if (!run_batch(std::cin, kStandardInputName, command, as_text, line_writer(kStandardInputName, written),
                   run)) {
      exit_stopped(written);
    }
    if (std::ferror(stdin)) usage_error("--batch -: cannot read standard input");
    return {};
  }
  // The library refuses a directory or an unreadable file by the flag's name.
  if (!gsd::run_batch_file(file, FieldPath{"--batch"}, command, as_text, line_writer(file, written), run)) {
    exit_stopped(written);
  }
  return {};
}

}  // namespace gsd::cli
