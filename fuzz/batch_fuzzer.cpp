// libFuzzer harness: the lines of a design batch (JSON lines). Each line is
// parsed and loaded on its own, as `gsd design --batch` does; a bad line must
// end in InvalidInput and leave the next line unaffected.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_input.hpp"
#include "gsd/errors.hpp"
#include "gsd/load.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text = gsd::fuzz::as_text(data, size);
  std::size_t start = 0;
  std::size_t n = 1;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    try {
      (void)gsd::load_trial(
          gsd::parse_json(text.substr(start, end - start), "batch line " + std::to_string(n),
                          gsd::JsonText::kBatchLine));
    } catch (const gsd::InvalidInput&) {
      // The expected answer to a bad line.
    }
    start = end + 1;
    ++n;
  }
  return 0;
}
