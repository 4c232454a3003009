# Generator of the rpact 3.3.4 reference values embedded in
# tests/endpoints/endpoint_plan_test.cpp and tests/survival/classical_sizing_test.cpp:
# a two-sided design with (non-binding) beta-spending futility, whose futility
# region is inner (|z| below the bound) beside the lower efficacy bound, and a
# non-inferiority margin's per-look crossings.
# Run: Rscript tests/reference/rpact_two_sided_futility.R (Debian r-cran-rpact).
# Tests embed the printed values; they never call R.
suppressMessages(library(rpact))
show <- function(label, x) cat(label, ":", sprintf("%.10g", x), "\n")
d <- suppressWarnings(getDesignGroupSequential(kMax = 3, alpha = 0.05, sided = 2, beta = 0.2,
                                               informationRates = c(0.5, 0.75, 1), typeOfDesign = "asOF",
                                               typeBetaSpending = "bsOF", bindingFutility = FALSE))
cat("== Rates 0.4 against 0.3, 100 patients: rejection on either side\n")
show("overallReject", getPowerRates(d, groups = 2, pi1 = 0.4, pi2 = 0.3, maxNumberOfSubjects = 100)$overallReject)
cat("== Schoenfeld, hazard 0.05, HR 0.75, accrual 24, 500 patients, 300 events: futility stops count\n")
x <- getPowerSurvival(d, typeOfComputation = "Schoenfeld", lambda2 = 0.05, hazardRatio = 0.75,
                      accrualTime = c(0, 24), maxNumberOfSubjects = 500, maxNumberOfEvents = 300)
show("expectedNumberOfEvents", x$expectedNumberOfEvents)
show("studyDuration", x$studyDuration)
cat("== Non-inferiority: margin 1.2, HR 0.9, median 12, accrual 24, 800 patients, 400 events\n")
d2 <- getDesignGroupSequential(kMax = 2, alpha = 0.025, beta = 0.2, informationRates = c(0.5, 1),
                               typeOfDesign = "asOF")
y <- getPowerSurvival(d2, typeOfComputation = "Schoenfeld", thetaH0 = 1.2, lambda2 = log(2) / 12,
                      hazardRatio = 0.9, directionUpper = FALSE, accrualTime = c(0, 24),
                      maxNumberOfSubjects = 800, maxNumberOfEvents = 400)
show("rejectPerStage", y$rejectPerStage)
