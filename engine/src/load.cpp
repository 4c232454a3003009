#include "gsd/load.hpp"

#include <array>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string_view>
#include <system_error>

#include "gsd/endpoints/look_patients.hpp"
#include "gsd/numerics/check.hpp"
#include "loaders.hpp"
#include "monitor_simon.hpp"
#include "strict_json.hpp"

namespace gsd {

using numerics::InvalidInput;

namespace {

// The 1-based line and column of byte `offset` of `text`.
struct TextPosition {
  std::size_t line = 1;
  std::size_t column = 1;
};

TextPosition position_of(const std::string& text, std::size_t offset) {
  TextPosition at;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++at.line;
      at.column = 1;
    } else {
      ++at.column;
    }
  }
  return at;
}

// "<file>:<line>:<column>" as compilers write it, or "<file> line <n>, column
// <c>" for a batch line, whose source already names the line.
std::string where(const std::string& source, const std::string& text, std::size_t offset,
                  JsonText kind) {
  const TextPosition at = position_of(text, offset);
  if (kind == JsonText::kBatchLine) return source + ", column " + std::to_string(at.column);
  return source + ":" + std::to_string(at.line) + ":" + std::to_string(at.column);
}

// nlohmann quotes the text it last read, bytes as they are: invalid UTF-8
// there would make the message itself invalid (and a batch's error line
// unwritable), so such bytes are shown as \xHH.
std::string printable(const std::string& message) {
  std::string out;
  std::size_t from = 0;
  while (const std::optional<std::size_t> bad = first_invalid_utf8(std::string_view(message).substr(from))) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    const auto byte = static_cast<unsigned char>(message[from + *bad]);
    out.append(message, from, *bad);
    out += "\\x";
    out += kHex[byte >> 4];
    out += kHex[byte & 0xF];
    from += *bad + 1;
  }
  return out.append(message, from);
}

// Where the parser stopped, from its SAX interface: the DOM parser's
// out_of_range exception for a number beyond the double range (1e999) carries
// no position, but the SAX parser hands one to parse_error first.
struct StopPosition : nlohmann::json_sax<nlohmann::json> {
  std::size_t byte = 0;  // 1-based, as nlohmann's parse_error::byte
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception&) override {
    byte = position;
    return false;
  }
};

bool blank(const std::string& text) {
  return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

// Looks that no count of patients up to the most a plan may have (1e9)
// gives a statistic each, refused at the design's fraction that lacks it:
// a first fraction of 1e-300 planned 1e9 patients whose first look still
// had none, after a search of a minute.
void check_endpoint_looks(const endpoints::EndpointSpec& spec, const std::vector<double>& fractions) {
  if (endpoints::looks_have_statistics(spec, fractions, endpoints::least_patients(spec, fractions))) return;
  const auto most = static_cast<int>(endpoints::EndpointSpec::kMaxPatients);
  const auto gap = endpoints::first_look_without_statistic(spec, endpoints::look_patients(fractions, most));
  const std::size_t k = gap ? gap->look : 0;
  const std::string what =
      gap && gap->shortfall == endpoints::LookShortfall::kNoNewPatients
          ? "adds no patient to the look before it even at 1e9 patients, the most a plan may have; "
            "space the looks further apart"
          : "leaves its look fewer than " + std::to_string(endpoints::least_per_arm(spec)) +
                " patients per arm even at 1e9 patients, the most a plan may have; give a larger fraction";
  numerics::fail(numerics::FieldPath{"design", "information_fractions", k}, fractions[k], what);
}

}  // namespace

std::optional<std::size_t> first_invalid_utf8(std::string_view text) {
  // RFC 3629, section 4: no overlong forms, no surrogates, nothing past U+10FFFF.
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const auto in = [](unsigned char b, unsigned char lo, unsigned char hi) { return b >= lo && b <= hi; };
  std::size_t i = 0;
  while (i < text.size()) {
    const unsigned char b = byte(i);
    std::size_t length = 0;
    unsigned char lo = 0x80;  // the range of the second byte
    unsigned char hi = 0xBF;
    if (b < 0x80) {
      length = 1;
    } else if (in(b, 0xC2, 0xDF)) {
      length = 2;
    } else if (in(b, 0xE0, 0xEF)) {
      length = 3;
      if (b == 0xE0) lo = 0xA0;
      if (b == 0xED) hi = 0x9F;
    } else if (in(b, 0xF0, 0xF4)) {
      length = 4;
      if (b == 0xF0) lo = 0x90;
      if (b == 0xF4) hi = 0x8F;
    } else {
      return i;
    }
    if (i + length > text.size()) return i;
    for (std::size_t k = 1; k < length; ++k) {
      if (!(k == 1 ? in(byte(i + k), lo, hi) : in(byte(i + k), 0x80, 0xBF))) return i;
    }
    i += length;
  }
  return std::nullopt;
}

nlohmann::json parse_json(const std::string& text, const std::string& source, JsonText kind) {
  // nlohmann's lexer ends the input at a NUL byte, so whatever follows one
  // would be silently ignored.
  if (const std::size_t nul = text.find('\0'); nul != std::string::npos) {
    throw InvalidInput({}, where(source, text, nul, kind) +
                               ": a NUL byte; a config or record is JSON text, which holds none");
  }
  if (kind == JsonText::kBatchLine && blank(text)) {
    throw InvalidInput({}, source + ": an empty line; give one JSON config per line");
  }
  // Was "1:1: malformed JSON: syntax error ... unexpected end of input" for
  // an empty file (a config written by a script that failed, /dev/null).
  if (blank(text)) {
    throw InvalidInput({}, source + ": is empty (no JSON text); give the JSON, e.g. a config {\"design\": {}}");
  }
  try {
    // Depth and duplicate keys first, before a document is built; a syntax
    // error is left to the parser below, which reports where it is.
    (void)detail::check_json_limits(text, source);
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    // nlohmann reports the 1-based offset of the byte it stopped at.
    const std::size_t offset = e.byte > 0 ? e.byte - 1 : 0;
    std::string what = e.what();
    // Keep nlohmann's description, drop its "[json.exception.parse_error.101]" prefix.
    if (const auto pos = what.find("syntax error"); pos != std::string::npos) what = what.substr(pos);
    throw InvalidInput({}, where(source, text, offset, kind) + ": malformed JSON: " + printable(what));
  } catch (const nlohmann::json::out_of_range& e) {
    // A number beyond the double range (1e999): not finite, so bad input.
    std::string what = e.what();
    if (const auto pos = what.find("number overflow"); pos != std::string::npos) {
      what = what.substr(pos);
    }
    StopPosition stop;
    (void)nlohmann::json::sax_parse(text, &stop);
    const std::string at = stop.byte > 0 ? where(source, text, stop.byte - 1, kind) : source;
    throw InvalidInput({}, at + ": malformed JSON: " + what + " (numbers must be finite)");
  }
}

nlohmann::json read_json_file(const std::string& path) {
  // `--batch -` reads standard input, so `gsd design -` is tried too; read
  // as a file name it was "-: cannot read the config file (does it exist?)".
  if (path == "-") {
    throw InvalidInput({}, "-: a config is read from a file; give its path, or /dev/stdin to read "
                           "it from standard input (--batch - reads JSON lines there)");
  }
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) {
    throw InvalidInput({}, path + ": is a directory; name a config or record file (JSON)");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InvalidInput({}, path + ": cannot read the config file (does it exist?)");
  // Read in chunks and stop past the limit, so that a huge file (or a
  // device that never ends) costs no more memory than the limit.
  std::string text;
  std::array<char, 1 << 16> chunk{};
  while (text.size() <= kMaxJsonFileBytes &&
         in.read(chunk.data(), static_cast<std::streamsize>(chunk.size())).gcount() > 0) {
    text.append(chunk.data(), static_cast<std::size_t>(in.gcount()));
  }
  if (in.bad()) throw InvalidInput({}, path + ": error while reading the config file");
  if (text.size() > kMaxJsonFileBytes) {
    throw InvalidInput({}, path + ": the file is larger than " +
                               std::to_string(kMaxJsonFileBytes >> 20) +
                               " MiB, the limit for a config or record");
  }
  return parse_json(text, path);
}

namespace {

// The sections that a Simon two-stage design has no use for.
void refuse_beside_simon(const detail::JsonNode& top) {
  if (const auto survival = top.find("survival")) {
    survival->fail("is for a survival trial; Simon's two-stage design (design.type) is for a "
                   "single-arm response rate: give its rates in endpoint, or drop design.type");
  }
  if (const auto simulation = top.find("simulation")) {
    simulation->fail("is not used: gsd simulate runs group-sequential designs, and Simon's two-stage "
                     "design's probabilities are exact (gsd design gives them at a range of rates); "
                     "remove the simulation section");
  }
}

}  // namespace

Trial load_trial(const nlohmann::json& config) {
  const detail::JsonNode top(config, {});
  top.expect_object();
  top.expect_keys({"name", "description", "design", "survival", "endpoint", "simulation", "monitoring"});
  Trial trial;
  if (const auto name = top.find("name")) trial.name = name->string();
  if (const auto description = top.find("description")) trial.description = description->string();
  if (!top.has("design")) top.fail_missing("design", "every config needs a design section");
  const detail::JsonNode design = top.at("design");
  design.expect_object();
  if (const auto type = design.find("type");
      type && type->choice({"group-sequential", "simon-two-stage"}) == "simon-two-stage") {
    refuse_beside_simon(top);
    trial.simon = detail::load_simon(design, top.find("endpoint"));
    if (const auto monitoring = top.find("monitoring")) {
      trial.monitoring = detail::load_simon_monitoring(*monitoring);
      detail::simon_monitoring_counts(*trial.monitoring);
    }
    return trial;
  }
  trial.design = detail::load_design(design);
  if (const auto survival = top.find("survival")) {
    trial.survival = detail::load_survival(*survival);
    // One look trigger per design look, then their own rules.
    const std::vector<survival::LookTrigger>& looks = trial.survival->looks;
    const std::size_t design_looks = trial.design.information_fractions.size();
    if (!looks.empty() && looks.size() != design_looks) {
      numerics::fail_sizes({"survival", "looks"}, looks.size(), "design.information_fractions",
                           design_looks);
    }
    numerics::within({"survival"}, [&] { trial.survival->validate_looks(); });
    if (const auto test = survival->find("test")) trial.survival_test = detail::load_survival_test(*test);
  }
  if (const auto endpoint = top.find("endpoint")) {
    if (trial.survival) {
      throw InvalidInput({"endpoint"}, "is given with a survival section: a trial has one endpoint, "
                                       "a survival model (survival) or a normal or binary one (endpoint)");
    }
    trial.endpoint = detail::load_endpoint(*endpoint);
    numerics::within({"endpoint"}, [&] { trial.endpoint->validate(trial.design.alpha_per_side()); });
    check_endpoint_looks(*trial.endpoint, trial.design.information_fractions);
  }
  detail::convert_futility_hazard_ratios(top.at("design"), trial.design, trial.survival, trial.endpoint);
  detail::convert_futility_effects(top.at("design"), trial.design, trial.endpoint);
  if (const auto simulation = top.find("simulation")) {
    simulation->expect_object();
    if (trial.endpoint) {
      // A normal or binary endpoint's trial takes replicates and seed; its
      // looks come at the planned patients, with no calendar or strata.
      for (const char* key : {"max_duration", "randomisation", "block_size", "look_events", "strata",
                              "weighted_bounds"}) {
        if (simulation->has(key)) {
          simulation->at(key).fail(
              "applies to a survival trial: a normal or binary endpoint's looks come at the planned "
              "patients; remove it");
        }
      }
      trial.simulation = detail::load_simulation(*simulation, nlohmann::json::object());
      if (const auto truth = simulation->find("endpoint")) {
        trial.simulation->endpoint_truth = detail::load_endpoint_truth(*truth, *trial.endpoint);
      }
    } else {
      if (simulation->has("endpoint")) {
        throw InvalidInput(simulation->path().key("endpoint"),
                           "applies to a normal or binary endpoint (the config's endpoint section); "
                           "a survival trial's model is changed by strata");
      }
      if (!trial.survival) {
        top.fail_missing("survival", "the simulation section draws trials from a survival section or a "
                                     "normal or binary endpoint section; add one");
      }
      trial.simulation = detail::load_simulation(*simulation, top.at("survival").json());
      if (trial.simulation->max_duration) {
        trial.survival->check_calendar_time({"simulation", "max_duration"}, *trial.simulation->max_duration);
      }
    }
  }
  if (const auto monitoring = top.find("monitoring")) {
    monitoring->expect_object();
    trial.monitoring = detail::load_monitoring(*monitoring, trial.endpoint.has_value());
    for (std::size_t k = 0; k < trial.monitoring->endpoint_looks.size(); ++k) {
      numerics::within(numerics::FieldPath{"monitoring", "looks", k},
                       [&] { trial.monitoring->endpoint_looks[k].data.validate(*trial.endpoint); });
    }
    detail::check_planned_events_reachable(trial);
  }
  detail::check_test_horizons(trial);
  return trial;
}

Trial load_trial_file(const std::string& path) { return load_trial(read_json_file(path)); }

}  // namespace gsd
