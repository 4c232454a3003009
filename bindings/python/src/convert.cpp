#include "convert.hpp"

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "errors.hpp"

namespace gsd::python {

namespace {

using numerics::PathPart;

// Deeper nesting than any config needs; a guard against runaway recursion.
constexpr std::size_t kMaxDepth = 256;

// The path of the value being converted, grown and shrunk as the walk goes;
// only an error turns it into a FieldPath.
class Walker {
 public:
  explicit Walker(const FieldPath& root) : parts_(root.parts()), base_(parts_.size()) {}

  nlohmann::json value(py::handle v) {
    if (v.is_none()) return nullptr;
    // bool before int: True is an int in Python.
    if (PyBool_Check(v.ptr())) return v.ptr() == Py_True;
    if (PyLong_Check(v.ptr())) return integer(v);
    if (PyFloat_Check(v.ptr())) return number(PyFloat_AS_DOUBLE(v.ptr()), v);
    if (PyUnicode_Check(v.ptr())) return text(v);
    if (PyDict_Check(v.ptr())) return object(v);
    if (PyList_Check(v.ptr()) || PyTuple_Check(v.ptr())) return array(v);
    // numpy arrays and scalars (and anything else that turns itself into
    // plain Python values the way they do).
    if (py::hasattr(v, "tolist")) {
      const py::object plain = v.attr("tolist")();
      if (py::hasattr(plain, "tolist")) fail(v, "is not a JSON value (its tolist() is not plain)");
      return value(plain);
    }
    if (py::isinstance(v, mapping_type())) return object(v);
    fail(v, "is not a JSON value (use dict, list, str, int, float, bool or None)");
  }

 private:
  [[noreturn]] void fail(py::handle v, const std::string& rule) const {
    throw InvalidInput(FieldPath(parts_), shown(v), rule);
  }

  // A str as UTF-8. A lone surrogate ("\ud800", or a byte that
  // os.fsdecode could not decode) has no UTF-8 form, and pybind11's cast
  // raised a RuntimeError naming no field.
  std::string text(py::handle v) const {
    Py_ssize_t size = 0;
    const char* bytes = PyUnicode_AsUTF8AndSize(v.ptr(), &size);
    if (bytes == nullptr) {
      PyErr_Clear();
      fail(v, "is not valid Unicode text (it holds a lone surrogate, which UTF-8 cannot encode); "
              "remove or replace that character");
    }
    return std::string(bytes, static_cast<std::size_t>(size));
  }

  nlohmann::json integer(py::handle v) {
    int overflow = 0;
    const long long x = PyLong_AsLongLongAndOverflow(v.ptr(), &overflow);
    if (overflow == 0) {
      if (x == -1 && PyErr_Occurred()) throw py::error_already_set();
      return x;
    }
    if (overflow > 0) {
      const unsigned long long u = PyLong_AsUnsignedLongLong(v.ptr());
      if (!PyErr_Occurred()) return u;
      PyErr_Clear();
    }
    // As a JSON parser does with an integer too long for 64 bits.
    return number(PyLong_AsDouble(v.ptr()), v);
  }

  nlohmann::json number(double x, py::handle v) {
    if (PyErr_Occurred()) {  // PyLong_AsDouble overflowed
      PyErr_Clear();
      fail(v, "is too large for a number");
    }
    if (!std::isfinite(x)) fail(v, "must be a finite number");
    return x;
  }

  void check_depth(py::handle v) const {
    if (parts_.size() >= base_ + kMaxDepth) fail(v, "nests deeper than 256 levels");
  }

  nlohmann::json object(py::handle v) {
    check_depth(v);
    nlohmann::json out = nlohmann::json::object();
    for (auto item : py::reinterpret_borrow<py::object>(v).attr("items")()) {
      const auto pair = py::reinterpret_borrow<py::tuple>(item);
      if (!PyUnicode_Check(pair[0].ptr())) fail(pair[0], "is not a string key");
      std::string key = text(pair[0]);
      parts_.emplace_back(key);
      out[key] = value(pair[1]);
      parts_.pop_back();
    }
    return out;
  }

  nlohmann::json array(py::handle v) {
    check_depth(v);
    nlohmann::json out = nlohmann::json::array();
    std::size_t i = 0;
    for (auto item : v) {
      parts_.emplace_back(i++);
      out.push_back(value(item));
      parts_.pop_back();
    }
    return out;
  }

  static py::handle mapping_type() {
    static py::handle type = py::object(py::module_::import("collections.abc").attr("Mapping")).release();
    return type;
  }

  std::vector<PathPart> parts_;
  std::size_t base_;
};

}  // namespace

nlohmann::json to_json(py::handle value, const FieldPath& root) { return Walker(root).value(value); }

py::object from_json(const nlohmann::json& j) {
  switch (j.type()) {
    case nlohmann::json::value_t::null:
    case nlohmann::json::value_t::discarded:
      return py::none();
    case nlohmann::json::value_t::boolean:
      return py::bool_(j.get<bool>());
    case nlohmann::json::value_t::number_integer:
      return py::int_(j.get<std::int64_t>());
    case nlohmann::json::value_t::number_unsigned:
      return py::int_(j.get<std::uint64_t>());
    case nlohmann::json::value_t::number_float: {
      const double x = j.get<double>();
      // nlohmann writes a non-finite double as null.
      return std::isfinite(x) ? py::object(py::float_(x)) : py::object(py::none());
    }
    case nlohmann::json::value_t::string:
      return py::str(j.get_ref<const std::string&>());
    case nlohmann::json::value_t::array: {
      py::list out(j.size());
      std::size_t i = 0;
      for (const auto& item : j) out[i++] = from_json(item);
      return out;
    }
    case nlohmann::json::value_t::object: {
      py::dict out;
      for (const auto& [key, item] : j.items()) out[py::str(key)] = from_json(item);
      return out;
    }
    case nlohmann::json::value_t::binary:
      break;
  }
  return py::none();
}

}  // namespace gsd::python
