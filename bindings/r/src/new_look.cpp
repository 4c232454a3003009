#include "new_look.hpp"

#include <vector>

#include "gsd/gsd.hpp"
#include "r_json.hpp"

namespace gsd::r {

nlohmann::json config_json(SEXP config);  // entry.cpp

namespace {

const FieldPath kNewLook{"monitoring", "looks", "new"};

}  // namespace

std::optional<std::string> key_of(SEXP key_file) {
  return read_key_file(Rf_isNull(key_file) ? std::nullopt
                                           : std::optional<std::string>(Rcpp::as<std::string>(key_file)));
}

NewLook new_look(SEXP config, const std::string& record, SEXP look, const std::optional<std::string>& key) {
  std::vector<NamedFile> inputs;
  if (Rf_isString(config)) inputs.push_back({"config", Rcpp::as<std::string>(config)});
  check_output_files({{"record", record}}, inputs);
  NewLook out;
  if (!Rf_isNull(config)) out.config = config_json(config);
  out.entry = from_r(look, kNewLook);
  if (out.config) {
    const auto m = out.config->find("monitoring");
    if (m != out.config->end() && m->is_object()) {
      const auto l = m->find("looks");
      if (l != m->end() && l->is_array()) out.index = l->size();
    }
  } else {
    out.index = read_record_file(record, key)["looks"].size();
  }
  return out;
}

void rethrow_at_new_look(const InvalidInput& error, std::size_t index) {
  const auto& parts = error.path().parts();
  const FieldPath at_index{"monitoring", "looks", index};
  if (parts.size() < 3 || FieldPath({parts[0], parts[1], parts[2]}) != at_index) throw;  // as it was
  throw InvalidInput(FieldPath(std::vector<numerics::PathPart>(parts.begin() + 3, parts.end())).under(kNewLook),
                     error.value(), error.rule());
}

}  // namespace gsd::r
