// Event-driven power: recursive integration over (look time, statistic); see
// event_driven_power.hpp for the method and its references.
#include "gsd/survival/event_driven_power.hpp"

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

#include "event_count.hpp"
#include "gsd/numerics/find_root.hpp"
#include "gsd/numerics/normal.hpp"
#include "gsd/numerics/numerical_error.hpp"
#include "gsd/numerics/sequential_integrator.hpp"

namespace gsd::survival {

namespace {

using numerics::normal_upper_tail;

constexpr double kInf = std::numeric_limits<double>::infinity();
// Beyond 8.5 sds a normal tail is 0 or 1 to 1e-17 (P(Z >= 8.5) = 9.5e-18),
// far below the method's accuracy, and a normal kernel is below 2e-16 of its
// peak: those terms are skipped (numerics/sequential_integrator.cpp uses 12
// for the tails, where the boundary search needs 1e-12 of alpha).
constexpr double kTailCutoff = 8.5;
constexpr double kKernelCutoff = 8.5;
// The density of a look's statistic convolved with the next increment is
// tabulated at sd / 4 over 8.5 sds beyond the grid and interpolated by
// 6-point Lagrange polynomials: it is a normal mixture, so the interpolation
// error is about (1/4)^6 / 720 of its sixth derivative, 1e-6 relative.
constexpr double kAuxPerSd = 4.0;
constexpr double kAuxReach = 8.5;
// The most points a density table may take (80 MB). A look's table spans
// the statistic's range plus 17 increment sds at 4 points per sd, a few
// thousand points; with the increment floored at 1% of the statistic's sd
// (kMinIncrement) it stays below 10^5.
constexpr double kMaxAuxPoints = 1e7;
// Probabilities below this are not propagated (a trillionth of the power).
constexpr double kNegligible = 1e-12;
// Bin edges of the look times to 30 bits (1e-9 of the cap): the power then
// does not move with the unit of time (tested to 1e-8).
constexpr int kTimeRootBits = 30;
// Event counts within this of a whole number are that number.
constexpr double kCountSlack = 1e-9;
// Increment variances are kept above this fraction of the look's variance
// (the variance grows with the events; equal values would mean no new data).
// Var(L | D) can stop growing where its regression on the count fails, near
// the events the patients can ever give (a control arm without cure against
// a cured treatment arm, steep drop-out in one arm). The grids are spaced by
// the increment's sd, so a floor of 1e-9 (sd 3e-5 of the look's) asked for
// millions of nodes: a minute and up to 1.4 GB for one plan. At 1e-4 (sd 1%)
// they stay near their usual size, and such a plan's power moves by about
// 1e-5 (tests/engine/event_driven_power_test.cpp); no other plan tested
// changes.
constexpr double kMinIncrement = 1e-4;

// A time bin's state after a look: the calendar time of the bin, the mean of
// the statistic L given that time, and the sub-density of L / sqrt(v) on a
// quadrature grid (weights include the density) for trials still running.
struct Node {
  double time = 0.0;
  double mean = 0.0;
  std::vector<double> z;
  std::vector<double> w;
  double mass = 0.0;
};

// sum_m w_m P(N(0,1) >= (x - z_m a) / sd): the probability that L at the next
// analysis, L = z sqrt(v_prev) + N(mean shift, sd^2), is at least its bound,
// with x = bound - shift. lower = true gives P(<= x) instead.
double tail(const Node& n, double a, double sd, double x, bool lower) {
  double sum = 0.0;
  // With z_m a far below x - 12 sd the upper tail is 0 (lower 1); far above, 1 (lower 0).
  const auto lo = a > 0.0 ? std::lower_bound(n.z.begin(), n.z.end(), (x - kTailCutoff * sd) / a)
                          : n.z.begin();
  const auto hi = a > 0.0 ? std::lower_bound(lo, n.z.end(), (x + kTailCutoff * sd) / a) : n.z.end();
  const auto i_lo = static_cast<std::size_t>(lo - n.z.begin());
  const auto i_hi = static_cast<std::size_t>(hi - n.z.begin());
  for (std::size_t m = i_lo; m < i_hi; ++m) {
    const double arg = (x - n.z[m] * a) / sd;
    sum += n.w[m] * (lower ? normal_upper_tail(-arg) : normal_upper_tail(arg));
  }
  const std::size_t from = lower ? 0 : i_hi;
  const std::size_t to = lower ? i_lo : n.z.size();
  for (std::size_t m = from; m < to; ++m) sum += n.w[m];
  return sum;
}

// The density of z sqrt(v_prev) + N(0, sd^2) for a node's sub-density,
// tabulated on a uniform grid.
class Smoothed {
 public:
  Smoothed(const Node& n, double a, double sd) {
    const double first = n.z.front() * a - kAuxReach * sd;
    const double last = n.z.back() * a + kAuxReach * sd;
    step_ = sd / kAuxPerSd;
    start_ = first;
    const double points = std::ceil((last - first) / step_) + 1.0;
    // A model beyond the method (a hazard of 1e300 a month) can leave the
    // moments without a finite variance; its grid would not fit in memory.
    if (!(points <= kMaxAuxPoints)) {
      throw numerics::NumericalError("the event-driven power's density grid (the model's log-rank variance "
                                     "at a look is not finite, or has no spread)",
                                     std::isfinite(sd) ? sd : 0.0, 0.0, 0);
    }
    const auto count = static_cast<std::size_t>(points);
    values_.assign(count, 0.0);
    // Aligned Eigen storage: its vectorised exp gives the same bits wherever
    // the heap puts the data (numerics/sequential_integrator.cpp).
    const auto size = static_cast<Eigen::Index>(n.z.size());
    const Eigen::ArrayXd u = Eigen::Map<const Eigen::ArrayXd>(n.z.data(), size) * (a / sd);
    const Eigen::ArrayXd w = Eigen::Map<const Eigen::ArrayXd>(n.w.data(), size);
    for (std::size_t i = 0; i < count; ++i) {
      const double x = (start_ + step_ * static_cast<double>(i)) / sd;
      const double* lo = std::lower_bound(u.data(), u.data() + size, x - kKernelCutoff);
      const double* hi = std::upper_bound(lo, u.data() + size, x + kKernelCutoff);
      const Eigen::Index begin = lo - u.data();
      const Eigen::Index length = hi - lo;
      if (length == 0) continue;
      const auto d = x - u.segment(begin, length);
      values_[i] = (w.segment(begin, length) * (-0.5 * d.square()).exp()).sum() *
                   numerics::kInvSqrt2Pi / sd;
    }
  }

  double operator()(double x) const {
    const double pos = (x - start_) / step_;
    if (!(pos >= 2.0) || !(pos < static_cast<double>(values_.size()) - 3.0)) return 0.0;
    const auto i = static_cast<std::size_t>(pos);
    const double t = pos - static_cast<double>(i);
    // Lagrange through the nodes i - 2 .. i + 3 (offsets -2 .. 3 from i).
    double sum = 0.0;
    for (int j = -2; j <= 3; ++j) {
      double weight = 1.0;
      for (int m = -2; m <= 3; ++m) {
        if (m != j) weight *= (t - m) / static_cast<double>(j - m);
      }
      sum += weight * values_[static_cast<std::size_t>(static_cast<long>(i) + j)];
    }
    return sum;
  }

 private:
  double start_ = 0.0;
  double step_ = 1.0;
  std::vector<double> values_;
};

// Bin edges and representative times of T_k within [0, cap]: normal scores
// in [-span, span] of the marginal cdf (scaled to its mass below the cap),
// nodes at the bins' conditional medians.
struct Bins {
  std::vector<double> edges;
  std::vector<double> nodes;
};

Bins time_bins(const detail::EventCount& count, double events, double cap,
               const EventDrivenSettings& s) {
  Bins bins;
  const double reach = count.at_least(events, 0.0, 0, cap);
  if (!(reach > kNegligible)) return bins;
  const int n = std::max(2, s.time_bins);
  const double dz = 2.0 * s.time_span / (n - 2);
  const auto invert = [&](double u) {
    return numerics::find_root([&](double t) { return count.at_least(events, 0.0, 0, t) - u; },
                               0.0, cap, -u, reach - u, kTimeRootBits, "a look-time quantile");
  };
  bins.edges.push_back(0.0);
  for (int m = 0; m + 1 < n; ++m) {
    bins.edges.push_back(invert(reach * numerics::normal_lower_tail(-s.time_span + dz * m)));
  }
  bins.edges.push_back(cap);
  for (int m = 0; m < n; ++m) {
    const double z = -s.time_span + dz * (m - 0.5);
    bins.nodes.push_back(invert(reach * numerics::normal_lower_tail(z)));
  }
  return bins;
}

void check_input(const spending::Design& design, const CalendarProfile& profile, double patients,
                 std::span<const double> look_events, double cap) {
  if (look_events.size() != design.spec.information_fractions.size() || look_events.empty()) {
    throw std::invalid_argument("event_driven_power: one event count per look is needed");
  }
  for (std::size_t k = 0; k < look_events.size(); ++k) {
    if (!(look_events[k] >= 1.0) || (k > 0 && !(look_events[k] > look_events[k - 1]))) {
      throw std::invalid_argument("event_driven_power: look events must increase from 1");
    }
  }
  if (!(patients > 0.0) || !(cap > 0.0) || cap > profile.horizon() * (1.0 + 1e-12)) {
    throw std::invalid_argument("event_driven_power: patients and cap must be positive, cap " +
                                std::to_string(cap) + " within the profile's horizon");
  }
}

// The recursion over the looks, with everything that does not change from
// look to look.
class Recursion {
 public:
  Recursion(const CalendarProfile& profile, const spending::Design& design,
            const CappedFinalBound& capped, double patients, std::span<const double> look_events,
            double cap, const EventDrivenSettings& settings)
      : profile_(profile),
        capped_(capped),
        settings_(settings),
        regions_(design.regions()),
        n_(patients),
        cap_(cap),
        events_(look_events.begin(), look_events.end()),
        count_(profile, patients) {
    for (std::size_t k = 0; k < events_.size(); ++k) {
      const LogRankJointMoments m = profile.moments(std::min(profile.time_for_events(events_[k] / n_), cap));
      slope_.push_back(m.score_slope);
      double v = n_ * m.conditional_variance;
      if (k > 0) v = std::max(v, variance_[k - 1] * (1.0 + kMinIncrement));
      variance_.push_back(v);
    }
    const LogRankJointMoments at_cap = profile.moments(cap);
    cap_events_ = profile.events(cap);
    // Var(L | D) at the cap, per event: a capped analysis with e events has e
    // times it (as a look's variance is its events times the per-event value
    // at its expected time).
    cap_variance_per_event_ = cap_events_ > 0.0 ? at_cap.conditional_variance / cap_events_ : 0.0;
    cap_slope_ = at_cap.score_slope;
    cap_score_ = profile.score_mean(cap);
    cap_null_ = cap_events_ > 0.0 ? profile.null_variance(cap) / cap_events_ : 0.0;
  }

  EventDrivenPower run() {
    const std::size_t looks = events_.size();
    out_.upper.assign(looks, 0.0);
    out_.lower.assign(looks, 0.0);
    out_.capped.assign(looks, 0.0);
    std::vector<Node> sources(1);
    sources[0].z = {0.0};
    sources[0].w = {1.0};
    sources[0].mass = 1.0;
    for (std::size_t k = 0; k < looks; ++k) {
      const Bins bins = time_bins(count_, events_[k], cap_, settings_);
      const Transitions tr = transitions(k, sources, bins);
      capped_analyses(k, sources, tr.to_cap);
      sources = look(k, sources, bins, tr.p);
    }
    for (std::size_t k = 0; k < looks; ++k) {
      out_.power += out_.upper[k];
      out_.capped_total += out_.capped[k];
    }
    out_.final_events_late = 1.0 - count_.at_least(events_.back(), 0.0, 0, cap_);
    return out_;
  }

 private:
  struct Transitions {
    std::vector<std::vector<double>> p;  // [source][bin]
    std::vector<double> to_cap;          // [source]
  };

  double previous_events(std::size_t k) const { return k == 0 ? 0.0 : events_[k - 1]; }
  double previous_variance(std::size_t k) const { return k == 0 ? 0.0 : variance_[k - 1]; }

  // E[L_k | T_k = t]: the score regressed on the count.
  double mean_at(std::size_t k, double t) const {
    return n_ * profile_.score_mean(t) + slope_[k] * (events_[k] - n_ * profile_.events(t));
  }
  // sqrt(E[V | D(t) = d]): the scale of the bound on L.
  double bound_scale(double d, double t) const {
    const double q = profile_.events(t);
    return q > 0.0 ? std::sqrt(d * profile_.null_variance(t) / q) : 0.0;
  }

  // From each source to each time bin of look k, and to the cap.
  Transitions transitions(std::size_t k, const std::vector<Node>& sources, const Bins& bins) const {
    const double d_prev = previous_events(k);
    const double fresh = events_[k] - d_prev;
    Transitions tr{std::vector<std::vector<double>>(sources.size(), std::vector<double>(bins.nodes.size(), 0.0)),
                   std::vector<double>(sources.size(), 0.0)};
    for (std::size_t i = 0; i < sources.size(); ++i) {
      const Node& src = sources[i];
      if (!(src.mass > kNegligible)) continue;
      double below = 0.0;
      for (std::size_t j = 0; j < bins.nodes.size(); ++j) {
        const double e = bins.edges[j + 1];
        const double c = e > src.time ? count_.at_least(fresh, src.time, d_prev, e) : 0.0;
        tr.p[i][j] = std::max(0.0, c - below);
        below = std::max(below, c);
      }
      tr.to_cap[i] = std::max(0.0, 1.0 - below);
    }
    return tr;
  }

  // Trials whose look k events have not come by the cap: a final analysis
  // there with the events observed (none new: no analysis).
  void capped_analyses(std::size_t k, const std::vector<Node>& sources, const std::vector<double>& to_cap) {
    const double d_prev = previous_events(k);
    const double v_prev = previous_variance(k);
    const double a = std::sqrt(v_prev);
    // Whole numbers of new events that leave the look short: 0 .. ceil(fresh) - 1.
    const auto short_counts = static_cast<long long>(std::ceil(events_[k] - d_prev - kCountSlack));
    for (std::size_t i = 0; i < sources.size(); ++i) {
      const Node& src = sources[i];
      const double reach = to_cap[i] * src.mass;
      if (!(reach > kNegligible)) continue;
      out_.capped[k] += reach;
      out_.expected_duration += reach * cap_;
      const std::vector<double> pmf = count_.below(short_counts, src.time, d_prev, cap_);
      for (long long e = 0; e < short_counts; ++e) {
        const double pe = pmf[static_cast<std::size_t>(e)];
        const double observed = d_prev + static_cast<double>(e);
        out_.expected_events += pe * src.mass * observed;
        if (e == 0 || !(pe * src.mass > kNegligible)) continue;
        const double b = capped_.bound(k, observed / events_.back());
        if (!std::isfinite(b)) continue;
        const double threshold = b * std::sqrt(observed * cap_null_);
        const double variance = observed * cap_variance_per_event_;
        const double sd = std::sqrt(std::max(variance - v_prev, kMinIncrement * variance));
        const double mean = n_ * cap_score_ + cap_slope_ * (observed - n_ * cap_events_);
        out_.upper[k] += pe * tail(src, a, sd, threshold - (mean - src.mean), false);
      }
    }
  }

  // Look k, bin by bin: crossings, stops, and the continuing trials' states.
  std::vector<Node> look(std::size_t k, const std::vector<Node>& sources, const Bins& bins,
                         const std::vector<std::vector<double>>& p) {
    const bool last = k + 1 == events_.size();
    const double d = events_[k];
    const double v = variance_[k];
    const double v_prev = previous_variance(k);
    const double a = std::sqrt(v_prev);
    const double sd = std::sqrt(std::max(v - v_prev, kMinIncrement * v));
    std::vector<Smoothed> smoothed;
    if (!last) {
      smoothed.reserve(sources.size());
      for (const Node& src : sources) smoothed.emplace_back(src, a, sd);
    }
    std::vector<Node> next;
    for (std::size_t j = 0; j < bins.nodes.size(); ++j) {
      const double t = bins.nodes[j];
      const double mean = mean_at(k, t);
      const double scale = bound_scale(d, t);
      const double hi = regions_.upper[k] * scale;
      const double lo = std::isfinite(regions_.lower[k]) ? regions_.lower[k] * scale : -kInf;
      double arriving = 0.0;
      double up = 0.0;
      double down = 0.0;
      for (std::size_t i = 0; i < sources.size(); ++i) {
        if (!(p[i][j] * sources[i].mass > kNegligible)) continue;
        const double shift = mean - sources[i].mean;
        arriving += p[i][j] * sources[i].mass;
        if (std::isfinite(hi)) up += p[i][j] * tail(sources[i], a, sd, hi - shift, false);
        if (last && std::isfinite(lo)) down += p[i][j] * tail(sources[i], a, sd, lo - shift, true);
      }
      if (!(arriving > kNegligible)) continue;
      out_.upper[k] += up;
      if (last) {
        out_.lower[k] += down;
        out_.expected_duration += arriving * t;
        out_.expected_events += arriving * d;
        continue;
      }
      const double inner = regions_.inner.empty() ? 0.0 : regions_.inner[k] * scale;
      Node node = continuing(k, sources, smoothed, p, j, t, mean, lo, hi, inner);
      down = std::isfinite(lo) ? std::max(0.0, arriving - up - node.mass) : 0.0;
      out_.lower[k] += down;
      out_.expected_duration += (up + down) * t;
      out_.expected_events += (up + down) * d;
      if (!node.z.empty()) next.push_back(std::move(node));
    }
    return next;
  }

  // The sub-density of the trials that continue from bin j of look k.
  Node continuing(std::size_t k, const std::vector<Node>& sources, const std::vector<Smoothed>& smoothed,
                  const std::vector<std::vector<double>>& p, std::size_t j, double t, double mean,
                  double lo, double hi, double inner) const {
    const double v = variance_[k];
    const double sv = std::sqrt(v);
    const double w_in = std::sqrt(std::max(v - previous_variance(k), kMinIncrement * v)) / sv;
    const double w_out = std::sqrt(variance_[k + 1] - v) / sv;
    // Grid intervals as in the integrator (numerics::grid_interval).
    const double max_interval = numerics::grid_interval(settings_.grid_r, std::min(w_in, w_out));
    // A two-sided design's futility region -inner < score < inner stops too.
    numerics::QuadratureGrid grid = numerics::quadrature_grid_outside(
        settings_.grid_r, mean / sv, lo / sv, hi / sv, inner / sv, max_interval);
    Node node;
    node.time = t;
    node.mean = mean;
    node.w.assign(grid.z.size(), 0.0);
    for (std::size_t m = 0; m < grid.z.size(); ++m) {
      const double x = grid.z[m] * sv;
      double density = 0.0;
      for (std::size_t i = 0; i < sources.size(); ++i) {
        if (!(p[i][j] * sources[i].mass > kNegligible)) continue;
        density += p[i][j] * smoothed[i](x - (mean - sources[i].mean));
      }
      node.w[m] = grid.w[m] * density * sv;
      node.mass += node.w[m];
    }
    node.z = std::move(grid.z);
    return node;
  }

  const CalendarProfile& profile_;
  const CappedFinalBound& capped_;
  const EventDrivenSettings& settings_;
  numerics::StoppingRegions regions_;
  double n_;
  double cap_;
  std::vector<double> events_;
  detail::EventCount count_;
  std::vector<double> slope_;     // E[U | D] slope per look
  std::vector<double> variance_;  // v_k = Var(L_k | D)
  double cap_events_ = 0.0;
  double cap_variance_per_event_ = 0.0;
  double cap_slope_ = 0.0;
  double cap_score_ = 0.0;
  double cap_null_ = 0.0;
  EventDrivenPower out_;
};

}  // namespace

EventDrivenPower event_driven_power(const CalendarProfile& profile, const spending::Design& design,
                                    const CappedFinalBound& capped, double patients,
                                    std::span<const double> look_events, double cap,
                                    const EventDrivenSettings& settings) {
  check_input(design, profile, patients, look_events, cap);
  return Recursion(profile, design, capped, patients, look_events, cap, settings).run();
}

}  // namespace gsd::survival
