#pragma once
// Verifying a monitoring record file (record.hpp) as `gsd monitor verify`
// does, for every front end: the chain checked in full, and a head of the
// chain that the committee noted in its minutes found in it. A chain alone
// cannot show looks removed from its end (what remains is a valid chain);
// a noted head that the record no longer passes through does.
#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "gsd/errors.hpp"
#include "gsd/record.hpp"
#include "gsd/record_chain.hpp"

namespace gsd {

struct RecordVerdict {
  std::size_t looks = 0;
  ChainCheck chain;                       // verified
  std::optional<std::string> noted_head;  // as lower-case hex, when one was given
  std::size_t noted_look = 0;             // the look it is the hash of; 0: the config hash
};

// Reads and verifies the record at `path` (with the committee's `key` for a
// keyed chain). InvalidInput naming the file unless the chain is verified;
// with `noted_head` (as the user typed it, from `head_path`: the command
// line's --head, an R or Python argument), InvalidInput naming `head_path`
// unless it is 64 hex digits and the hash of the config or of a look the
// record still holds.
RecordVerdict verify_record(const std::string& path, const std::optional<std::string>& key,
                            const std::optional<std::string>& noted_head, const FieldPath& head_path);
// The same verdict on a record that verify_record_file has read from `path`:
// a front end that also replays the looks judges the same bytes it replays.
RecordVerdict verify_record(const RecordVerification& read, const std::string& path,
                            const std::optional<std::string>& noted_head, const FieldPath& head_path);

// {"record": {"file", "looks", "chain": {"status", "algorithm",
// "looks_before_chain", "head"[, "noted_head": {"hash", "look"}]}}}.
nlohmann::json record_verdict_json(const RecordVerdict& verdict, const std::string& path);

}  // namespace gsd
