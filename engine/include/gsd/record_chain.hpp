#pragma once
// The hash chain of a monitoring record (record.hpp): evidence that the
// record was not edited after it was written.
//
//   config_hash = H(canonical({"format", "created_at", "config"}))
//   hash(look 1) = H(config_hash + canonical(look 1 without "hash"))
//   hash(look k) = H(hash(look k-1) + canonical(look k without "hash"))
//
// H is SHA-256 (FIPS 180-4) or, with a key, HMAC-SHA-256 (RFC 2104), both
// from OpenSSL's libcrypto; hashes are lower-case hex. The canonical JSON is
// the compact serialisation with object keys in byte order, numbers in their
// shortest round-trip form and strings in UTF-8, so re-reading a record and
// writing it again gives the same bytes. The record stores
// "chain": {"algorithm": "sha256" | "hmac-sha256", "config_hash": ...} and
// each look's "hash".
//
// What this protects against: an edit by hand or by a script that does not
// recompute the chain (a changed z, a deleted or reordered look, a changed
// config) is detected and the first look that no longer matches is named.
// Nor does it show looks removed from the end (what remains is a valid
// chain): the head hash in the committee's minutes does.
// What it does not: someone who edits the record and recomputes every hash
// with SHA-256. A committee that wants that too keeps a secret key and writes
// the record with HMAC-SHA-256: without the key, a valid chain cannot be made.
#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gsd/errors.hpp"

namespace gsd {

enum class ChainStatus {
  kVerified,    // every hash matches
  kUnverified,  // a record written without hashes (version 1)
  kBroken,      // a hash does not match: the record was changed
  kNeedsKey,    // keyed (hmac-sha256) and no key was given
  kNotKeyed,    // a key was given, but the chain is plain sha256 or absent (version 1)
};

struct ChainCheck {
  ChainStatus status = ChainStatus::kUnverified;
  std::string algorithm;  // "sha256", "hmac-sha256", or empty (unverified)
  // kBroken: the first entry that does not match, from 1; 0 is the config.
  std::size_t first_mismatch = 0;
  // Looks written before the chain began (a version-1 record continued by a
  // version that hashes): their hashes were first computed then.
  std::size_t looks_before_chain = 0;
  // kVerified: the last hash of the chain (the config hash when there is no
  // look). Written into the committee's minutes, it also shows when looks
  // were removed from the end, which a chain alone cannot show.
  std::string head;
  // kVerified: every link, links[0] the config hash and links[k] look k's.
  std::vector<std::string> links;
};

// The canonical JSON text of a value (see above).
std::string canonical_json(const nlohmann::json& value);

// SHA-256 of `data` as 64 lower-case hex digits; with `key`, HMAC-SHA-256.
std::string chain_digest(std::string_view data, const std::optional<std::string>& key);

// Checks the chain of a record whose structure check_record accepted.
ChainCheck check_chain(const nlohmann::json& record, const std::optional<std::string>& key);

// Starts the chain of a record that has none: "chain" with the config hash,
// version 2. `looks_before_chain` of its looks were written before (a
// version-1 record); `key` chooses hmac-sha256 over sha256.
void start_chain(nlohmann::json& record, const std::optional<std::string>& key,
                 std::size_t looks_before_chain);

// Hashes each look that has no hash yet, in order, onto a started chain whose
// earlier links check_chain verified.
void extend_chain(nlohmann::json& record, const std::optional<std::string>& key);

// Throws InvalidInput unless the chain is verified or the record is an
// unverified (version 1) one read without a key: "record.looks[1].hash does not match look 2:
// the record was changed after it was written".
void require_intact_chain(const ChainCheck& check);

// What verify needs: require_intact_chain, and a chain at all (InvalidInput
// "record.version = 1 has no hashes: the record cannot be verified").
void require_verified_chain(const ChainCheck& check);

// A head noted in the committee's minutes, as the user wrote it at `path`:
// 64 hex digits (either case), returned in lower case; anything else throws
// InvalidInput naming `path`.
std::string parse_chain_hash(const FieldPath& path, std::string_view text);

// Where a verified chain passes through `hash` (lower-case hex): the look
// whose hash it is, or 0 for the config hash (a record noted before its first
// look). A hash the chain does not pass through means the record no longer
// holds what was noted: looks were removed from its end, or it was rewritten
// from that point on; InvalidInput naming `path` then says so of
// `record_name` (the file). The check must be verified (require_verified_chain).
std::size_t require_chain_link(const ChainCheck& check, const FieldPath& path,
                               const std::string& hash,
                               const std::string& record_name = "the record");

// "verified", "unverified", "broken", "needs key" or "not keyed".
const char* chain_status_name(ChainStatus status);

}  // namespace gsd
