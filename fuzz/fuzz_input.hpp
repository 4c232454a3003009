#pragma once
// Shared by the fuzz harnesses: the fuzzer's bytes as text.
#include <cstddef>
#include <cstdint>
#include <string>

namespace gsd::fuzz {

inline std::string as_text(const std::uint8_t* data, std::size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

}  // namespace gsd::fuzz
