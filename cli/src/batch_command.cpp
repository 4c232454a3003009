// `gsd design --batch FILE` and `gsd simulate --batch FILE`: the library runs
// the lines (gsd::run_batch, on --threads threads); this file writes each
// result, or the line's error, as one JSON line in input order.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <system_error>

#include "commands.hpp"
#include "gsd/batch.hpp"
#include "gsd/errors.hpp"
#include "gsd/render/error_output.hpp"

namespace gsd::cli {

namespace {

// `--batch -`, and the name its lines' errors give it.
constexpr const char* kStandardInput = "-";
constexpr const char* kStandardInputName = "stdin";

// Streams: each result is written as soon as its chunk is done, so memory
// does not grow with the number of lines. A write to stdout that fails ends
// the batch there (StdoutError).
void run_lines(std::istream& in, const std::string& source, Command command,
               const BatchOptions& batch, const RunOptions& run) {
  // The results come back as text, serialised on the batch's threads.
  BatchOptions as_text = batch;
  as_text.text = true;
  run_batch(in, source, command, as_text, [&](const BatchLine& line) {
    // An error names the file, whose name need not be UTF-8: such bytes are
    // written as U+FFFD rather than failing the line's JSON.
    const std::string text =
        (line.error ? render::batch_error_line(line, batch_line_source(source, line.number),
                                              [](const InvalidInput& e) { return error_message(e); })
                          .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
                    : line.text) +
        "\n";
    write_stdout(text);
  }, run);
}

}  // namespace

// Only an unreadable file fails the whole command, before anything is written.
CommandResult run_batch_file(const std::string& file, Command command, const BatchOptions& batch,
                             const RunOptions& run) {
#if defined(GSD_WITH_MPI)
  // A batch is one process on --threads threads: under an MPI launcher
  // every process would run, and write, every line.
  if (std::getenv("OMPI_COMM_WORLD_SIZE") || std::getenv("PMI_SIZE") || std::getenv("PMIX_RANK")) {
    usage_error("--batch runs in one process on --threads threads; start it without mpirun");
  }
#endif
  if (file == kStandardInput) {
    // std::cin reads through stdio (synchronised with it), which ends the
    // input at a failed read: ferror tells the two apart.
    run_lines(std::cin, kStandardInputName, command, batch, run);
    if (std::ferror(stdin)) usage_error("--batch -: cannot read standard input");
    return {};
  }
  std::error_code error;
  if (std::filesystem::is_directory(file, error)) {
    usage_error(file + ": is a directory; name a batch file");
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) usage_error(file + ": cannot read the batch file (does it exist?)");
  run_lines(in, file, command, batch, run);
  return {};
}

}  // namespace gsd::cli
