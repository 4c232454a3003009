// The futility and harm bound columns of the monitoring looks tables (private
// to render/), shared by the survival and endpoint monitors' text and HTML:
// each column only where the design has such a bound, a dash at a look
// without one (the CSV leaves the field empty).
#pragma once

#include <optional>
#include <string>

#include "gsd/spending/design_spec.hpp"
#include "number_format.hpp"

namespace gsd::render::detail {

// Text: eight characters, right-aligned, after two spaces.
inline std::string text_column(const std::string& text) {
  return "  " + std::string(text.size() < 8 ? 8 - text.size() : 0, ' ') + text;
}

inline std::string bound_text_headers(const spending::DesignSpec& spec) {
  return (spec.futility ? text_column("futility") : "") + (spec.harm ? text_column("harm") : "");
}

inline std::string bound_text_columns(const spending::DesignSpec& spec, const std::optional<double>& futility,
                                      const std::optional<double>& harm) {
  const auto z = [](const std::optional<double>& b) { return b ? format("%.4f", *b) : std::string("-"); };
  return (spec.futility ? text_column(z(futility)) : "") + (spec.harm ? text_column(z(harm)) : "");
}

// The legend's words for those columns.
inline std::string bound_text_legend(const spending::DesignSpec& spec) {
  return std::string(spec.futility ? "futility: the futility bound's z; " : "") +
         (spec.harm ? "harm: the harm bound's z; " : "");
}

// HTML cells.
inline std::string bound_header_cells(const spending::DesignSpec& spec) {
  return std::string(spec.futility ? "<th>futility z</th>" : "") + (spec.harm ? "<th>harm z</th>" : "");
}

inline std::string bound_cells(const spending::DesignSpec& spec, const std::optional<double>& futility,
                               const std::optional<double>& harm) {
  const auto cell = [](const std::optional<double>& z) {
    return "<td>" + (z ? format("%.4f", *z) : std::string("&ndash;")) + "</td>";
  };
  return (spec.futility ? cell(futility) : "") + (spec.harm ? cell(harm) : "");
}

}  // namespace gsd::render::detail
