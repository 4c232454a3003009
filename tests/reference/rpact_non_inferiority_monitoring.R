# rpact_non_inferiority_monitoring.R - the reference values of
# tests/monitoring/non_inferiority_monitor_test.cpp: rpact 3.3.4's
# getAnalysisResults for a survival non-inferiority trial (thetaH0 = 1.3,
# H0: HR >= 1.3). rpact takes a survival dataset's log-rank statistics as of
# equal hazards and tests them against thetaH0, which is gsd's
# z + log(1.3) sqrt(d r / (1 + r)^2).
#
# The plan: LD-OBF at one-sided alpha 0.025, looks at 229 and 458 of 458
# events, 1:1. Sign: rpact's log-rank statistic is negative when the hazard
# ratio is below 1 with directionUpper = FALSE; gsd's z is positive then.
#
# Repeated p-values: getAnalysisResults stops its alpha search at about 1e-6
# absolute, so the references are rpact's own designs solved for the alpha at
# which the look's bound equals its z, with uniroot to 1e-14.
#
# Run:      Rscript tests/reference/rpact_non_inferiority_monitoring.R
# Requires: R package rpact (3.3.4). C++ tests embed the printed values; they
#           never call R.

suppressMessages(library(rpact))
show <- function(label, x) cat(label, ":", sprintf("%.9g", x), "\n")
results <- function(r) {
  for (n in c("conditionalRejectionProbabilities", "conditionalPower",
              "repeatedConfidenceIntervalLowerBounds", "repeatedConfidenceIntervalUpperBounds",
              "repeatedPValues", "finalPValues", "finalConfidenceIntervalLowerBounds",
              "finalConfidenceIntervalUpperBounds", "medianUnbiasedEstimates")) show(n, r[[n]])
}
analyse <- function(events, log_ranks, ...) {
  ds <- getDataset(overallEvents = events, overallLogRanks = -log_ranks,
                   overallAllocationRatios = rep(1, length(events)))
  results(suppressMessages(getAnalysisResults(design, ds, directionUpper = FALSE,
                                              thetaH0 = 1.3, ...)))
}

design <- getDesignGroupSequential(kMax = 2, alpha = 0.025, typeOfDesign = "asOF",
                                   informationRates = c(229 / 458, 1))
show("criticalValues", design$criticalValues)

cat("== A. log-rank z 0.3 at 229 events; conditional power at HR 1 with 229 more\n")
analyse(229, 0.3, nPlanned = 229, thetaH1 = 1.0)
cat("== B. then z 0.4 at 458 events: stop at the final look\n")
analyse(c(229, 458), c(0.3, 0.4))
cat("== C. z 1.2 at 229 events: stop at the first look\n")
analyse(229, 1.2, nPlanned = 229, thetaH1 = 1.0)

cat("== Repeated p-values by uniroot on rpact's designs\n")
z_margin <- function(z, d) z + log(1.3) * sqrt(d / 4)
bound_at <- function(a, k) {
  getDesignGroupSequential(kMax = 2, alpha = a, typeOfDesign = "asOF",
                           informationRates = c(0.5, 1))$criticalValues[k]
}
z1 <- z_margin(0.3, 229)
z2 <- z_margin(0.4, 458)
cat(sprintf("z against the margin: %.12f at 229, %.12f at 458\n", z1, z2))
cat(sprintf("repeated p, look 1: %.12g\n",
            uniroot(function(a) bound_at(a, 1) - z1, c(0.01, 0.3), tol = 1e-14)$root))
cat(sprintf("repeated p, look 2: %.12g\n",
            uniroot(function(a) bound_at(a, 2) - z2, c(1e-5, 0.01), tol = 1e-14)$root))
