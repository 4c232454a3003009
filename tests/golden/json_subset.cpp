// json_subset EXPECTED ACTUAL: exit 0 when every key and value of EXPECTED is
// present and equal in ACTUAL (objects may gain keys; arrays must match in
// length; integers must be equal, floating-point numbers equal to
// kRelativeTolerance), else print the first difference by its JSON path and
// exit 1. Used by the golden test (tests/golden/check.sh).
#include <algorithm>
#include <cmath>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

namespace {

using nlohmann::json;

// The golden files are written on one machine and checked on others. The build
// optimises for the machine it runs on (-march=native), so FMA contraction and
// vector widths move the last bits of a double: differences of a few units in
// the last place (about 1e-16 relative) were seen between two x86-64 CPUs.
// A change in method or a bug moves results by far more than 1e-12.
constexpr double kRelativeTolerance = 1e-12;
// Keeps the rule defined when both values are zero.
constexpr double kAbsoluteFloor = 1e-300;

bool same_number(const json& a, const json& b) {
  if (!a.is_number_float() && !b.is_number_float()) return a == b;
  const double x = a.get<double>();
  const double y = b.get<double>();
  const double scale = std::max({std::abs(x), std::abs(y), kAbsoluteFloor});
  return std::abs(x - y) <= kRelativeTolerance * scale;
}

bool subset(const json& expected, const json& actual, const std::string& path) {
  if (expected.is_object()) {
    if (!actual.is_object()) {
      std::cerr << path << ": expected an object\n";
      return false;
    }
    for (const auto& [key, value] : expected.items()) {
      const std::string child = path.empty() ? key : path + "." + key;
      if (!actual.contains(key)) {
        std::cerr << child << ": missing\n";
        return false;
      }
      if (!subset(value, actual.at(key), child)) return false;
    }
    return true;
  }
  if (expected.is_array()) {
    if (!actual.is_array() || actual.size() != expected.size()) {
      std::cerr << path << ": expected an array of " << expected.size() << '\n';
      return false;
    }
    for (std::size_t i = 0; i < expected.size(); ++i) {
      if (!subset(expected[i], actual[i], path + "[" + std::to_string(i) + "]")) return false;
    }
    return true;
  }
  const bool equal = expected.is_number() && actual.is_number() ? same_number(expected, actual)
                                                                : expected == actual;
  if (!equal) std::cerr << path << ": expected " << expected.dump() << ", got " << actual.dump() << '\n';
  return equal;
}

json read(const char* path) {
  std::ifstream in(path);
  return json::parse(in);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: json_subset EXPECTED ACTUAL\n";
    return 2;
  }
  try {
    return subset(read(argv[1]), read(argv[2]), "") ? 0 : 1;
  } catch (const std::exception& e) {
    std::cerr << "json_subset: " << e.what() << '\n';
    return 2;
  }
}
