#pragma once
// Limits on the JSON that gsd reads, checked before a document is built, so
// that hostile or broken input is refused with a rule instead of exhausting
// the stack or memory:
//  - nesting: at most kMaxJsonDepth arrays and objects inside each other;
//  - duplicate keys: RFC 8259 (section 4) leaves their meaning to the
//    parser; gsd refuses them, naming the key's path, rather than silently
//    keep one of the values;
//  - size: a config or record file of at most kMaxJsonFileBytes, a batch
//    line of at most kMaxBatchLineBytes.
//  - underflow: a nonzero number below the least positive double (1e-400),
//    which the parser would read as 0, is refused by its path, as a number
//    beyond the largest double is refused as malformed.
#include <string>

#include "gsd/load.hpp"

namespace gsd::detail {

// Throws InvalidInput for nesting deeper than kMaxJsonDepth (empty path, the
// rule prefixed by `source`), a duplicate key or a number that underflows to
// 0 (its path from the root).
// Returns false, without throwing, for a syntax error: the caller's parser
// reports it with its line and column.
bool check_json_limits(const std::string& text, const std::string& source);

}  // namespace gsd::detail
