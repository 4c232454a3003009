#include "errors.hpp"

#include <cctype>
#include <filesystem>
#include <new>
#include <stdexcept>
#include <system_error>
#include <vector>

namespace gsd::python {

namespace {

py::object error_class(const char* name) {
  return py::module_::import("gsd._errors").attr(name);
}

py::tuple path_tuple(const FieldPath& path) {
  py::tuple out(path.parts().size());
  std::size_t i = 0;
  for (const auto& part : path.parts()) {
    if (const auto* key = std::get_if<std::string>(&part)) {
      out[i++] = py::str(*key);
    } else {
      out[i++] = py::int_(std::get<std::size_t>(part));
    }
  }
  return out;
}

FieldPath field_path(const py::tuple& parts) {
  std::vector<numerics::PathPart> out;
  for (auto part : parts) {
    if (py::isinstance<py::str>(part)) {
      out.emplace_back(part.cast<std::string>());
    } else {
      out.emplace_back(part.cast<std::size_t>());
    }
  }
  return FieldPath(std::move(out));
}

void raise(const py::object& type, const py::object& instance) {
  PyErr_SetObject(type.ptr(), instance.ptr());
}

void raise_invalid(const InvalidInput& e) {
  const py::object type = error_class("InvalidInput");
  const py::object value = e.value() ? py::object(py::str(*e.value())) : py::object(py::none());
  raise(type, type(e.message(PathStyle::kPython), path_tuple(e.path()), value, e.rule()));
}

void raise_plain_invalid(const std::exception& e) {
  const py::object type = error_class("InvalidInput");
  raise(type, type(e.what(), py::tuple(), py::none(), e.what()));
}

void raise_numerical(const NumericalError& e) {
  const py::object type = error_class("NumericalError");
  raise(type, type(e.what(), e.best(), e.residual(), e.iterations()));
}

void raise_with(const char* name, const std::exception& e) {
  const py::object type = error_class(name);
  raise(type, type(e.what()));
}

}  // namespace

void register_error_translator() {
  py::register_exception_translator([](std::exception_ptr p) {
    if (!p) return;
    try {
      std::rethrow_exception(p);
    } catch (const py::error_already_set&) {
      throw;  // a Python exception on its way back: pybind11 restores it
    } catch (const py::builtin_exception&) {
      throw;  // pybind11's own (a runtime_error, so it must come first)
    } catch (const InvalidInput& e) {
      raise_invalid(e);
    } catch (const NumericalError& e) {
      raise_numerical(e);
    } catch (const std::bad_alloc&) {
      PyErr_SetString(PyExc_MemoryError, "out of memory");
    } catch (const std::invalid_argument& e) {
      raise_plain_invalid(e);
    } catch (const std::domain_error& e) {
      raise_plain_invalid(e);
    } catch (const std::system_error& e) {
      PyErr_SetString(PyExc_OSError, e.what());
    } catch (const std::runtime_error& e) {
      // The engine's only other runtime errors: files it cannot write.
      PyErr_SetString(PyExc_OSError, e.what());
    } catch (const std::exception& e) {
      raise_with("InternalError", e);
    }
  });
}

std::string invalid_message(const py::tuple& path, const py::object& value, const std::string& rule,
                            bool json_style) {
  const std::optional<std::string> value_text =
      value.is_none() ? std::nullopt : std::optional<std::string>(py::str(value).cast<std::string>());
  return InvalidInput(field_path(path), value_text, rule)
      .message(json_style ? PathStyle::kJson : PathStyle::kPython);
}

std::string shown(py::handle v) {
  std::string text;
  try {
    text = py::repr(v).cast<std::string>();
  } catch (const py::error_already_set&) {
    return "<unprintable>";
  }
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    if (!std::isspace(static_cast<unsigned char>(text[i]))) {
      out += text[i++];
      continue;
    }
    std::size_t end = i;
    bool line_break = false;
    for (; end < text.size() && std::isspace(static_cast<unsigned char>(text[end])); ++end) {
      line_break = line_break || text[end] == '\n' || text[end] == '\r';
    }
    out += line_break ? std::string(" ") : text.substr(i, end - i);
    i = end;
  }
  return out;
}

}  // namespace gsd::python
