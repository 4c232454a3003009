#pragma once
// A monitoring record's verdict for a person: what `gsd monitor verify`
// prints, and the words for looks written before the record's hash chain
// began (a version 1 record continued), which the replay's text uses too.
#include <cstddef>
#include <string>

#include "gsd/record_verify.hpp"

namespace gsd::render {

// "look 1 was" or "looks 1-N were" for N = `before` looks written before the
// chain began; capitalised ("Look 1 was", "Looks 1-N were") to start a
// sentence.
std::string looks_before_chain(std::size_t before, bool capital);

// The verified chain of the record `file` (as the user named it): its looks
// and algorithm, the head to note in the minutes, the looks the chain covers
// only as they stood when it began, and the look a noted head is the hash of.
std::string record_verdict_text(const RecordVerdict& verdict, const std::string& file);

}  // namespace gsd::render
