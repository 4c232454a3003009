// json_subset [--csv] EXPECTED ACTUAL: exit 0 when every key and value of EXPECTED is
// present and equal in ACTUAL (objects may gain keys; arrays must match in
// length; integers must be equal, floating-point numbers equal to
// kRelativeTolerance), else print the first difference by its JSON path and
// exit 1. With --csv the files are CSV: the same lines and fields, numbers
// compared by the same rule, every other field equal as text. Used by the
// golden test (tests/golden/check.sh).
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

using nlohmann::json;

// The golden files are written by one build on one machine and checked by
// others: the release and the sanitizer builds, on CPUs the build optimises
// for (-march=native). FMA contraction, vector widths and optimisation levels
// move the last bits of a double, and a root search turns that into a
// difference of up to its own tolerance. The coarsest one, the look-time bins
// of the event-driven power, stops at a relative 2^-30 (about 1e-9); 1e-10
// was seen between the release and sanitizer builds. 1e-7 leaves room for
// that and stays ten times below the engine's accuracy target (1e-6 in z),
// far below what a change of method or a bug moves.
constexpr double kRelativeTolerance = 1e-7;
// The unrounded patients and events of a survival solve are roots found to
// 2^-16 relative (survival/src/sample_size.cpp); two builds may land anywhere
// within that of the true root, so twice it apart.
constexpr double kUnroundedTolerance = 0x1p-15;
// Keeps the rule defined when both values are zero.
constexpr double kAbsoluteFloor = 1e-300;

// Keys (JSON) and columns (CSV) ending so hold a solve's unrounded sizes.
bool is_unrounded(const std::string& name) {
  constexpr std::string_view kSuffix = "_unrounded";
  return name.size() >= kSuffix.size() && name.ends_with(kSuffix);
}

bool same_number(const json& a, const json& b, double tolerance = kRelativeTolerance) {
  if (!a.is_number_float() && !b.is_number_float()) return a == b;
  const double x = a.get<double>();
  const double y = b.get<double>();
  const double scale = std::max({std::abs(x), std::abs(y), kAbsoluteFloor});
  return std::abs(x - y) <= tolerance * scale;
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
  const double tolerance = is_unrounded(path) ? kUnroundedTolerance : kRelativeTolerance;
  const bool equal = expected.is_number() && actual.is_number()
                         ? same_number(expected, actual, tolerance)
                         : expected == actual;
  if (!equal) std::cerr << path << ": expected " << expected.dump() << ", got " << actual.dump() << '\n';
  return equal;
}

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::stringstream in(text);
  std::string part;
  while (std::getline(in, part, separator)) parts.push_back(part);
  if (!text.empty() && text.back() == separator) parts.emplace_back();
  return parts;
}

// The field as a number, or nullopt when it is not one in full.
std::optional<double> as_number(const std::string& field) {
  if (field.empty()) return std::nullopt;
  char* end = nullptr;
  const double value = std::strtod(field.c_str(), &end);
  if (end != field.c_str() + field.size()) return std::nullopt;
  return value;
}

bool same_csv(const std::string& expected, const std::string& actual) {
  const std::vector<std::string> want = split(expected, '\n');
  const std::vector<std::string> got = split(actual, '\n');
  if (want.size() != got.size()) {
    std::cerr << "expected " << want.size() << " lines, got " << got.size() << '\n';
    return false;
  }
  const std::vector<std::string> header = want.empty() ? std::vector<std::string>{} : split(want[0], ',');
  for (std::size_t i = 0; i < want.size(); ++i) {
    const std::vector<std::string> w = split(want[i], ',');
    const std::vector<std::string> g = split(got[i], ',');
    bool equal = w.size() == g.size();
    for (std::size_t j = 0; equal && j < w.size(); ++j) {
      const std::optional<double> x = as_number(w[j]);
      const std::optional<double> y = as_number(g[j]);
      const bool unrounded = j < header.size() && is_unrounded(header[j]);
      equal = x && y ? same_number(json(*x), json(*y),
                                   unrounded ? kUnroundedTolerance : kRelativeTolerance)
                     : w[j] == g[j];
    }
    if (!equal) {
      std::cerr << "line " << i + 1 << ": expected " << want[i] << "\n        got " << got[i] << '\n';
      return false;
    }
  }
  return true;
}

std::string slurp(const char* path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

json read(const char* path) {
  std::ifstream in(path);
  return json::parse(in);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 4 && std::string(argv[1]) == "--csv") {
    return same_csv(slurp(argv[2]), slurp(argv[3])) ? 0 : 1;
  }
  if (argc != 3) {
    std::cerr << "usage: json_subset [--csv] EXPECTED ACTUAL\n";
    return 2;
  }
  try {
    return subset(read(argv[1]), read(argv[2]), "") ? 0 : 1;
  } catch (const std::exception& e) {
    std::cerr << "json_subset: " << e.what() << '\n';
    return 2;
  }
}
