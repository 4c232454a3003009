#include "gsd/spending/design_spec.hpp"

#include <cmath>
#include <string>
#include <stdexcept>
#include <type_traits>

#include "gsd/numerics/check.hpp"
#include "gsd/numerics/information_step.hpp"
#include "gsd/spending/design_limits.hpp"

namespace gsd::spending {

namespace {

using numerics::FieldPath;
using numerics::format_input;
using numerics::InvalidInput;

// Fractions within this distance of 1 count as the final look: JSON writers
// print 1.0 exactly, but 94/94 computed elsewhere may carry rounding.
constexpr double kFinalTolerance = 1e-9;

void validate_fractions(const std::vector<double>& t) {
  const FieldPath path{"information_fractions"};
  if (t.empty()) throw InvalidInput(path, "[]", "must list at least one look");
  if (t.size() > DesignSpec::kMaxLooks) {
    throw InvalidInput(path, "has " + std::to_string(t.size()) + " looks; at most " +
                                 std::to_string(DesignSpec::kMaxLooks) + " are supported");
  }
  for (std::size_t k = 0; k < t.size(); ++k) {
    const FieldPath at = path.index(k);
    if (!std::isfinite(t[k]) || !(t[k] > 0.0) || t[k] > 1.0 + kFinalTolerance) {
      throw InvalidInput(at, format_input(t[k]), "must lie in (0, 1]");
    }
    if (k > 0 && !(t[k] > t[k - 1])) {
      throw InvalidInput(at, format_input(t[k]), "must be greater than the previous fraction " + format_input(t[k - 1]));
    }
    if (k > 0 && !numerics::is_information_step(t[k - 1], t[k])) {
      throw InvalidInput(at, format_input(t[k]),
                         numerics::information_step_rule("fraction " + format_input(t[k - 1]), t[k - 1], t[k]));
    }
  }
  if (std::fabs(t.back() - 1.0) > kFinalTolerance) {
    throw InvalidInput(path.index(t.size() - 1), format_input(t.back()),
                       "must be 1: the last look is the final analysis");
  }
}

// The rule of a per-look list of the wrong length.
std::string per_look_rule(std::size_t given, std::size_t looks) {
  return "has " + std::to_string(given) + (given == 1 ? " value" : " values") + " but there are " +
         std::to_string(looks) + " looks; give one per look";
}

template <class T>
std::string list(const std::vector<T>& xs) {
  std::string out = "[";
  for (std::size_t k = 0; k < xs.size(); ++k) {
    if (k > 0) out += ", ";
    if constexpr (std::is_same_v<T, bool>) {
      out += xs[k] ? "true" : "false";
    } else {
      out += format_input(xs[k]);
    }
  }
  return out + "]";
}

void validate_switches(const std::vector<bool>& stops, std::size_t looks, const char* name) {
  if (stops.empty()) return;
  if (stops.size() != looks) {
    throw InvalidInput({name}, list(stops), per_look_rule(stops.size(), looks));
  }
}

void validate_spending_time(const std::vector<double>& s, std::size_t looks) {
  if (s.empty()) return;
  const FieldPath path{"spending_time"};
  if (s.size() != looks) {
    throw InvalidInput(path, list(s), per_look_rule(s.size(), looks));
  }
  for (std::size_t k = 0; k < s.size(); ++k) {
    if (!std::isfinite(s[k]) || !(s[k] > 0.0) || s[k] > 1.0 + kFinalTolerance) {
      throw InvalidInput(path.index(k), format_input(s[k]), "must lie in (0, 1]");
    }
    if (k > 0 && !(s[k] > s[k - 1])) {
      throw InvalidInput(path.index(k), format_input(s[k]),
                         "must be greater than the previous spending time " + format_input(s[k - 1]));
    }
  }
  if (std::fabs(s.back() - 1.0) > kFinalTolerance) {
    throw InvalidInput(path.index(s.size() - 1), format_input(s.back()),
                       "must be 1: the final analysis spends what is left");
  }
}

void validate_harm(const DesignSpec& d) {
  const HarmSpec& h = *d.harm;
  if (d.sided == Sidedness::kTwoSidedSymmetric) {
    throw InvalidInput({"harm"}, "is an asymmetric two-sided design of its own; use sided = 1 "
                                 "(alpha is then the total of both sides)");
  }
  if (!std::isfinite(h.alpha) || !(h.alpha > 0.0) || !(h.alpha < d.alpha)) {
    throw InvalidInput({"harm", "alpha"}, format_input(h.alpha),
                       "must lie in (0, alpha) with alpha = " + format_input(d.alpha) +
                           " the total of both sides; the efficacy bound spends alpha - harm.alpha");
  }
  if (h.binding && std::holds_alternative<ClassicalBoundary>(d.efficacy)) {
    throw InvalidInput({"harm", "binding"}, "true",
                       "needs a spending-function efficacy bound; classical boundaries are fixed "
                       "in shape and cannot absorb a binding harm bound");
  }
}

void validate_futility_rule(const DesignSpec& d) {
  const FutilitySpec& f = *d.futility;
  const std::size_t interims = d.information_fractions.size() - 1;
  const auto* classical = std::get_if<ClassicalBoundary>(&d.efficacy);
  const bool pt = classical && classical->family() == ClassicalFamily::kPampallonaTsiatis;
  switch (f.rule) {
    case FutilityRule::kBetaSpending:
      break;
    case FutilityRule::kPampallonaTsiatis:
      if (!pt) {
        throw InvalidInput({"futility", "spending"}, "pampallona-tsiatis",
                           "needs efficacy.spending = pampallona-tsiatis: the two bounds are "
                           "solved together");
      }
      if (!std::isfinite(f.parameter) || f.parameter < -0.5 || f.parameter > 1.0) {
        throw InvalidInput({"futility", "parameter"}, format_input(f.parameter),
                           "must be a Delta0 in [-0.5, 1] for pampallona-tsiatis");
      }
      return;
    case FutilityRule::kFixedZ:
    case FutilityRule::kEffectFraction: {
      const char* key = f.rule == FutilityRule::kFixedZ ? "z" : "effect";
      if (f.values.size() != interims) {
        throw InvalidInput({"futility", key}, list(f.values),
                           "has " + std::to_string(f.values.size()) +
                               (f.values.size() == 1 ? " value" : " values") +
                               "; give one per look before the last (" +
                               std::to_string(interims) + ")");
      }
      for (std::size_t k = 0; k < interims; ++k) {
        if (!std::isfinite(f.values[k]) || std::fabs(f.values[k]) > 37.0) {
          throw InvalidInput({"futility", key, k}, format_input(f.values[k]), "must be finite, within [-37, 37]");
        }
      }
      break;
    }
    case FutilityRule::kConditionalPower:
      if (!std::isfinite(f.parameter) || !(f.parameter > 0.0 && f.parameter < 1.0)) {
        throw InvalidInput({"futility", "conditional_power"}, format_input(f.parameter),
                           "must be a conditional power in (0, 1)");
      }
      break;
  }
  if (pt && f.binding) {
    throw InvalidInput({"futility", "binding"}, "true",
                       "with pampallona-tsiatis efficacy needs the pampallona-tsiatis futility bound");
  }
}

// A two-sided futility bound is beta spending on an alpha-spending efficacy
// bound, as rpact 3.3.4's sided = 2 with typeBetaSpending (rpact ignores
// futilityBounds there). Other rules (fixed bounds, conditional power, a
// two-sided Pampallona-Tsiatis design) are not offered two-sided, and are
// refused with the rule instead of ignored.
void validate_two_sided_futility(const DesignSpec& d) {
  const FutilitySpec& f = *d.futility;
  if (f.rule != FutilityRule::kBetaSpending) {
    throw InvalidInput({"futility"}, "with sided = 2 must be beta spending (futility.spending): gsd's "
                                     "two-sided futility bound stops when |z| is below it and is "
                                     "spent under H1; give futility.spending, or sided = 1 for "
                                     "this futility rule");
  }
  if (std::holds_alternative<ClassicalBoundary>(d.efficacy)) {
    throw InvalidInput({"futility"}, "with sided = 2 needs a spending-function efficacy bound "
                                     "(efficacy.spending): two-sided beta spending is solved "
                                     "against alpha spending");
  }
}

}  // namespace

double DesignSpec::alpha_per_side() const {
  if (harm) return alpha - harm->alpha;
  return sided == Sidedness::kTwoSidedSymmetric ? alpha / 2.0 : alpha;
}

void DesignSpec::validate() const {
  if (!std::isfinite(alpha) || !(alpha > 0.0 && alpha < kMaxDesignErrorRate)) {
    throw InvalidInput({"alpha"}, format_input(alpha), "must lie in (0, 0.5)" + alpha_advice());
  }
  if (!std::isfinite(beta) || !(beta > 0.0 && beta < kMaxDesignErrorRate)) {
    throw InvalidInput({"beta"}, format_input(beta), "must lie in (0, 0.5)" + beta_advice());
  }
  validate_fractions(information_fractions);
  numerics::within({"solver"}, [&] { solver.validate(); });
  if (futility) {
    if (sided == Sidedness::kTwoSidedSymmetric) validate_two_sided_futility(*this);
    if (information_fractions.size() < 2) {
      throw InvalidInput({"futility"}, "needs at least one interim look; information_fractions "
                                       "has only the final one");
    }
    validate_futility_rule(*this);
    if (futility->binding && futility->rule != FutilityRule::kPampallonaTsiatis &&
        std::holds_alternative<ClassicalBoundary>(efficacy) &&
        std::get<ClassicalBoundary>(efficacy).family() != ClassicalFamily::kPampallonaTsiatis) {
      throw InvalidInput({"futility", "binding"}, "true",
                         "needs a spending-function efficacy bound; classical boundaries are "
                         "fixed in shape and cannot absorb a binding futility bound");
    }
  }
  if (harm) validate_harm(*this);
  const std::size_t looks = information_fractions.size();
  validate_switches(efficacy_stops, looks, "efficacy_stops");
  validate_switches(futility_stops, looks, "futility_stops");
  if (!efficacy_stops.empty() && !efficacy_stops.back()) {
    throw InvalidInput(FieldPath{"efficacy_stops"}.index(looks - 1), "false",
                       "must be true: the final analysis always tests efficacy");
  }
  if (!futility_stops.empty() && !futility) {
    throw InvalidInput({"futility_stops"}, "needs a futility bound (design.futility)");
  }
  validate_switches(harm_stops, looks, "harm_stops");
  if (!harm_stops.empty() && !harm) {
    throw InvalidInput({"harm_stops"}, "needs a harm bound (design.harm)");
  }

  validate_spending_time(spending_time, looks);
  if (!held_efficacy.empty()) {
    if (!std::holds_alternative<ClassicalBoundary>(efficacy)) {
      throw InvalidInput({"held_efficacy"}, "applies to classical families only; a spending function "
                                            "spends by the information at every look");
    }
    if (held_efficacy.size() >= looks) {
      throw InvalidInput({"held_efficacy"}, list(held_efficacy),
                         "holds " + std::to_string(held_efficacy.size()) + " bounds for " + std::to_string(looks) +
                             " looks; at least the last look's bound must be left to solve");
    }
    for (std::size_t k = 0; k < held_efficacy.size(); ++k) {
      if (std::isnan(held_efficacy[k]) || (std::isinf(held_efficacy[k]) && held_efficacy[k] < 0.0)) {
        throw InvalidInput(FieldPath{"held_efficacy"}.index(k), format_input(held_efficacy[k]),
                           "must be a z bound or +inf (a look without one)");
      }
    }
  }
  if (const auto* user = std::get_if<SpendingFunction>(&efficacy)) {
    if (user->family() == SpendingFamily::kUser &&
        user->user_fractions().size() != information_fractions.size()) {
      throw InvalidInput({"efficacy", "cumulative"},
                         per_look_rule(user->user_fractions().size(), information_fractions.size()));
    }
  }
}

}  // namespace gsd::spending
