# Reference values for tests/engine/rpact_survival_simulation_test.cpp: rpact
# 3.3.4's getSimulationSurvival on two event-driven plans without a cure
# fraction, each with a non-binding beta-spending futility bound, for gsd's
# simulator and its event-driven plan.
#
#   A  exponential_pocock_futility (defined in the test): control median 12
#      months, hazard ratio 0.7 (and 1: H0), 400 patients entering uniformly
#      over 20 months, 1:1, exponential drop-out hazards 0.02 (control) and
#      0.01 (treatment) per month, looks at 63, 125, 188 and 250 events;
#      Lan-DeMets Pocock efficacy, Hwang-Shih-DeCani (-2) beta-spending
#      futility (beta 0.1), alpha 0.025 one-sided.
#   B  tests/reference/event_driven/weibull_rampup_ratio2.json: Weibull
#      control S(t) = exp(-(t / 15)^0.8), proportional hazards 0.75, 500
#      patients at rate 1 over months 0-4 and 2 over months 4-20, 2:1
#      (treatment:control), looks at 150 and 300 events; Lan-DeMets O'Brien-
#      Fleming efficacy, HSD(-4) beta-spending futility (beta 0.2).
#
# The bounds are gsd's as `gsd design --format json` prints them
# (boundaries.looks[]): the efficacy bounds through rpact's user alpha
# spending at gsd's cumulative alpha, the futility bounds given as they are;
# the script stops if rpact's critical values differ from gsd's by 1e-6, or if
# rpact's own beta-spending design (asP / asOF with bsHSD) differs from them.
#
# rpact's rules, as they bear on the comparison:
# - group 1 is the treatment (hazard lambda2 x hazardRatio, Weibull with
#   lambda1 = lambda2 hazardRatio^(1 / kappa): proportional hazards), group 2
#   the control; directionUpper = FALSE makes z positive when the treatment
#   has fewer events than expected, as gsd's.
# - a look is at the calendar time of its planned event; it rejects when
#   z >= the critical value and stops for futility when z < the futility
#   bound (gsd: z <= the bound; ties have probability 0).
# - rejectPerStage and futilityPerStage obey the futility bound; the power
#   ignoring it is overallReject of the same trials simulated without a
#   futility bound (same seed; the script checks rejectPerStage agrees at
#   every look before a futility stop can differ, i.e. at look 1).
# - expectedNumberOfEvents and studyDuration are the means over trials of the
#   events and calendar time of the stopping analysis (the script recomputes
#   them from getData and stops if they differ).
# - entry is deterministic (patient i enters where the cumulative accrual
#   intensity reaches i / n) and allocation a fixed cycle (T, C or T, T, C),
#   where gsd draws entry times independently from the accrual density and
#   allocates by permuted blocks; the look times and durations are then
#   slightly less variable in rpact. The comparison asks whether these
#   differences show at the simulations' precision.
# - a trial whose planned events are never reached: rpact's eventsNotAchieved,
#   gsd's calendar cap. Neither happens in these plans (the script prints the
#   count; gsd's plans give a capped fraction below 1e-10).
#
# Standard errors: binomial for proportions, sd / sqrt(n) for means, from the
# per-trial data (getData). Run: Rscript tests/reference/rpact_survival_simulation.R
# [ITERATIONS] (default 200000; about 8 minutes on one core).
suppressPackageStartupMessages(library(rpact))

args <- commandArgs(trailingOnly = TRUE)
iterations <- if (length(args) >= 1) as.integer(args[1]) else 200000L

# gsd's bounds (gsd design --format json, boundaries.looks[]).
gsd_bounds <- list(
  A = list(efficacy = c(2.3683277035239056, 2.367524295508961, 2.358168303395537, 2.350035951565248),
           cumulative_alpha = c(0.008934350487719704, 0.01550286267394847, 0.020699723481063272,
                                0.025),
           futility = c(-0.5159864306769223, 0.5182327547427262, 1.412010727924605),
           rates = c(0.25, 0.5, 0.75, 1), native = "asP", gammaB = -2, beta = 0.1),
  B = list(efficacy = c(2.962588042727567, 1.968595640637505),
           cumulative_alpha = c(0.001525322757988906, 0.025),
           futility = c(0.012774334951876675),
           rates = c(0.5, 1), native = "asOF", gammaB = -4, beta = 0.2))

design_for <- function(b, futility) {
  k <- length(b$rates)
  d <- if (futility) {
    getDesignGroupSequential(kMax = k, alpha = 0.025, sided = 1, informationRates = b$rates,
                             typeOfDesign = "asUser", userAlphaSpending = b$cumulative_alpha,
                             futilityBounds = b$futility, bindingFutility = FALSE)
  } else {
    getDesignGroupSequential(kMax = k, alpha = 0.025, sided = 1, informationRates = b$rates,
                             typeOfDesign = "asUser", userAlphaSpending = b$cumulative_alpha)
  }
  stopifnot(max(abs(d$criticalValues - b$efficacy)) < 1e-6)
  if (futility) stopifnot(max(abs(d$futilityBounds - b$futility)) < 1e-9)
  d
}

for (name in names(gsd_bounds)) {
  b <- gsd_bounds[[name]]
  native <- getDesignGroupSequential(kMax = length(b$rates), alpha = 0.025, beta = b$beta, sided = 1,
                                     informationRates = b$rates, typeOfDesign = b$native,
                                     typeBetaSpending = "bsHSD", gammaB = b$gammaB,
                                     bindingFutility = FALSE)
  stopifnot(max(abs(native$criticalValues - b$efficacy)) < 1e-6,
            max(abs(native$futilityBounds - b$futility)) < 1e-6)
}

simulate_plan <- function(plan, hazard_ratio, futility, seed) {
  d <- design_for(gsd_bounds[[plan]], futility)
  if (plan == "A") {
    getSimulationSurvival(d, thetaH0 = 1, directionUpper = FALSE, lambda2 = log(2) / 12,
                          hazardRatio = hazard_ratio, dropoutRate1 = 1 - exp(-0.01 * 12),
                          dropoutRate2 = 1 - exp(-0.02 * 12), dropoutTime = 12,
                          accrualTime = c(0, 20), maxNumberOfSubjects = 400,
                          plannedEvents = c(63, 125, 188, 250),
                          maxNumberOfIterations = iterations, seed = seed)
  } else {
    getSimulationSurvival(d, thetaH0 = 1, directionUpper = FALSE, lambda2 = 1 / 15, kappa = 0.8,
                          hazardRatio = hazard_ratio, allocation1 = 2, allocation2 = 1,
                          accrualTime = c(0, 4, 20), accrualIntensity = c(1, 2),
                          accrualIntensityType = "relative", maxNumberOfSubjects = 500,
                          plannedEvents = c(150, 300),
                          maxNumberOfIterations = iterations, seed = seed)
  }
}

# Per-trial stopping rows of getData: the last stage of each iteration.
stops_of <- function(s) {
  x <- getData(s)
  x <- x[order(x$iterationNumber, x$stageNumber), ]
  x[!duplicated(x$iterationNumber, fromLast = TRUE), ]
}

est <- function(value, se) sprintf("{%.5f, %.5f}", value, se)
proportion <- function(p, n) est(p, sqrt(p * (1 - p) / n))
mean_of <- function(v) est(mean(v), sd(v) / sqrt(length(v)))

report <- function(label, plan, hazard_ratio, seed) {
  k <- length(gsd_bounds[[plan]]$rates)
  s <- simulate_plan(plan, hazard_ratio, TRUE, seed)
  free <- simulate_plan(plan, hazard_ratio, FALSE, seed)
  st <- stops_of(s)
  n <- nrow(st)
  stopifnot(n == iterations)
  # rpact's summaries are the per-trial means recomputed here.
  stopifnot(abs(mean(st$analysisTime) - s$studyDuration) < 1e-8,
            abs(mean(st$overallEvents1 + st$overallEvents2) - s$expectedNumberOfEvents) < 1e-8,
            max(abs(s$rejectPerStage[, 1] - tabulate(st$stageNumber[st$rejectPerStage == 1], k) / n)) < 1e-12)
  # The same seed draws the same trials: look 1 agrees with and without futility.
  stopifnot(abs(s$rejectPerStage[1, 1] - free$rejectPerStage[1, 1]) < 1e-12)
  reject <- s$rejectPerStage[, 1]
  fut <- c(s$futilityPerStage[, 1], 0)
  reject_free <- free$rejectPerStage[, 1]
  cat(sprintf("// %s: %d iterations, seed %d, events not achieved in %d trials\n", label, n, seed,
              sum(getData(s)$eventsNotAchieved)))
  cat(sprintf("{\"%s\", %.2f, %s,\n", label, hazard_ratio, n))
  cat(sprintf(" %s, {%s},\n", proportion(s$overallReject, n),
              paste(sapply(reject, proportion, n = n), collapse = ", ")))
  cat(sprintf(" {%s},\n", paste(sapply(fut, proportion, n = n), collapse = ", ")))
  cat(sprintf(" %s, {%s},\n", proportion(free$overallReject, n),
              paste(sapply(reject_free, proportion, n = n), collapse = ", ")))
  cat(sprintf(" %s, %s},\n", mean_of(st$overallEvents1 + st$overallEvents2),
              mean_of(st$analysisTime)))
}

cat(sprintf("rpact %s\n", as.character(packageVersion("rpact"))))
report("A", "A", 0.7, 20261301L)
report("A", "A", 1.0, 20261302L)
report("B", "B", 0.75, 20261303L)
