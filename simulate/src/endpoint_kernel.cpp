// One replicate of a normal or binary endpoint's trial.
//
// The patients are not drawn one by one: each look's increment of patients
// in each arm is summarised by its sufficient statistics, drawn exactly from
// their joint distribution, which is the distribution a patient-by-patient
// replay gives them:
//  - normal, n new patients of an arm with mean mu and sd sigma: their mean
//    is N(mu, sigma^2 / n), and their sum of squared deviations from it is
//    sigma^2 chi-square(n - 1), independent of the mean (Cochran's theorem);
//    the increments of both arms share one chi-square on the sum of their
//    degrees of freedom. Increments are merged into the running means and
//    the pooled sum of squares by the exact pairwise update of Chan, Golub
//    & LeVeque (1979, "Updating formulae and a pairwise algorithm for
//    computing sample variances", COMPSTAT);
//  - binary, n new patients of an arm with rate p: Binomial(n, p) responders.
// So a trial of any size costs a few draws per look. The draws are
// Boost.Random's normal (ziggurat), chi-square (gamma) and binomial (BTRD)
// distributions on the replicate's own Philox4x32-10 stream
// (random_stream.hpp, purpose kEndpoint).
//
// At each look the statistic is the one the analysis computes:
//  - normal: the t statistic with the pooled sd (one sample: the sample
//    sd), against the design's z bounds carried to the t distribution with
//    patients - groups degrees of freedom at the same nominal level (rpact's
//    effect-scale bounds); with normal_approximation, the same statistic
//    against the z bounds;
//  - binary: the z statistic of the rate, difference or ratio of the
//    observed rates, with the variance under H0 at the Farrington-Manning
//    restricted rates (pooled at a zero difference margin; the H0 rate for
//    one sample), or at the observed rates (unpooled). A zero variance (no
//    or only responders) gives z = +-infinity by the sign of the numerator,
//    or 0 when the numerator is 0 too.
#include "endpoint_kernel.hpp"

#include <boost/math/distributions/students_t.hpp>
#include <boost/random/normal_distribution.hpp>
#include <algorithm>
#include <cmath>
#include <limits>

#include "gsd/endpoints/farrington_manning.hpp"
#include "gsd/endpoints/student_t_z.hpp"
#include "gsd/numerics/normal.hpp"
#include "random_stream.hpp"

namespace gsd::simulate::detail {

namespace {

using endpoints::EndpointType;
using endpoints::RateScale;
using endpoints::RateVariance;

constexpr double kInf = std::numeric_limits<double>::infinity();

// Philox words as a uniform random bit generator for Boost.Random.
class PhiloxEngine {
 public:
  using result_type = std::uint32_t;
  PhiloxEngine(std::uint64_t seed, std::uint64_t replicate)
      : stream_(seed, replicate, StreamPurpose::kEndpoint) {}
  static constexpr result_type min() { return 0u; }
  static constexpr result_type max() { return 0xFFFFFFFFu; }
  result_type operator()() noexcept { return stream_.next(); }

 private:
  WordStream stream_;
};

// The z bound b at the same one-sided nominal level on a t distribution.
double t_bound(double b, double df) {
  if (!std::isfinite(b)) return b;
  const boost::math::students_t t(df);
  return b >= 0.0 ? boost::math::quantile(boost::math::complement(t, numerics::normal_upper_tail(b)))
                  : -boost::math::quantile(boost::math::complement(t, numerics::normal_upper_tail(-b)));
}

EndpointBounds design_bounds(const spending::Design& d, std::size_t k) {
  const double b = d.efficacy[k];
  if (d.spec.sided == spending::Sidedness::kTwoSidedSymmetric) {
    return {b, -kInf, -b, d.futility[k].value_or(0.0)};
  }
  return {b, d.futility[k].value_or(-kInf), d.harm[k].value_or(-kInf), 0.0};
}

// An infinite statistic (a binary endpoint's zero variance) crosses only a
// bound that exists: +infinity is no efficacy stop at a look without one, and
// -infinity no harm or futility stop where the design has neither.
Decision decide(const EndpointBounds& b, double z, bool last) {
  if (b.upper < kInf && z >= b.upper) return Decision::kStopEfficacy;
  if (b.harm > -kInf && z <= b.harm) return Decision::kStopHarm;
  if ((b.futility > -kInf && z <= b.futility) || std::fabs(z) < b.inner) return Decision::kStopFutility;
  return last ? Decision::kFinalNoRejection : Decision::kContinue;
}

// Adds `added` observations with mean `added_mean` to a running mean and sum
// of squared deviations (Chan, Golub & LeVeque 1979).
void merge(int& n, double& mean, double& ss, int added, double added_mean) {
  const double total = static_cast<double>(n + added);
  const double delta = added_mean - mean;
  ss += delta * delta * (static_cast<double>(n) * added / total);
  mean += delta * added / total;
  n += added;
}

double z_of(double numerator, double variance) {
  if (variance > 0.0) return numerator / std::sqrt(variance);
  return numerator > 0.0 ? kInf : (numerator < 0.0 ? -kInf : 0.0);
}

}  // namespace

struct EndpointKernel::Running {
  EndpointArms n;
  double mean_t = 0.0;
  double mean_c = 0.0;
  double ss = 0.0;  // pooled sum of squared deviations from the arms' means
  int responders_t = 0;
  int responders_c = 0;
};

EndpointKernel::EndpointKernel(const EndpointModel& model, const spending::Design& design)
    : model_(model) {
  const endpoints::EndpointSpec& s = model_.spec;
  binary_ = s.type == EndpointType::kBinary;
  t_test_ = !binary_ && !s.normal_approximation;
  two_sided_ = design.spec.sided == spending::Sidedness::kTwoSidedSymmetric;
  sign_ = s.test_direction() == endpoints::Direction::kUpper ? 1.0 : -1.0;
  margin_ = s.null_value();
  if (!binary_) mean_t_ = s.alternative();
  const double p_t = binary_ ? (s.groups == 1 ? *s.rate : *s.treatment_rate) : 0.5;
  const double p_c = binary_ && s.groups == 2 ? *s.control_rate : 0.5;
  EndpointArms before;
  for (std::size_t k = 0; k < model_.look_patients.size(); ++k) {
    Look l;
    l.arms = model_.arms_at(k);
    l.added = {l.arms.treatment - before.treatment, l.arms.control - before.control};
    l.z = design_bounds(design, k);
    l.df = model_.look_patients[k] - s.groups;
    l.statistic = l.z;
    if (t_test_) {
      l.statistic = {t_bound(l.z.upper, l.df), t_bound(l.z.futility, l.df), t_bound(l.z.harm, l.df),
                     t_bound(l.z.inner, l.df)};
    }
    const int within = std::max(l.added.treatment - 1, 0) + std::max(l.added.control - 1, 0);
    l.within_df = within;
    if (within > 0) l.within = boost::random::chi_squared_distribution<double>(within);
    l.responders_t = boost::random::binomial_distribution<int, double>(l.added.treatment, p_t);
    l.responders_c = boost::random::binomial_distribution<int, double>(l.added.control, p_c);
    looks_.push_back(l);
    before = l.arms;
  }
}

double EndpointKernel::statistic_normal(const Running& s) const {
  if (model_.spec.groups == 1) {
    const double n = s.n.treatment;
    return z_of(sign_ * (s.mean_t - margin_), s.ss / (n - 1.0) / n);
  }
  const double nt = s.n.treatment;
  const double nc = s.n.control;
  const double pooled = s.ss / (nt + nc - 2.0);
  return z_of(sign_ * (s.mean_t - s.mean_c - margin_), pooled * (1.0 / nt + 1.0 / nc));
}

double EndpointKernel::statistic_binary(const Running& s) const {
  const endpoints::EndpointSpec& spec = model_.spec;
  const bool unpooled = spec.variance == RateVariance::kUnpooled;
  const double nt = s.n.treatment;
  const double pt = s.responders_t / nt;
  if (spec.groups == 1) {
    const double p0 = unpooled ? pt : margin_;
    return z_of(sign_ * (pt - margin_), p0 * (1.0 - p0) / nt);
  }
  const double nc = s.n.control;
  const double pc = s.responders_c / nc;
  const bool ratio = spec.scale == RateScale::kRatio;
  const double w = ratio ? margin_ : 1.0;  // the statistic is on pt - w pc - shift
  const double shift = ratio ? 0.0 : margin_;
  double vt = pt;
  double vc = pc;
  if (!unpooled) {
    const endpoints::RestrictedRates fm =
        ratio ? endpoints::restricted_rates_ratio(pt, pc, margin_, nt / nc)
              : endpoints::restricted_rates_difference(pt, pc, margin_, nt / nc);
    vt = fm.treatment;
    vc = fm.control;
  }
  const double variance = vt * (1.0 - vt) / nt + w * w * vc * (1.0 - vc) / nc;
  return z_of(sign_ * (pt - w * pc - shift), variance);
}

// A statistic on the z scale for the records: a t statistic at the same
// one-sided nominal level (endpoints/student_t_z.hpp: past where the tail
// underflows too).
double EndpointKernel::as_z(double statistic, const Look& look) const {
  if (!t_test_ || !std::isfinite(statistic)) return statistic;
  return endpoints::z_of_t(statistic, look.df);
}

Decision EndpointKernel::decide_look(std::size_t look, double statistic, bool ignoring_futility) const {
  EndpointBounds bounds = looks_[look].statistic;
  if (ignoring_futility) {
    bounds.futility = -kInf;
    bounds.inner = 0.0;
  }
  return decide(bounds, statistic, look + 1 == looks_.size());
}

Decision EndpointKernel::binary_decision(std::size_t look, int responders_t, int responders_c,
                                         bool ignoring_futility) const {
  Running s;
  s.n = looks_[look].arms;
  s.responders_t = responders_t;
  s.responders_c = responders_c;
  return decide_look(look, statistic_binary(s), ignoring_futility);
}

ReplicateOutcome EndpointKernel::run(std::uint64_t seed, std::uint64_t replicate,
                                     std::vector<LookRecord>* records) const {
  PhiloxEngine engine(seed, replicate);
  boost::random::normal_distribution<double> normal;
  const double sd = model_.spec.sd;
  ReplicateOutcome out;
  Running s;
  bool obeyed_active = true;
  bool ignoring_active = true;
  for (std::size_t k = 0; k < looks_.size() && (obeyed_active || ignoring_active); ++k) {
    const Look& l = looks_[k];
    if (binary_) {
      if (l.added.treatment > 0) s.responders_t += l.responders_t(engine);
      if (l.added.control > 0) s.responders_c += l.responders_c(engine);
      s.n = l.arms;
    } else {
      const int at = l.added.treatment;
      const int ac = l.added.control;
      if (at > 0) merge(s.n.treatment, s.mean_t, s.ss, at, mean_t_ + sd * normal(engine) / std::sqrt(at));
      if (ac > 0) merge(s.n.control, s.mean_c, s.ss, ac, mean_c_ + sd * normal(engine) / std::sqrt(ac));
      if (l.within_df > 0) {
        auto within = l.within;
        s.ss += sd * sd * within(engine);
      }
    }
    const double statistic = binary_ ? statistic_binary(s) : statistic_normal(s);
    const Decision obeyed = decide_look(k, statistic, false);
    const Decision ignoring = decide_look(k, statistic, true);
    if (ignoring_active && ignoring != Decision::kContinue) {
      ignoring_active = false;
      if (ignoring == Decision::kStopEfficacy || ignoring == Decision::kStopHarm) {
        out.reject_look_ignoring_futility = static_cast<int>(k);
        out.reject_upper_ignoring_futility = ignoring == Decision::kStopEfficacy;
      }
    }
    if (!obeyed_active) continue;
    if (records) {
      LookRecord r;
      r.look = static_cast<int>(k);
      r.patients = model_.look_patients[k];
      r.z = as_z(statistic, l);
      r.efficacy_z = l.z.upper;
      if (std::isfinite(l.z.futility)) r.futility_z = l.z.futility;
      if (l.z.inner > 0.0) r.futility_z = l.z.inner;
      if (!two_sided_ && std::isfinite(l.z.harm)) r.harm_z = l.z.harm;
      r.decision = obeyed;
      records->push_back(r);
    }
    if (obeyed != Decision::kContinue) {
      obeyed_active = false;
      out.stop_look = static_cast<int>(k);
      out.decision = obeyed;
      out.patients = model_.look_patients[k];
    }
  }
  return out;
}

}  // namespace gsd::simulate::detail
