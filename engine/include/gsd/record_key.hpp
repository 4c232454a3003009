#pragma once
// The committee's secret key for a keyed (HMAC-SHA-256) record chain: the
// bytes of a file that the committee keeps apart from the record. The
// command line's --key-file and the bindings' key_file read it here.
#include <optional>
#include <string>

#include "gsd/numerics/invalid_input.hpp"

namespace gsd {

// The bytes of the file `path`, all of them (a trailing newline is part of
// the key). A file that cannot be read, or is empty, is refused with
// InvalidInput at `name` (the front end's argument), the path as the value,
// the system's reason and what to give instead.
std::string read_key_file(const std::string& path, const numerics::FieldPath& name);

// The same for a key file that may be absent (none: no key), named as the
// bindings' key_file argument ({"options", "key_file"}).
std::optional<std::string> read_key_file(const std::optional<std::string>& path);

}  // namespace gsd
