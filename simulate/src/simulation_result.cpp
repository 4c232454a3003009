#include "gsd/simulate/simulation_result.hpp"

#include <cmath>
#include <stdexcept>

namespace gsd::simulate {

void LogHazardRatioHistogram::add(double log_hr) noexcept {
  std::size_t bin;
  if (log_hr < kMin) {
    bin = 0;
  } else if (log_hr >= kMax) {
    bin = static_cast<std::size_t>(kBins) + 1;
  } else {
    const auto b = static_cast<std::size_t>(std::floor((log_hr - kMin) * kBinsPerUnit));
    bin = 1 + std::min(b, static_cast<std::size_t>(kBins) - 1);
  }
  ++counts[bin];
}

std::int64_t LogHazardRatioHistogram::total() const noexcept {
  std::int64_t n = 0;
  for (std::int64_t c : counts) n += c;
  return n;
}

std::optional<double> LogHazardRatioHistogram::hazard_ratio_quantile(double q) const {
  const std::int64_t n = total();
  if (n == 0) return std::nullopt;
  // Smallest bin with cumulative count >= q n (the inverse of the empirical
  // distribution function, Hyndman & Fan 1996 type 1), exact in integers.
  const auto need = static_cast<std::int64_t>(std::ceil(q * static_cast<double>(n)));
  std::int64_t cum = 0;
  for (std::size_t bin = 0; bin < counts.size(); ++bin) {
    cum += counts[bin];
    if (cum >= std::max<std::int64_t>(need, 1)) {
      if (bin == 0 || bin == counts.size() - 1) return std::nullopt;
      const double mid = kMin + (static_cast<double>(bin - 1) + 0.5) / kBinsPerUnit;
      return std::exp(mid);
    }
  }
  return std::nullopt;
}

SimulationTotals::SimulationTotals(std::size_t looks, std::size_t test_count)
    : reject_upper(looks, 0),
      reject_lower(looks, 0),
      futility(looks, 0),
      reject_upper_ignoring_futility(looks, 0),
      reject_lower_ignoring_futility(looks, 0),
      capped_by_look(looks, 0),
      tests(test_count),
      test_reject_upper(looks * test_count, 0),
      held(looks, 0),
      held_events(looks, 0),
      held_patients(looks, 0),
      held_time(looks, 0),
      held_bounded(looks, 0),
      held_efficacy(looks, 0),
      test_bounded(looks * test_count, 0),
      test_efficacy(looks * test_count, 0) {}

namespace {

template <class Int>
void add_vector(std::vector<Int>& a, const std::vector<Int>& b) {
  if (a.size() != b.size()) throw std::invalid_argument("totals of different look counts");
  for (std::size_t i = 0; i < a.size(); ++i) a[i] += b[i];
}

// Every 64-bit vector of the totals, in a fixed order: f(t.v...) for each
// vector v, over one set of totals or side by side over several.
template <class F, class... T>
void for_each_vector(F f, T&... t) {
  f(t.reject_upper...);
  f(t.reject_lower...);
  f(t.futility...);
  f(t.reject_upper_ignoring_futility...);
  f(t.reject_lower_ignoring_futility...);
  f(t.capped_by_look...);
  f(t.log_hazard_ratio.counts...);
  f(t.test_reject_upper...);
  f(t.held...);
  f(t.held_events...);
  f(t.held_patients...);
  f(t.held_bounded...);
  f(t.test_bounded...);
}

// Every 128-bit vector of the totals, likewise.
template <class F, class... T>
void for_each_wide_vector(F f, T&... t) {
  f(t.held_time...);
  f(t.held_efficacy...);
  f(t.test_efficacy...);
}

}  // namespace

void SimulationTotals::add(const SimulationTotals& o) {
  replicates += o.replicates;
  const auto add_to = [](auto& mine, const auto& theirs) { add_vector(mine, theirs); };
  for_each_vector(add_to, *this, o);
  for_each_wide_vector(add_to, *this, o);
  capped += o.capped;
  no_analysis += o.no_analysis;
  events += o.events;
  patients += o.patients;
  duration += o.duration;
}

std::vector<std::uint64_t> SimulationTotals::serialize() const {
  std::vector<std::uint64_t> w;
  auto put = [&w](std::int64_t x) { w.push_back(static_cast<std::uint64_t>(x)); };
  put(replicates);
  put(capped);
  put(no_analysis);
  put(events);
  put(patients);
  const auto put_wide = [&w](Int128 x) {
    const auto d = static_cast<UInt128>(x);
    w.push_back(static_cast<std::uint64_t>(d >> 64));
    w.push_back(static_cast<std::uint64_t>(d));
  };
  put_wide(duration);
  for_each_vector([&](const std::vector<std::int64_t>& v) {
    for (std::int64_t x : v) put(x);
  }, *this);
  for_each_wide_vector([&](const std::vector<Int128>& v) {
    for (Int128 x : v) put_wide(x);
  }, *this);
  return w;
}

SimulationTotals SimulationTotals::deserialize(const std::vector<std::uint64_t>& w,
                                               std::size_t looks, std::size_t tests) {
  SimulationTotals t(looks, tests);
  std::size_t i = 0;
  auto get = [&]() -> std::int64_t {
    if (i >= w.size()) throw std::invalid_argument("serialized totals too short");
    return static_cast<std::int64_t>(w[i++]);
  };
  t.replicates = get();
  t.capped = get();
  t.no_analysis = get();
  t.events = get();
  t.patients = get();
  const auto get_wide = [&]() {
    const auto hi = static_cast<UInt128>(static_cast<std::uint64_t>(get()));
    const auto lo = static_cast<UInt128>(static_cast<std::uint64_t>(get()));
    return static_cast<Int128>((hi << 64) | lo);
  };
  t.duration = get_wide();
  for_each_vector([&](std::vector<std::int64_t>& v) {
    for (std::int64_t& x : v) x = get();
  }, t);
  for_each_wide_vector([&](std::vector<Int128>& v) {
    for (Int128& x : v) x = get_wide();
  }, t);
  if (i != w.size()) throw std::invalid_argument("serialized totals too long");
  return t;
}

namespace {

// The mean of `count` values summed in fixed point at `scale`; nullopt for none.
template <class Int>
std::optional<double> fixed_point_mean(Int sum, std::int64_t count, double scale) {
  if (count == 0) return std::nullopt;
  return static_cast<double>(sum) / scale / static_cast<double>(count);
}

// The analyses held, by look: fractions of the replicates and means over the
// trials that held each look (SimulationResult::held_per_look).
void summarize_held(const SimulationTotals& t, SimulationResult& r) {
  for (std::size_t k = 0; k < t.held.size(); ++k) {
    r.held_per_look.push_back(t.replicates > 0 ? static_cast<double>(t.held[k]) / static_cast<double>(t.replicates)
                                               : 0.0);
    r.mean_events_per_look.push_back(fixed_point_mean(t.held_events[k], t.held[k], 1.0));
    r.mean_patients_per_look.push_back(fixed_point_mean(t.held_patients[k], t.held[k], 1.0));
    r.mean_time_per_look.push_back(fixed_point_mean(t.held_time[k], t.held[k], kDurationScale));
    r.mean_efficacy_z_per_look.push_back(fixed_point_mean(t.held_efficacy[k], t.held_bounded[k], kBoundScale));
  }
}

}  // namespace

SimulationResult summarize(const SimulationTotals& t) {
  SimulationResult r;
  r.totals = t;
  r.replicates = t.replicates;
  if (t.replicates == 0) return r;
  const double n = static_cast<double>(t.replicates);
  const auto fractions = [n](const std::vector<std::int64_t>& v) {
    std::vector<double> out;
    for (std::int64_t c : v) out.push_back(static_cast<double>(c) / n);
    return out;
  };
  const auto total = [](const std::vector<std::int64_t>& v) {
    std::int64_t s = 0;
    for (std::int64_t c : v) s += c;
    return s;
  };
  r.reject_per_look = fractions(t.reject_upper);
  r.reject_lower_per_look = fractions(t.reject_lower);
  r.futility_per_look = fractions(t.futility);
  r.reject_per_look_ignoring_futility = fractions(t.reject_upper_ignoring_futility);
  r.capped_per_look = fractions(t.capped_by_look);
  r.power = static_cast<double>(total(t.reject_upper)) / n;
  r.power_se = std::sqrt(r.power * (1.0 - r.power) / n);
  r.reject_lower = static_cast<double>(total(t.reject_lower)) / n;
  r.power_ignoring_futility = static_cast<double>(total(t.reject_upper_ignoring_futility)) / n;
  r.expected_events = static_cast<double>(t.events) / n;
  r.expected_patients = static_cast<double>(t.patients) / n;
  r.expected_duration = static_cast<double>(t.duration) / kDurationScale / n;
  r.capped_fraction = static_cast<double>(t.capped) / n;
  r.no_analysis_fraction = static_cast<double>(t.no_analysis) / n;
  r.hazard_ratio_q1 = t.log_hazard_ratio.hazard_ratio_quantile(0.25);
  r.hazard_ratio_median = t.log_hazard_ratio.hazard_ratio_quantile(0.5);
  r.hazard_ratio_q3 = t.log_hazard_ratio.hazard_ratio_quantile(0.75);
  const std::size_t looks = t.reject_upper.size();
  summarize_held(t, r);
  for (std::size_t j = 0; j < t.tests; ++j) {
    const auto begin = t.test_reject_upper.begin() + static_cast<std::ptrdiff_t>(j * looks);
    const std::vector<std::int64_t> counts(begin, begin + static_cast<std::ptrdiff_t>(looks));
    TestPower p;
    p.reject_per_look = fractions(counts);
    for (std::size_t k = 0; k < looks; ++k) {
      p.mean_efficacy_z_per_look.push_back(
          fixed_point_mean(t.test_efficacy[j * looks + k], t.test_bounded[j * looks + k], kBoundScale));
    }
    p.power = static_cast<double>(total(counts)) / n;
    p.power_se = std::sqrt(p.power * (1.0 - p.power) / n);
    r.tests.push_back(std::move(p));
  }
  return r;
}

}  // namespace gsd::simulate
