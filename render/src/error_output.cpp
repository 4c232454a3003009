#include "gsd/render/error_output.hpp"

#include <exception>
#include <stdexcept>

namespace gsd::render {

std::string numerical_failure_message(const NumericalError& error) {
  return std::string("numerical failure: ") + error.what() +
         "; try a finer grid (design.solver.grid_r, default 6) or more root bits "
         "(design.solver)";
}

nlohmann::json batch_error_line(const BatchLine& line, const std::string& source,
                                const InvalidInputWords& invalid) {
  try {
    std::rethrow_exception(line.error);
  } catch (const InvalidInput& e) {
    const std::string what = invalid ? invalid(e) : e.message(PathStyle::kJson);
    return {{"error", what.rfind(source, 0) == 0 ? what : source + ": " + what}};
  } catch (const NumericalError& e) {
    return {{"error", source + ": " + numerical_failure_message(e)}};
  } catch (const std::invalid_argument& e) {
    return {{"error", source + ": " + e.what()}};
  } catch (const std::domain_error& e) {
    return {{"error", source + ": " + e.what()}};
  }
}

}  // namespace gsd::render
