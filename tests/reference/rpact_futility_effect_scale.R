# Generator of the rpact 3.3.4 reference values embedded in
# tests/survival/classical_sizing_test.cpp (FutilityBoundOnTheHazardRatioScale):
# a survival plan's futility bound on the hazard-ratio scale (rpact's
# futilityBoundsEffectScale) and the chance of a futility stop at each look
# (futilityPerStage), for a one-sided design with Hwang-Shih-DeCani (-2)
# non-binding beta-spending futility, at 300 events (150 / 225 / 300 at the
# looks, whole numbers, so that rpact's looks are gsd's).
# Run: Rscript tests/reference/rpact_futility_effect_scale.R (Debian r-cran-rpact).
# Tests embed the printed values; they never call R.
suppressMessages(library(rpact))
show <- function(label, x) cat(label, ":", sprintf("%.10g", x), "\n")
d <- getDesignGroupSequential(kMax = 3, alpha = 0.025, sided = 1, beta = 0.1,
                              informationRates = c(0.5, 0.75, 1), typeOfDesign = "asOF",
                              typeBetaSpending = "bsHSD", gammaB = -2, bindingFutility = FALSE)
show("futilityBounds", d$futilityBounds)
for (r in c(1, 2)) {
  cat("== Schoenfeld, control median 12, HR 0.7, accrual 24, 500 patients, 300 events, allocation", r, "\n")
  x <- getPowerSurvival(d, typeOfComputation = "Schoenfeld", lambda2 = log(2) / 12, hazardRatio = 0.7,
                        allocationRatioPlanned = r, directionUpper = FALSE, accrualTime = c(0, 24),
                        maxNumberOfSubjects = 500, maxNumberOfEvents = 300)
  show("eventsPerStage", x$eventsPerStage)
  show("futilityBoundsEffectScale", x$futilityBoundsEffectScale)
  show("futilityPerStage", x$futilityPerStage)
  show("rejectPerStage", x$rejectPerStage)
}
