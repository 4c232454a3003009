#include "gsd/record_key.hpp"

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <system_error>

namespace gsd {

namespace {

// What to do with a key file that gives no key.
constexpr const char* kGiveKey = "give the file that holds the committee's key (its bytes are the key)";

}  // namespace

std::string read_key_file(const std::string& path, const numerics::FieldPath& name) {
  // A directory opens as a stream and fails only at the first read, with
  // the stream library's own words; every front end reads the key here.
  std::error_code status_error;
  if (std::filesystem::is_directory(path, status_error)) {
    throw numerics::InvalidInput(name, path, std::string("is a directory; ") + kGiveKey);
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    const int error = errno;
    throw numerics::InvalidInput(name, path,
                                 "cannot be read (" + std::generic_category().message(error) + "); " + kGiveKey);
  }
  std::string key;
  try {
    key.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  } catch (const std::ios_base::failure&) {
    // libstdc++'s filebuf throws when read(2) fails (EIO, EISDIR).
    in.setstate(std::ios::badbit);
  }
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
