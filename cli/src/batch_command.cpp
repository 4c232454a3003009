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

namespace gsd::cli {

namespace {

// {"error": "..."} naming the line; an exception the command line does not
// turn into a line (out of memory) ends the command.
nlohmann::json error_line(const BatchLine& line, const std::string& source) {
  try {
    std::rethrow_exception(line.error);
  } catch (const InvalidInput& e) {
    // Syntax errors and over-long lines already start with the source.
    const std::string what = error_message(e);
    return {{"error", what.rfind(source, 0) == 0 ? what : source + ": " + what}};
  } catch (const NumericalError& e) {
    return {{"error", source + ": " + error_message(e)}};
  } catch (const std::invalid_argument& e) {
    return {{"error", source + ": " + e.what()}};
  } catch (const std::domain_error& e) {
    return {{"error", source + ": " + e.what()}};
  }
}

}  // namespace

// Streams: each result is written as soon as its chunk is done, so memory
// does not grow with the number of lines. Only an unreadable file fails the
// whole command, before anything is written.
CommandResult run_batch_file(const std::string& file, Command command, const BatchOptions& batch,
                             const RunOptions& run) {
  std::ifstream in(file, std::ios::binary);
  if (!in) usage_error(file + ": cannot read the batch file (does it exist?)");
  run_batch(in, file, command, batch, [&](const BatchLine& line) {
    const nlohmann::json out =
        line.error ? error_line(line, batch_line_source(file, line.number)) : line.result;
    const std::string text = out.dump() + "\n";
    std::fwrite(text.data(), 1, text.size(), stdout);
  }, run);
  return {};
}

}  // namespace gsd::cli
