#include "gsd/render/record_output.hpp"

namespace gsd::render {

std::string looks_before_chain(std::size_t before, bool capital) {
  if (before == 1) return capital ? "Look 1 was" : "look 1 was";
  return (capital ? "Looks 1-" : "looks 1-") + std::to_string(before) + " were";
}

std::string record_verdict_text(const RecordVerdict& verdict, const std::string& file) {
  const std::size_t n = verdict.looks;
  std::string text = "Record " + file + ": " + std::to_string(n) + (n == 1 ? " look" : " looks") +
                     ", chain verified (" + verdict.chain.algorithm +
                     "): the config and every look match their hashes.\nHead of the chain: " +
                     verdict.chain.head +
                     " (note it in the minutes: a record cut short would end elsewhere).\n";
  if (verdict.chain.looks_before_chain > 0) {
    const std::size_t before = verdict.chain.looks_before_chain;
    const std::string they = before == 1 ? "it" : "they";
    text += looks_before_chain(before, true) + " written before the chain began; the chain covers " +
            (before == 1 ? "it" : "them") + " only as " + they +
            " stood then (an edit made before it began cannot be seen; the head noted in the minutes "
            "can show it).\n";
  }
  if (verdict.noted_head) {
    text += "The noted head is " +
            (verdict.noted_look == 0
                 ? std::string("the config hash, from before the first look")
                 : "the hash of look " + std::to_string(verdict.noted_look) + " of " + std::to_string(n)) +
            ": the record still holds everything it covered.\n";
  }
  return text;
}

}  // namespace gsd::render
