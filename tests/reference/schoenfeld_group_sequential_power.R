# schoenfeld_group_sequential_power.R - reference values for
# tests/survival/schoenfeld_reference_test.cpp: the proportional-hazards
# (Schoenfeld 1981) comparison that `gsd design` prints beside a survival plan
# (sample_size.schoenfeld: power_at_plan_events and group_sequential_events;
# survival/src/schoenfeld.cpp).
#
# Under proportional hazards the log-rank z after d events is normal with mean
# drift sqrt(t_k), drift = sqrt(d r) / (1 + r) (-log HR), at information
# fractions t_k. gsd's power_at_plan_events is the probability of crossing the
# upper (efficacy) bound at the design's fractions of the plan's events, with
# every other stopping region in force (the futility bound; the lower bound
# -b_k of a two-sided design). group_sequential_events is the d whose drift
# gives the target power through the same bounds.
#
# For each case the script computes:
#   rpact 3.3.4:  getPowerSurvival()$overallReject at the plan's events, and
#                 getSampleSizeSurvival()$maxNumberOfEvents (Schoenfeld);
#   own:          the upper-crossing and lower-crossing probabilities as
#                 multivariate normal rectangles at rpact's bounds (mvtnorm,
#                 Miwa's algorithm, accurate to about 1e-11 in three
#                 dimensions), and the events whose upper-crossing probability
#                 is the target, by uniroot on those rectangles.
# For a two-sided design rpact's overallReject counts a rejection on either
# side: it is the upper crossing plus the lower crossing (concluding that the
# treatment is worse), which for the seed plan is 1.89e-5. gsd reports the
# power to show benefit, the upper crossing alone, as rpact itself does when
# it sizes the trial (maxNumberOfEvents below solves the upper crossing).
# The script stops if rpact's overallReject differs from own upper + lower,
# or rpact's events from own events, by more than rpact's bound tolerance.
#
# The seed plan's bounds are also checked: the two-sided alpha spent at each
# look by rpact's bounds and by gsd's (printed by `gsd design
# configs/blinatumomab-20120215.json`), against the O'Brien-Fleming-type
# spending function. gsd's bounds spend it to about 1e-10, rpact's final bound
# 6.5e-10 too much: the 2.4e-9 between gsd's power and the upper crossing at
# rpact's bounds is rpact's bound tolerance, and the upper crossing at gsd's
# own bounds agrees with gsd to about 1e-11.
#
# Run:      Rscript tests/reference/schoenfeld_group_sequential_power.R
# Requires: R packages rpact (3.3.4) and mvtnorm (1.1-3). Prints one C++
#           initializer per case; the tests embed them and never call R.

suppressPackageStartupMessages({
  library(rpact)
  library(mvtnorm)
})

miwa <- Miwa(steps = 4096)

# Correlation of the z statistics at information fractions t.
look_correlation <- function(t) outer(t, t, function(a, b) sqrt(pmin(a, b) / pmax(a, b)))

# P(Z_j in (lo_j, hi_j) for j < k, Z_k in (lo_k, hi_k)), E[Z] = mean.
rectangle <- function(lo, hi, mean, sigma) {
  k <- length(lo)
  suppressWarnings(as.numeric(pmvnorm(lower = lo, upper = hi, mean = mean[1:k],
                                      sigma = sigma[1:k, 1:k, drop = FALSE], algorithm = miwa)))
}

# Upper and lower first-crossing probabilities through efficacy bounds b and
# continuation lower bounds a (the futility bound, -b two-sided, -Inf none).
# Only a two-sided design rejects through the lower bound; a one-sided
# design's lower crossings (futility stops) are not returned.
crossings <- function(t, b, a, drift, two_sided = TRUE) {
  sigma <- look_correlation(t)
  mean <- drift * sqrt(t)
  upper <- 0
  lower <- 0
  for (k in seq_along(t)) {
    lo <- a[seq_len(k - 1)]
    hi <- b[seq_len(k - 1)]
    upper <- upper + rectangle(c(lo, b[k]), c(hi, Inf), mean, sigma)
    if (two_sided) {
      lower <- lower + rectangle(c(lo, -Inf), c(hi, a[k]), mean, sigma)
    }
  }
  c(upper = upper, lower = lower)
}

per_event <- function(hr, r) r / (1 + r)^2 * log(hr)^2

# The cases: the seed plan (configs/blinatumomab-20120215.json, its noncured
# hazard ratio) and three proportional-hazards plans. `gsd` holds what gsd
# 0.2.0 prints for them (power_at_plan_events, group_sequential_events).
cases <- list(
  list(id = "seed_two_sided_obf", hr = 0.63, r = 1, events = 94,
       design = getDesignGroupSequential(kMax = 3, alpha = 0.05, sided = 2, beta = 0.16,
                                         informationRates = c(0.5, 0.75, 1),
                                         typeOfDesign = "asOF"),
       gsd = c(0.6009700776723254, 167)),
  list(id = "one_sided_obf_hsd_futility", hr = 0.7, r = 1, events = 250,
       design = getDesignGroupSequential(kMax = 3, alpha = 0.025, sided = 1, beta = 0.1,
                                         informationRates = c(0.4, 0.7, 1),
                                         typeOfDesign = "asOF", typeBetaSpending = "bsHSD",
                                         gammaB = -2, bindingFutility = FALSE),
       gsd = c(0.7774430479349, 355)),
  list(id = "one_sided_obf_allocation_2", hr = 0.75, r = 2, events = 300,
       design = getDesignGroupSequential(kMax = 4, alpha = 0.025, sided = 1, beta = 0.2,
                                         informationRates = c(0.25, 0.5, 0.75, 1),
                                         typeOfDesign = "asOF"),
       gsd = c(0.6421763639761037, 436)),
  list(id = "two_sided_pocock_hr_0_8", hr = 0.8, r = 1, events = 400,
       design = getDesignGroupSequential(kMax = 3, alpha = 0.05, sided = 2, beta = 0.2,
                                         informationRates = c(0.3, 0.65, 1),
                                         typeOfDesign = "asP"),
       gsd = c(0.5285200353741646, 737))
)

# rpact's bounds meet their spending to about 1e-9; the probabilities move by
# less than that.
tolerance <- 1e-8

for (cs in cases) {
  d <- cs$design
  t <- d$informationRates
  b <- d$criticalValues
  a <- if (d$sided == 2) {
    -b
  } else if (d$typeBetaSpending == "bsHSD") {
    c(d$futilityBounds, -Inf)
  } else {
    rep(-Inf, d$kMax)
  }
  # directionUpper = FALSE: the hazard ratio below 1 is the benefit (rpact
  # ignores it, with a warning, for a two-sided design).
  pw <- suppressWarnings(getPowerSurvival(
    design = d, hazardRatio = cs$hr, lambda2 = log(2) / 12, allocationRatioPlanned = cs$r,
    directionUpper = FALSE, accrualTime = 24, maxNumberOfSubjects = 4 * cs$events,
    maxNumberOfEvents = cs$events))
  ss <- getSampleSizeSurvival(design = d, hazardRatio = cs$hr, lambda2 = log(2) / 12,
                              allocationRatioPlanned = cs$r, accrualTime = 24, followUpTime = 12)
  drift <- sqrt(cs$events * per_event(cs$hr, cs$r))
  own <- crossings(t, b, a, drift, d$sided == 2)
  own_drift <- uniroot(function(x) crossings(t, b, a, x, FALSE)[["upper"]] - (1 - d$beta),
                       c(0.5, 8), tol = 1e-13)$root
  own_events <- own_drift^2 / per_event(cs$hr, cs$r)
  if (abs(pw$overallReject - sum(own)) > tolerance) stop(cs$id, ": overallReject")
  if (abs(ss$maxNumberOfEvents / own_events - 1) > 1e-7) stop(cs$id, ": events")
  cat(sprintf("// %s: gsd prints power %.10f (upper %+.1e), events %d (ceil)\n",
              cs$id, cs$gsd[1], cs$gsd[1] - own[["upper"]], cs$gsd[2]))
  cat(sprintf("{\"%s\", %.15g, %.15g, %.15g, %.15g, %.15g},\n", cs$id, pw$overallReject,
              own[["upper"]], own[["lower"]], ss$maxNumberOfEvents, own_events))
}

# The seed plan's bounds: alpha spent (both sides) less the spending function.
t <- c(0.5, 0.75, 1)
sigma <- look_correlation(t)
spent <- function(b) {
  sapply(seq_along(t), function(k) 1 - rectangle(-b[1:k], b[1:k], rep(0, 3), sigma))
}
target <- 4 * (1 - pnorm(qnorm(1 - 0.05 / 4) / sqrt(t)))
rpact_bounds <- cases[[1]]$design$criticalValues
gsd_bounds <- c(2.962588042727567, 2.3590177057766333, 2.0140836683971193)
cat(sprintf("// seed alpha spent less target, rpact bounds: %s\n",
            paste(sprintf("%+.1e", spent(rpact_bounds) - target), collapse = " ")))
cat(sprintf("// seed alpha spent less target, gsd bounds:   %s\n",
            paste(sprintf("%+.1e", spent(gsd_bounds) - target), collapse = " ")))
at_gsd <- crossings(t, gsd_bounds, -gsd_bounds, sqrt(94 * per_event(0.63, 1)))
cat(sprintf("// seed upper crossing at gsd's bounds %.15g (gsd %.15g)\n",
            at_gsd[["upper"]], cases[[1]]$gsd[1]))
