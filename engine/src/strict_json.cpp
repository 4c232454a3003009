#include "strict_json.hpp"

#include <cmath>
#include <nlohmann/json.hpp>
#include <set>
#include <vector>

#include "gsd/errors.hpp"

namespace gsd::detail {

namespace {

// Whether a JSON number's digits before its exponent are not all 0.
bool nonzero_digits(const std::string& number) {
  for (const char c : number) {
    if (c == 'e' || c == 'E') return false;
    if (c >= '1' && c <= '9') return true;
  }
  return false;
}

// A SAX pass that builds nothing: it follows the path to the current value
// and the keys seen in each open object.
class LimitChecker : public nlohmann::json_sax<nlohmann::json> {
 public:
  explicit LimitChecker(const std::string& source) : source_(source) {}

  bool null() override { return value(); }
  bool boolean(bool) override { return value(); }
  bool number_integer(number_integer_t) override { return value(); }
  bool number_unsigned(number_unsigned_t) override { return value(); }
  bool number_float(number_float_t x, const string_t& text) override {
    value();
    // A number below the least positive double reads as 0, and the rule it
    // broke then showed 0 ("alpha = 0 must lie in (0, 0.5)" of 1e-400).
    if (std::fpclassify(x) == FP_ZERO && nonzero_digits(text)) {
      throw InvalidInput(path(), text,
                         "is below the least positive double (about 4.9e-324) and would be read as 0; "
                         "write 0 if that is meant");
    }
    return true;
  }
  bool string(string_t&) override { return value(); }
  bool binary(binary_t&) override { return value(); }
  bool start_object(std::size_t) override { return open(true); }
  bool start_array(std::size_t) override { return open(false); }
  bool end_object() override { return close(); }
  bool end_array() override { return close(); }
  bool key(string_t& name) override {
    Frame& frame = stack_.back();
    frame.key = name;
    if (!frame.keys.insert(name).second) {
      throw InvalidInput(path(), "appears twice in the same object: give each key once");
    }
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
    return false;
  }

 private:
  struct Frame {
    bool object = false;
    std::set<std::string> keys;
    std::string key;
    std::size_t index = 0;  // of the current element (arrays)
    std::size_t count = 0;  // elements seen (arrays)
  };

  // A value starts: in an array it is the next element.
  bool value() {
    if (!stack_.empty() && !stack_.back().object) stack_.back().index = stack_.back().count++;
    return true;
  }
  bool open(bool object) {
    value();
    if (stack_.size() >= kMaxJsonDepth) {
      throw InvalidInput({}, source_ + ": JSON nested deeper than " +
                                 std::to_string(kMaxJsonDepth) +
                                 " arrays and objects is refused (a gsd config nests 6)");
    }
    stack_.push_back({});
    stack_.back().object = object;
    return true;
  }
  bool close() {
    stack_.pop_back();
    return true;
  }
  FieldPath path() const {
    std::vector<numerics::PathPart> parts;
    for (const Frame& f : stack_) {
      if (f.object) {
        parts.emplace_back(f.key);
      } else {
        parts.emplace_back(f.index);
      }
    }
    return FieldPath(std::move(parts));
  }

  const std::string& source_;
  std::vector<Frame> stack_;
};

}  // namespace

bool check_json_limits(const std::string& text, const std::string& source) {
  LimitChecker checker(source);
  return nlohmann::json::sax_parse(text, &checker);
}

}  // namespace gsd::detail
