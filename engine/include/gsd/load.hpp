#pragma once
// The JSON config of gsd (docs/config.md) to a Trial. Every front end (the
// command line, the R and Python packages, the web page) accepts the same
// JSON through these functions, so they all see the same trial and give the
// same numbers. Every failure is an InvalidInput naming the field by its path
// from the root ({"design", "information_fractions", 2}), the value and the
// rule.
#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "gsd/trial.hpp"

namespace gsd {

// Limits on the JSON gsd reads, so that hostile or broken input is refused
// with a rule instead of exhausting the stack or memory.
// A config nests 5 levels (survival.control.pieces[k].rate), a record one
// more; 64 leaves room for any tool that writes configs.
inline constexpr std::size_t kMaxJsonDepth = 64;
// 64 MiB for a config or record file: a record of thousands of looks is a
// few MB, a config a few kB.
inline constexpr std::size_t kMaxJsonFileBytes = std::size_t{64} << 20;
// 1 MiB for one config line of a design batch (JSON lines).
inline constexpr std::size_t kMaxBatchLineBytes = std::size_t{1} << 20;

// What a text to parse is: a whole file, or one line of a batch file
// (whose source, "<file> line <n>", names the line already).
enum class JsonText { kFile, kBatchLine };

// Parses JSON text. A syntax error is an InvalidInput with an empty path and
// the rule "<source>:<line>:<column>: malformed JSON: ..." (a batch line:
// "<source>, column <c>: ..."). A NUL byte anywhere, and a blank batch line,
// are refused the same way. Nesting deeper than kMaxJsonDepth is refused the
// same way; a key given twice in one object (RFC 8259 leaves its meaning
// open) is an InvalidInput with the key's path: "design.alpha appears twice
// in the same object".
nlohmann::json parse_json(const std::string& text, const std::string& source,
                          JsonText kind = JsonText::kFile);

// The offset of the first byte of `text` that does not begin a well-formed
// UTF-8 character (RFC 3629), or nullopt when all of it is UTF-8.
std::optional<std::size_t> first_invalid_utf8(std::string_view text);

// Reads and parses a file of at most kMaxJsonFileBytes; an unreadable or
// larger file is an InvalidInput too.
nlohmann::json read_json_file(const std::string& path);

// Loads and validates a whole config: the design, and the survival,
// simulation and monitoring sections where present.
Trial load_trial(const nlohmann::json& config);
Trial load_trial_file(const std::string& path);

}  // namespace gsd
