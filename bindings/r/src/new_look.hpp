#pragma once
// A look added to a monitoring record from R, by gsd_record_add() and by
// gsd_run(command = "monitor", record =, add_look =): what both check and
// convert before the library's add_look_to_file, and how both name the look
// in its errors.
#include <Rcpp.h>

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "gsd/errors.hpp"

namespace gsd::r {

struct NewLook {
  std::optional<nlohmann::json> config;  // a new record's config; none to append
  nlohmann::json entry;                  // the look, as the record's input holds it
  std::size_t index = 0;                 // looks before it: the config's, or the record's
  const nlohmann::json* config_or_null() const { return config ? &*config : nullptr; }
};

// The record is replaced as an output is: one that is a directory, in a
// directory that is missing or not writable, or the config file itself is
// refused naming `record` (the lock file's failure named no argument). Then
// the config (NULL to append) and the look become JSON; errors in the look
// are named from monitoring.looks.new.
// `key`: the committee's key for a keyed record.
NewLook new_look(SEXP config, const std::string& record, SEXP look,
                 const std::optional<std::string>& key = std::nullopt);

// The committee's key from R's key_file argument: NULL for none.
std::optional<std::string> key_of(SEXP key_file);

// An InvalidInput about monitoring.looks[index] (the new look, as the
// library numbers it) thrown again from monitoring.looks.new, which
// R/arguments.R maps to the look's argument; any other error as it was.
// Called only while `error` is being handled (it rethrows it).
[[noreturn]] void rethrow_at_new_look(const InvalidInput& error, std::size_t index);

// f(), with its errors about the new look named as rethrow_at_new_look does.
template <class F>
auto at_new_look(std::size_t index, F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (const InvalidInput& e) {
    rethrow_at_new_look(e, index);
  }
}

}  // namespace gsd::r
