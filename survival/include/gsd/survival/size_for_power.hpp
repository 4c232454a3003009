#pragma once
// The size a test needs for a target power: one bracketed root search over a
// power function of the size (patients or events), shared by every test that
// is sized by its power (the weighted log-rank and MaxCombo tests,
// test_sizing.hpp, and any other test whose power is a function of its size).
//
// The search starts at a first guess (a fixed-sample closed form, or another
// test's size), steps by a constant factor until the power crosses the target
// (down while it is at or above it, up while below), then solves the bracket
// with TOMS 748 (Alefeld, Potra & Shi 1995) to `bits` mantissa bits. The
// power need only cross the target once between the start and the root: a
// power that rises, peaks and falls again with the events (a cure model)
// gives the first crossing above a start below it, as the log-rank plan's
// events solve does (sample_size.cpp).
//
// A Monte Carlo power (MaxCombo's Genz-Bretz probabilities) must be a smooth
// deterministic function of the size for the root to be well defined: the
// same random numbers at every size (one lattice, one seed). Its error then
// moves the root by about error / slope, which the result's slope gives.
#include <functional>

namespace gsd::survival {

struct SizeSearch {
  double start = 0.0;   // first guess, clamped to [lower, upper]
  double lower = 1.0;   // smallest size considered (> 0)
  double upper = 1e8;   // largest size considered
  double step = 1.25;   // bracketing factor (> 1)
  int bits = 24;        // mantissa bits of the root (1 to 52)

  // Throws std::invalid_argument for a search that cannot run.
  void validate() const;
};

struct SizeForPower {
  // Whether the power reaches the target within [lower, upper].
  bool reached = false;
  // The root (or `lower` when the power is already at the target there);
  // when not reached, the size with the largest power evaluated.
  double size = 0.0;
  double power = 0.0;  // at `size`
  // d power / d size near the root: the secant over the final bracket (0 if
  // there was none). The size's uncertainty from a power error e is e / slope.
  double slope = 0.0;
  int evaluations = 0;  // calls of the power function
};

// Throws std::invalid_argument for an invalid search or a target outside
// (0, 1), numerics::NumericalError if the power is not a finite number at a
// size tried or the bracket cannot be solved.
SizeForPower size_for_power(const std::function<double(double)>& power, double target,
                            const SizeSearch& search);

}  // namespace gsd::survival
