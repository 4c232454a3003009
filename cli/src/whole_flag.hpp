#pragma once
// Private to the command line: whole-number flags read from the text as
// typed. CLI11 turns digits past a type's range into the type's limit, so
// `--seed 18446744073709551616` would run as another seed and
// `--replicates 99999999999999999999` as 2^63 - 1 trials; here a value that
// does not fit is refused with the flag's rule, naming what was typed.
#include <charconv>
#include <cstdint>
#include <optional>
#include <string>
#include <system_error>

#include "gsd/errors.hpp"
#include "gsd/thread_limit.hpp"

namespace gsd::cli {

// The value of `text` as a whole number of type Int (an optional leading +
// allowed), or nullopt when it is not one or does not fit.
template <class Int>
std::optional<Int> parse_whole(const std::string& text) {
  const char* first = text.data();
  const char* const last = text.data() + text.size();
  if (first != last && *first == '+') ++first;
  Int value{};
  const auto [end, error] = std::from_chars(first, last, value);
  if (error != std::errc{} || end != last || first == last) return std::nullopt;
  return value;
}

// --replicates: a whole number, at least 1 (the library's rule).
inline long long replicates_flag(const std::string& text) {
  const std::optional<long long> n = parse_whole<long long>(text);
  if (!n) {
    throw InvalidInput({"options", "replicates"}, text,
                       "must be a whole number in [1, 9223372036854775807]");
  }
  return *n;
}

// --seed: a whole number in [0, 2^64 - 1], as simulation.seed.
inline std::uint64_t seed_flag(const std::string& text) {
  if (const std::optional<long long> n = parse_whole<long long>(text); n && *n < 0) {
    throw InvalidInput({"options", "seed"}, text, "must be a non-negative integer");
  }
  const std::optional<std::uint64_t> s = parse_whole<std::uint64_t>(text);
  if (!s) {
    throw InvalidInput({"options", "seed"}, text,
                       "must be a whole number in [0, 18446744073709551615]");
  }
  return *s;
}

// --threads: the library's rule, checked here too so that the error shows
// the value as typed (and a value past an int's range cannot wrap).
inline int threads_flag(const std::string& text) {
  const std::optional<long long> n = parse_whole<long long>(text);
  // `2.0` or `1e1` is in the range but not a whole number as typed: the
  // rule it breaks is that one, as for --replicates.
  if (!n) {
    throw InvalidInput({"options", "threads"}, text,
                       "must be a whole number in [1, " + std::to_string(kMaxThreads) + "]");
  }
  if (*n < 1 || *n > kMaxThreads) throw InvalidInput({"options", "threads"}, text, threads_rule());
  return static_cast<int>(*n);
}

}  // namespace gsd::cli
