// libFuzzer harness: a config as the command line reads it. The text is
// parsed with gsd's limits (depth, duplicate keys) and loaded and validated
// section by section: design, survival, simulation, monitoring. Bad input
// must end in InvalidInput; anything else (a crash, a sanitizer report, an
// exception of another type, a hang) is a finding.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_input.hpp"
#include "gsd/errors.hpp"
#include "gsd/load.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text = gsd::fuzz::as_text(data, size);
  try {
    (void)gsd::load_trial(gsd::parse_json(text, "fuzz.json"));
  } catch (const gsd::InvalidInput&) {
    // The expected answer to bad input.
  }
  return 0;
}
