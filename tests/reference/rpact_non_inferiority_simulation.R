# rpact_non_inferiority_simulation.R - the reference values of
# tests/simulate/non_inferiority_sim_test.cpp: rpact's simulation of a
# survival non-inferiority trial, judged by the log-rank score test at the
# margin (rpact's thetaH0; its C++ logRankTest takes at each event the
# expected treated share thetaH0 n1 / (thetaH0 n1 + n2)).
#
# The trial: exponential control survival with median 12 months, 628 patients
# accrued uniformly over 24 months, 1:1, looks at 229 and 458 events,
# Lan-DeMets O'Brien-Fleming bounds at one-sided alpha 0.025; H0: HR >= 1.3.
# Drawn at HR 1 (power; the plan's Schoenfeld power is 0.8002) and at HR 1.3
# (the margin: the rejection rate is the type I error).
#
# Run:      Rscript tests/reference/rpact_non_inferiority_simulation.R
# Requires: R package rpact (3.3.4). About a minute. C++ tests embed the
#           printed values; they never call R.
#
# Besides the rejection rates it prints, with standard errors (binomial for
# the probabilities, sd / sqrt(n) over the trials of getData for the means),
# the first look's rejection, the events at the stopping look and its
# calendar time (rpact's expectedNumberOfEvents and studyDuration).
#
# rpact 3.3.4, seed 20261202, 100,000 iterations each, gave:
#   critical values 2.962588 1.968596
#   HR 1.00: overall rejection 0.79982, first look 0.16930
#   HR 1.30: overall rejection 0.02532, first look 0.00128

suppressPackageStartupMessages(library(rpact))

design <- getDesignGroupSequential(kMax = 2, alpha = 0.025, beta = 0.2,
                                   informationRates = c(0.5, 1), typeOfDesign = "asOF")
cat("critical values", format(design$criticalValues, digits = 7), "\n")
for (hr in c(1.0, 1.3)) {
  # directionUpper = FALSE: the alternative is a hazard ratio below the margin.
  sim <- getSimulationSurvival(design, thetaH0 = 1.3, directionUpper = FALSE,
                               median2 = 12, hazardRatio = hr,
                               accrualTime = c(0, 24), maxNumberOfSubjects = 628,
                               plannedEvents = c(229, 458),
                               maxNumberOfIterations = 100000, seed = 20261202)
  cat(sprintf("HR %.2f: overall rejection %.5f, first look %.5f\n",
              hr, sim$overallReject, sim$rejectPerStage[1]))
  # The stopping look of each trial: its last row in getData.
  x <- getData(sim)
  x <- x[order(x$iterationNumber, x$stageNumber), ]
  st <- x[!duplicated(x$iterationNumber, fromLast = TRUE), ]
  n <- nrow(st)
  events <- st$overallEvents1 + st$overallEvents2
  stopifnot(abs(mean(events) - sim$expectedNumberOfEvents) < 1e-8,
            abs(mean(st$analysisTime) - sim$studyDuration) < 1e-8)
  p1 <- sim$rejectPerStage[1]
  cat(sprintf("  first look %.5f (SE %.5f); events %.4f (SE %.4f); duration %.5f (SE %.5f); not achieved %d\n",
              p1, sqrt(p1 * (1 - p1) / n), mean(events), sd(events) / sqrt(n),
              mean(st$analysisTime), sd(st$analysisTime) / sqrt(n), sum(x$eventsNotAchieved)))
}
