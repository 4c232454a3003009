#include "simulation_call.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "gsd/atomic_file.hpp"
#include "gsd/json.hpp"
#include "gsd/numerics/check.hpp"
#include "gsd/plot_data.hpp"
#include "gsd/presentation.hpp"
#include "gsd/render/simulation_output.hpp"
#include "gsd/render/simulation_plot.hpp"
#include "gsd/render/svg_chart.hpp"
#include "gsd/simulation.hpp"
#include "gsd/staged_file.hpp"
#include "gsd/thread_limit.hpp"
#include "r_interrupt.hpp"
#include "r_json.hpp"

#include <R_ext/Print.h>

namespace gsd::r {

namespace {

using Clock = std::chrono::steady_clock;

// Progress bar refresh interval, as the command line's.
constexpr double kProgressSeconds = 0.25;
constexpr int kBarWidth = 40;
// Counts and seeds arrive as doubles; below 2^53 every whole double is exact.
constexpr double kLargestExactInteger = 9007199254740992.0;

// The simulator calls `progress` from OpenMP thread 0, which is the thread
// that called it: R's own thread. Only there are R's interrupt flag and
// console touched (r_interrupt.hpp: an interrupt, or setTimeLimit()'s error,
// stops the run, and reaches R as R raised it once the simulator's frames
// are gone).
class RunSession {
 public:
  RunSession(std::int64_t total, bool show) : total_(total), show_(show) {}
  RunSession(const RunSession&) = delete;
  RunSession& operator=(const RunSession&) = delete;
  ~RunSession() { finish(); }

  // Clears the bar.
  void finish() {
    if (drawn_) REprintf("\r%*s\r", kBarWidth + 24, "");
    drawn_ = false;
  }

  void on_progress(std::int64_t done) {
    if (std::this_thread::get_id() != caller_) return;
    watch_.check();
    const Clock::time_point now = Clock::now();
    if (show_ && seconds(last_draw_, now) >= kProgressSeconds) {
      last_draw_ = now;
      draw(done, seconds(start_, now));
    }
  }

  const std::atomic<bool>* stop_flag() const { return watch_.stop_flag(); }
  bool jumped() const { return watch_.jumped(); }
  // The R condition that stopped the run, resumed as R raised it.
  void resume_jump() { watch_.resume_jump(); }

 private:
  static double seconds(Clock::time_point a, Clock::time_point b) {
    return std::chrono::duration<double>(b - a).count();
  }

  void draw(std::int64_t done, double elapsed) {
    const double frac = total_ > 0 ? static_cast<double>(done) / static_cast<double>(total_) : 1.0;
    const int filled = static_cast<int>(frac * kBarWidth);
    const double left = done > 0 ? elapsed * (1.0 - frac) / frac : 0.0;
    std::string bar(static_cast<std::size_t>(filled), '=');
    bar.append(static_cast<std::size_t>(kBarWidth - filled), ' ');
    REprintf("\r  |%s| %3.0f%%  ETA %.0f s ", bar.c_str(), 100.0 * frac, left);
    drawn_ = true;
  }

  std::int64_t total_;
  bool show_;
  std::thread::id caller_ = std::this_thread::get_id();
  InterruptWatch watch_;
  bool drawn_ = false;
  Clock::time_point start_ = Clock::now();
  Clock::time_point last_draw_ = start_;
};

template <class T>
std::optional<T> optional_field(const Rcpp::List& request, const char* name) {
  if (!request.containsElementNamed(name)) return std::nullopt;
  SEXP v = request[name];
  if (Rf_isNull(v)) return std::nullopt;
  return Rcpp::as<T>(v);
}

// Counts and seeds arrive as doubles (R's integers stop at 2^31 - 1); a value
// that is not a whole number in range is bad input on `options.<name>`, with
// the command line's rule for its flag and the value as given.
bool is_whole(double v) { return std::isfinite(v) && std::fpclassify(v - std::trunc(v)) == FP_ZERO; }

constexpr double kTwoTo63 = 9223372036854775808.0;

std::int64_t replicates_from(double v) {
  // Every double from 2^53 on is whole, and below 2^63 fits exactly.
  if (!(is_whole(v) && v >= 1 && v < kTwoTo63)) {
    numerics::fail({"options", "replicates"}, v, "must be a whole number in [1, 9223372036854775807]");
  }
  return static_cast<std::int64_t>(v);
}

int threads_from(double v) {
  if (!(is_whole(v) && v >= 1 && v <= kMaxThreads)) {
    numerics::fail({"options", "threads"}, v,
                   "must be a whole number in [1, " + std::to_string(kMaxThreads) + "]");
  }
  return static_cast<int>(v);
}

constexpr const char* kSeedRule = "must be a whole number in [0, 18446744073709551615]";

std::uint64_t seed_from(double v) {
  if (!(is_whole(v) && v >= 0)) numerics::fail({"options", "seed"}, v, kSeedRule);
  // From 2^53 on a double holds only some whole numbers (2^53 + 1 reads as
  // 2^53): the seed the user meant may not be the one R passes.
  if (v >= kLargestExactInteger) {
    numerics::fail({"options", "seed"}, v,
                   "is 2^53 or more, where R's numbers skip whole numbers: give the seed as a "
                   "string of digits, e.g. seed = \"18446744073709551615\"");
  }
  return static_cast<std::uint64_t>(v);
}

// A seed written as decimal digits: the full 64-bit range, exactly.
std::uint64_t seed_from(const std::string& text) {
  const auto bad = [&] {
    throw InvalidInput({"options", "seed"}, "\"" + text + "\"", std::string(kSeedRule) + " written in decimal digits");
  };
  if (text.empty() || text.size() > 20) bad();
  std::uint64_t out = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') bad();
    const auto digit = static_cast<std::uint64_t>(c - '0');
    if (out > (std::numeric_limits<std::uint64_t>::max() - digit) / 10) bad();
    out = out * 10 + digit;
  }
  return out;
}

// --replicate-data as columns.
struct ReplicateColumns {
  std::vector<double> replicate;
  std::vector<int> look, events, patients, capped;
  std::vector<double> calendar_time, z, hazard_ratio, efficacy_z, futility_z, harm_z, variance;
  std::vector<std::string> decision;

  void add(std::int64_t i, std::span<const simulate::LookRecord> looks) {
    for (const simulate::LookRecord& l : looks) {
      replicate.push_back(static_cast<double>(i));
      look.push_back(l.look + 1);
      events.push_back(l.events);
      calendar_time.push_back(l.calendar_time);
      patients.push_back(l.patients);
      z.push_back(l.z);
      hazard_ratio.push_back(l.hazard_ratio.value_or(NA_REAL));
      efficacy_z.push_back(l.efficacy_z);
      futility_z.push_back(l.futility_z.value_or(NA_REAL));
      harm_z.push_back(l.harm_z.value_or(NA_REAL));
      decision.emplace_back(decision_name(l.decision));
      capped.push_back(l.capped ? 1 : 0);
      variance.push_back(l.variance.value_or(NA_REAL));
    }
  }

  Rcpp::DataFrame frame() const {
    Rcpp::LogicalVector is_capped(capped.begin(), capped.end());
    return Rcpp::DataFrame::create(
        Rcpp::Named("replicate") = replicate, Rcpp::Named("look") = look,
        Rcpp::Named("events") = events, Rcpp::Named("calendar_time") = calendar_time,
        Rcpp::Named("patients") = patients, Rcpp::Named("z") = z,
        Rcpp::Named("hazard_ratio") = hazard_ratio, Rcpp::Named("efficacy_z") = efficacy_z,
        Rcpp::Named("futility_z") = futility_z, Rcpp::Named("harm_z") = harm_z,
        Rcpp::Named("decision") = decision,
        Rcpp::Named("capped") = is_capped, Rcpp::Named("variance") = variance,
        Rcpp::Named("stringsAsFactors") = false);
  }
};

}  // namespace

SimulationRequest request_from(const Rcpp::List& r) {
  SimulationRequest q;
  if (const auto v = optional_field<double>(r, "replicates")) q.replicates = replicates_from(*v);
  if (r.containsElementNamed("seed") && TYPEOF(r["seed"]) == STRSXP) {
    q.seed = seed_from(Rcpp::as<std::string>(r["seed"]));
  } else if (const auto v = optional_field<double>(r, "seed")) {
    q.seed = seed_from(*v);
  }
  if (const auto v = optional_field<double>(r, "max_duration")) q.max_duration = *v;
  if (const auto v = optional_field<double>(r, "threads")) q.threads = threads_from(*v);
  return q;
}

SEXP simulate_call(const Trial& trial, const Rcpp::List& request, const RunOptions& run) {
  const SimulationSetup setup = prepare_simulation(trial, request_from(request), run);
  const simulate::Simulator simulator = make_simulator(setup);
  const bool keep = optional_field<bool>(request, "keep_replicates").value_or(false);
  const int shown = optional_field<int>(request, "plot_replicates").value_or(0);
  const bool detail = keep || shown > 0 || optional_field<bool>(request, "text").value_or(false);
  const std::string format = optional_field<std::string>(request, "format").value_or("json");
  const std::string data_file = optional_field<std::string>(request, "replicate_data").value_or("");
  const std::string plot_file = optional_field<std::string>(request, "plot_file").value_or("");

  std::optional<ReplicateColumns> columns;
  // --replicate-data: staged, renamed into place only when the run completes.
  std::optional<StagedFile> data;
  std::string rows;
  RunSession session(setup.options.replicates,
                     optional_field<bool>(request, "progress").value_or(false));
  simulate::RunControl control;
  control.stop = session.stop_flag();
  control.progress = [&session](std::int64_t done) { session.on_progress(done); };
  if (keep) columns.emplace();
  if (!data_file.empty()) {
    data.emplace(data_file);
    data->write(render::replicate_csv_header());
  }
  if (columns || data) {
    control.replicate_sink = [&](std::int64_t i, std::span<const simulate::LookRecord> l) {
      if (columns) columns->add(i, l);
      if (data) {
        rows.clear();
        render::append_replicate_csv(rows, i, l);
        data->write(rows);
      }
    };
  }
  const SimulationReport report = run_simulation(setup, simulator, control, run);
  if (session.jumped() || report.result.interrupted) {
    if (data) data->discard();
    session.finish();
    session.resume_jump();
    throw Rcpp::internal::InterruptedException();
  }
  session.finish();
  if (data) data->commit();
  if (!plot_file.empty()) {
    write_file_atomically(plot_file,
                          render::stack_charts(render::simulation_charts(simulator, report)));
  }
  if (!detail && format == "text") return Rcpp::wrap(render::simulation_text(report));
  if (!detail && format == "csv") return Rcpp::wrap(render::simulation_csv(report));
  Rcpp::RObject result(to_r(to_json(report)));
  if (!detail) return result;
  return Rcpp::List::create(
      Rcpp::Named("result") = result,
      Rcpp::Named("replicates") = columns ? Rcpp::RObject(columns->frame()) : Rcpp::RObject(),
      Rcpp::Named("plot") = shown > 0 ? Rcpp::RObject(to_r(simulation_plot_data(simulator, report, shown)))
                                      : Rcpp::RObject(),
      Rcpp::Named("text") = render::simulation_text(report));
}

}  // namespace gsd::r
