#include "gsd/simulate/simulator.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "gsd/numerics/check.hpp"
#include "gsd/simulate/process_group.hpp"
#include "random_stream.hpp"
#include "replicate_loop.hpp"
#include "samplers.hpp"
#include "trial_kernel.hpp"

namespace gsd::simulate {

using spending::Design;
using spending::Sidedness;

namespace {

// Replicates per scheduling chunk: large enough that OpenMP's dynamic
// scheduling costs nothing per trial (~1 ms of work), small enough for a
// responsive progress bar and Ctrl-C.
constexpr std::int64_t kChunk = 256;
// Latency quantile defining the default calendar cap.
constexpr double kDefaultCapSurvival = 0.01;

void validate_options(const SimulationOptions& o) { o.validate(); }

// A weighted test's design is on its own information scale (look_plan.hpp).
CappedInformation capped_information(const std::optional<survival::LogRankWeight>& weight) {
  return weight && !weight->is_log_rank() ? CappedInformation::kInterpolated
                                          : CappedInformation::kEventFraction;
}

// The trial's test is not the log-rank: its bounds are on its own scale.
bool weighted_primary(const TestSet& tests) {
  return !tests.primary_combo.empty() || tests.primary_contrast || (tests.primary && !tests.primary->is_log_rank());
}

// A side test's capped final analysis: on its own information scale unless
// it is the log-rank test.
CappedInformation side_capped_information(const SimulatedTest& test) {
  return test.contrast ? CappedInformation::kInterpolated : capped_information(test.weight);
}

bool same_weight(const survival::LogRankWeight& a, const survival::LogRankWeight& b) {
  const auto same = [](double x, double y) { return !(x < y) && !(x > y); };
  if (a.family != b.family) return false;
  if (a.family == survival::WeightFamily::kMagirrBurman) return same(a.t_star, b.t_star);
  return same(a.rho, b.rho) && same(a.gamma, b.gamma);
}

}  // namespace

void KaplanMeierContrast::validate() const { numerics::check_positive({"horizon"}, horizon); }

void SimulationOptions::validate() const {
  if (replicates < 1) numerics::fail({"replicates"}, static_cast<double>(replicates), "must be at least 1");
  if (threads < 1) numerics::fail({"threads"}, threads, "must be at least 1");
  if (max_duration && !(*max_duration > 0.0 && *max_duration <= kMaxDurationLimit)) {
    numerics::fail({"max_duration"}, *max_duration, "must lie in (0, 1e6]");
  }
}

double default_max_duration(const TrialModel& model) {
  double longest = 0.0;
  for (const auto& s : model.strata) {
    for (const ArmModel* arm : {&s.control, &s.treatment}) {
      longest = std::max(longest, detail::latency_sampler(arm->outcome.latency())
                                      .time_at_survival(kDefaultCapSurvival));
    }
  }
  return model.accrual.duration() + longest;
}

struct Simulator::Impl {
  TrialModel model;
  Design design;
  LookPlan plan;
  TestSet tests;
  CappedFinalBounds capped;
  monitoring::MonitoringPlan observed;  // used when a look can be set by its time
  std::vector<CappedFinalBounds> side_capped;  // per side test
  // The model compiled to the closed forms the kernel samples from; the
  // kernel's CompiledTrial points into these (fixed once built).
  std::vector<LatencySampler> latencies;  // [stratum * 2 + treatment]
  AccrualSampler accrual;
  detail::CompiledTrial trial;

  Impl(TrialModel m, Design d, LookPlan p, double max_duration, TestSet ts)
      : model(std::move(m)),
        design(std::move(d)),
        plan(std::move(p)),
        tests(std::move(ts)),
        capped(design, plan,
               tests.primary_contrast ? CappedInformation::kInterpolated : capped_information(tests.primary)),
        accrual(detail::accrual_sampler(model.accrual)) {
    for (const auto& s : model.strata) {
      latencies.push_back(detail::latency_sampler(s.control.outcome.latency()));
      latencies.push_back(detail::latency_sampler(s.treatment.outcome.latency()));
    }
    auto& t = trial;
    t.patients = model.patients;
    t.strata = model.strata.size();
    double cum = 0.0;
    for (std::size_t k = 0; k < model.strata.size(); ++k) {
      const StratumModel& s = model.strata[k];
      cum += s.proportion;
      t.sort_scale.push_back(0.5 * (latencies[2 * k].time_at_survival(0.5) +
                                    latencies[2 * k + 1].time_at_survival(0.5)));
      t.stratum_cdf.push_back(cum);
      for (int arm_index = 0; arm_index < 2; ++arm_index) {
        const ArmModel& arm = arm_index == 0 ? s.control : s.treatment;
        const double cure = arm.outcome.cure_fraction();
        t.arms.push_back({cure, detail::words_below(cure),
                          &latencies[2 * k + static_cast<std::size_t>(arm_index)],
                          arm.dropout_rate.value_or(0.0), 1.0 / (1.0 - cure)});
        t.any_dropout = t.any_dropout || arm.dropout_rate.value_or(0.0) > 0.0;
      }
    }
    t.stratum_cdf.back() = 1.0;
    t.accrual = &accrual;
    t.uniform_accrual = model.accrual.is_uniform();
    t.permuted_blocks = model.randomisation == Randomisation::kPermutedBlocks;
    if (t.permuted_blocks) {
      const auto [p_t, q_c] = model.block_composition();
      const int multiple = model.effective_block_size() / (p_t + q_c);
      t.block_treatment = p_t * multiple;
      t.block_control = q_c * multiple;
    }
    t.p_treatment = model.allocation_ratio / (1.0 + model.allocation_ratio);
    t.look_events = plan.look_events;
    t.triggers = plan.triggers;
    t.efficacy = design.efficacy;
    t.two_sided = design.spec.sided == Sidedness::kTwoSidedSymmetric;
    t.futility = design.futility;
    t.harm = design.harm;
    t.any_futility =
        std::any_of(t.futility.begin(), t.futility.end(), [](const auto& a) { return a.has_value(); });
    t.capped = &capped;
    t.max_duration = max_duration;
    const bool by_time = std::any_of(plan.triggers.begin(), plan.triggers.end(), [](const auto& trigger) {
      return trigger.kind != survival::LookTriggerKind::kEvents;
    });
    // A weighted test keeps its planned bounds: they are on its own
    // information scale, not the events (simulated_test.hpp).
    if (by_time && !weighted_primary(tests)) {
      observed.design = design.spec;
      observed.planned_events = plan.planned_events;
      observed.allocation_ratio = model.allocation_ratio;
      // A futility bound given as a hazard ratio is against the margin.
      observed.null_hazard_ratio = tests.null_hazard_ratio;
      t.observed = &observed;
    }
    compile_tests();
  }

  // A weighted test judged at the variances observed, its looks placed at
  // the plan's fractions of the planned events.
  detail::VarianceBounds variance_bounds(const spending::DesignSpec& spec, double planned_variance) const {
    detail::VarianceBounds v;
    v.weighted = {spec, planned_variance, static_cast<double>(plan.planned_events)};
    v.events_scale = monitoring::events_scale_plan(v.weighted);
    return v;
  }

  // Every distinct weighted test gets one slot in trial.weights (one merge
  // computes them all); the log-rank test reads the log-rank z (-1).
  int slot(const survival::LogRankWeight& w) {
    if (w.is_log_rank()) return -1;
    for (std::size_t j = 0; j < weight_of_slot.size(); ++j) {
      if (same_weight(weight_of_slot[j], w)) return static_cast<int>(j);
    }
    weight_of_slot.push_back(w);
    trial.weights.push_back(detail::kernel_weight(w));
    return static_cast<int>(trial.weights.size() - 1);
  }

  // Every distinct RMST or milestone test gets one slot in trial.contrasts;
  // its index as a test's `weight` is -2 - slot.
  int contrast_slot(const KaplanMeierContrast& c) {
    const detail::KernelContrast k{c.kind == KaplanMeierContrast::Kind::kRmst, c.horizon};
    for (std::size_t j = 0; j < trial.contrasts.size(); ++j) {
      const detail::KernelContrast& o = trial.contrasts[j];
      if (o.rmst == k.rmst && !(o.horizon < k.horizon) && !(o.horizon > k.horizon)) return -2 - static_cast<int>(j);
    }
    trial.contrasts.push_back(k);
    return -2 - static_cast<int>(trial.contrasts.size() - 1);
  }

  void compile_tests() {
    auto& t = trial;
    if (tests.primary_contrast) {
      t.primary_weight = contrast_slot(*tests.primary_contrast);
    } else if (!tests.primary_combo.empty()) {
      for (const auto& w : tests.primary_combo) t.primary_combo.push_back(slot(w));
      t.capped = nullptr;  // the final bound (simulated_test.hpp)
    } else if (tests.primary) {
      t.primary_weight = slot(*tests.primary);
      t.primary_weighted_score = tests.primary_weighted_score();
      if (tests.primary_planned_variance) {
        t.primary_variance = variance_bounds(design.spec, *tests.primary_planned_variance);
      }
    }
    if (tests.non_inferiority()) {
      // The non-inferiority score test: log-rank weights, its own slot.
      const survival::LogRankWeight log_rank = survival::LogRankWeight::fleming_harrington(0, 0);
      detail::KernelWeight k = detail::kernel_weight(log_rank);
      k.null_ratio = tests.null_hazard_ratio;
      k.shifted_null = true;
      weight_of_slot.push_back(log_rank);  // never matched: slot() takes the log-rank as -1
      t.weights.push_back(k);
      t.primary_weight = static_cast<int>(t.weights.size() - 1);
    }
    side_capped.reserve(tests.side.size());
    for (const SimulatedTest& test : tests.side) {
      side_capped.emplace_back(test.design, plan, side_capped_information(test));
    }
    for (std::size_t j = 0; j < tests.side.size(); ++j) {
      const SimulatedTest& test = tests.side[j];
      detail::SideTest side;
      for (const auto& w : test.combo) side.combo.push_back(slot(w));
      if (test.contrast) {
        side.weight = contrast_slot(*test.contrast);
      } else if (test.combo.empty()) {
        side.weight = slot(test.weight);
      }
      side.efficacy = test.design.efficacy;
      side.futility = test.design.futility;
      side.harm = test.design.harm;
      side.two_sided = test.design.spec.sided == Sidedness::kTwoSidedSymmetric;
      side.capped = test.combo.empty() ? &side_capped[j] : nullptr;
      if (test.planned_variance) side.variance = variance_bounds(test.design.spec, *test.planned_variance);
      t.side.push_back(std::move(side));
    }
  }
  std::vector<survival::LogRankWeight> weight_of_slot;
};

namespace {

// A MaxCombo test's weights, each named `path`[i].
void validate_combo(const std::vector<survival::LogRankWeight>& combo, const numerics::FieldPath& path) {
  for (std::size_t i = 0; i < combo.size(); ++i) {
    numerics::within(path.index(i), [&] { combo[i].validate(); });
  }
}

void validate_tests(const TestSet& tests, std::size_t looks, std::size_t strata) {
  if (tests.primary) tests.primary->validate();
  if (tests.non_inferiority()) {
    numerics::check_positive({"null_hazard_ratio"}, tests.null_hazard_ratio);
    if (weighted_primary(tests)) {
      numerics::fail({"null_hazard_ratio"}, tests.null_hazard_ratio,
                     "applies to the log-rank test, and the trial's test here is another");
    }
  }
  bool contrasts = tests.primary_contrast.has_value();
  if (tests.primary_contrast) numerics::within({"primary_contrast"}, [&] { tests.primary_contrast->validate(); });
  for (std::size_t j = 0; j < tests.side.size(); ++j) {
    if (!tests.side[j].contrast) continue;
    contrasts = true;
    numerics::within(numerics::FieldPath{"tests"}.index(j), [&] { tests.side[j].contrast->validate(); });
  }
  if (contrasts && strata > 1) {
    throw numerics::InvalidInput({"strata"}, "are not taken by an RMST or milestone test: its Kaplan-Meier "
                                             "estimates are of each arm, unstratified");
  }
  validate_combo(tests.primary_combo, numerics::FieldPath{"primary_combo"});
  // Observed-variance bounds are for a weighted score's variance.
  if (tests.primary_planned_variance) {
    numerics::check_positive({"primary_planned_variance"}, *tests.primary_planned_variance);
    if (!tests.primary_weighted_score()) {
      numerics::fail({"primary_planned_variance"}, *tests.primary_planned_variance,
                     "applies to a Fleming-Harrington or Magirr-Burman trial test only");
    }
  }
  for (std::size_t j = 0; j < tests.side.size(); ++j) {
    const numerics::FieldPath path = numerics::FieldPath{"tests"}.index(j);
    if (const std::optional<double> v = tests.side[j].planned_variance) {
      numerics::check_positive(path.key("planned_variance"), *v);
      if (!tests.side[j].weighted_score()) {
        numerics::fail(path.key("planned_variance"), *v,
                       "applies to a Fleming-Harrington or Magirr-Burman test only");
      }
    }
    numerics::within(path, [&] { tests.side[j].weight.validate(); });
    validate_combo(tests.side[j].combo, path.key("combo"));
    if (tests.side[j].design.efficacy.size() != looks) {
      throw numerics::InvalidInput(path, "has " + std::to_string(tests.side[j].design.efficacy.size()) +
                                             " looks but the simulation has " + std::to_string(looks));
    }
  }
}

}  // namespace

Simulator::Simulator(TrialModel model, Design design, LookPlan plan, double max_duration,
                     TestSet tests) {
  model.validate();
  if (plan.look_events.size() != design.efficacy.size()) {
    throw numerics::InvalidInput({"look_events"},
                                 "has " + std::to_string(plan.look_events.size()) +
                                     " entries but the design has " +
                                     std::to_string(design.efficacy.size()) + " looks");
  }
  if (!(max_duration > 0.0 && max_duration <= SimulationOptions::kMaxDurationLimit)) {
    numerics::fail({"max_duration"}, max_duration, "must lie in (0, 1e6]");
  }
  if (!plan.triggers.empty() && plan.triggers.size() != plan.look_events.size()) {
    numerics::fail_sizes({"triggers"}, plan.triggers.size(), "look_events", plan.look_events.size());
  }
  validate_tests(tests, plan.look_events.size(), model.strata.size());
  impl_ = std::make_unique<Impl>(std::move(model), std::move(design), std::move(plan),
                                 max_duration, std::move(tests));
}

Simulator::Simulator(EndpointModel model, Design design)
    : endpoint_(make_endpoint(std::move(model), std::move(design))) {}

Simulator::~Simulator() = default;
Simulator::Simulator(Simulator&&) noexcept = default;
Simulator& Simulator::operator=(Simulator&&) noexcept = default;

namespace {
// What model() and plan() give for an endpoint's trial.
const TrialModel kNoModel{};
const LookPlan kNoPlan{};
const TestSet kNoTests{};
}  // namespace

const TrialModel& Simulator::model() const noexcept { return impl_ ? impl_->model : kNoModel; }
const Design& Simulator::design() const noexcept { return impl_ ? impl_->design : endpoint_design(); }
const LookPlan& Simulator::plan() const noexcept { return impl_ ? impl_->plan : kNoPlan; }
const TestSet& Simulator::tests() const noexcept { return impl_ ? impl_->tests : kNoTests; }
double Simulator::max_duration() const noexcept { return impl_ ? impl_->trial.max_duration : 0.0; }

std::vector<LookRecord> Simulator::looks(std::uint64_t seed, std::int64_t replicate) const {
  if (endpoint_) return endpoint_looks(seed, replicate);
  detail::Workspace ws;
  ws.generate(impl_->trial, seed, static_cast<std::uint64_t>(replicate));
  std::vector<LookRecord> records;
  detail::run_looks(impl_->trial, ws, &records);
  return records;
}

std::vector<PatientRecord> Simulator::patients(std::uint64_t seed, std::int64_t replicate) const {
  if (endpoint_) return {};
  detail::Workspace ws;
  ws.generate(impl_->trial, seed, static_cast<std::uint64_t>(replicate));
  std::vector<PatientRecord> out;
  for (std::size_t s = 0; s + 1 < ws.stratum_offset.size(); ++s) {
    for (int i = ws.stratum_offset[s]; i < ws.stratum_offset[s + 1]; ++i) {
      const auto p = static_cast<std::size_t>(i);
      out.push_back({ws.entry[p], static_cast<int>(s), ws.treatment[p] != 0, ws.cured[p] != 0,
                     ws.y[p], ws.event[p] != 0});
    }
  }
  return out;
}

SimulationTotals Simulator::run(std::int64_t first, std::int64_t count, std::uint64_t seed,
                                int threads, const RunControl& control) const {
  if (count < 0 || first < 0) throw std::invalid_argument("replicate range must be >= 0");
  if (threads < 1) throw std::invalid_argument("threads = " + std::to_string(threads) +
                                               " must be at least 1");
  if (endpoint_) return run_endpoint(first, count, seed, threads, control);
  const std::size_t looks = impl_->plan.look_events.size();
  const detail::CompiledTrial& trial = impl_->trial;
  const std::size_t side = impl_->tests.side.size();
  return detail::run_replicates(
      first, count, threads, kChunk, control, SimulationTotals(looks, side),
      [] {
        detail::Workspace ws;
        ws.patient_outcomes = false;  // the looks alone read the replicates here
        return ws;
      },
      [&trial, seed](detail::Workspace& ws, SimulationTotals& local, std::uint64_t replicate,
          std::vector<LookRecord>* records) {
        ws.generate(trial, seed, replicate);
        // A bound recomputed at observed events (observed_bounds.hpp) can
        // fail: the first failure stops every thread and is rethrown.
        detail::add_outcome(local, detail::run_looks(trial, ws, records), ws.side_reject, ws.held,
                            ws.side_held);
      });
}

SimulationResult run_simulation(const Simulator& simulator, const SimulationOptions& options,
                                const RunControl& control) {
  validate_options(options);
  const ProcessGroup group = world();
  const ReplicateRange range = replicate_range(options.replicates, group);
  const SimulationTotals local =
      simulator.run(range.first, range.count, options.seed, options.threads, control);
  const bool interrupted = any_process(local.replicates < range.count, group);
  const SimulationTotals totals =
      reduce_totals(local, simulator.look_count(), group);
  SimulationResult r = summarize(totals);
  r.root = group.root();
  r.seed = options.seed;
  r.max_duration = simulator.max_duration();
  r.max_duration_is_default = !options.max_duration.has_value();
  r.look_events = simulator.plan().look_events;
  if (simulator.endpoint()) r.look_patients = simulator.endpoint()->look_patients;
  r.interrupted = interrupted;
  return r;
}

}  // namespace gsd::simulate
