#include "gsd/record_key.hpp"

#include <cerrno>
#include <fstream>
#include <iterator>
#include <system_error>

namespace gsd {

namespace {

// What to do with a key file that gives no key.
constexpr const char* kGiveKey = "give the file that holds the committee's key (its bytes are the key)";

}  // namespace

std::string read_key_file(const std::string& path, const numerics::FieldPath& name) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    const int error = errno;
    throw numerics::InvalidInput(name, path,
                                 "cannot be read (" + std::generic_category().message(error) + "); " + kGiveKey);
  }
  std::string key((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) {
    throw numerics::InvalidInput(name, path, std::string("cannot be read to its end; ") + kGiveKey);
  }
  if (key.empty()) throw numerics::InvalidInput(name, path, std::string("is empty; ") + kGiveKey);
  return key;
}

std::optional<std::string> read_key_file(const std::optional<std::string>& path) {
  if (!path) return std::nullopt;
  return read_key_file(*path, {"options", "key_file"});
}

}  // namespace gsd
