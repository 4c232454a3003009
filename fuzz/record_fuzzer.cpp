// libFuzzer harness: a monitoring record as read from its file: parsed with
// gsd's limits, its structure checked, its hash chain examined (with and
// without a key) and, when it is intact, its config rebuilt and loaded.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_input.hpp"
#include "gsd/errors.hpp"
#include "gsd/load.hpp"
#include "gsd/record.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text = gsd::fuzz::as_text(data, size);
  try {
    const nlohmann::json record = gsd::parse_json(text, "record.json");
    gsd::check_record(record);
    (void)gsd::check_chain(record, std::string("key"));
    const gsd::ChainCheck check = gsd::check_chain(record, std::nullopt);
    gsd::require_intact_chain(check);
    (void)gsd::load_trial(gsd::record_config(record));
  } catch (const gsd::InvalidInput&) {
    // The expected answer to bad input.
  }
  return 0;
}
