#pragma once
// The `design` section of a config (../shared/CONTRACT.md) to a DesignSpec.
#include "gsd/cli/json_node.hpp"
#include "gsd/spending/design_spec.hpp"

namespace gsd::cli {

// Parses and fully validates the section; every failure is a ConfigError
// naming the JSON path ("design.efficacy.parameter = ...").
DesignSpec parse_design(const JsonNode& design);

// The spending names of the contract, for help texts and error messages.
#define GSD_EFFICACY_NAMES                                                                \
  {"lan-demets-obf", "lan-demets-pocock", "hsd",          "power",         "user",          \
   "obrien-fleming", "pocock",            "wang-tsiatis", "haybittle-peto"}

}  // namespace gsd::cli
