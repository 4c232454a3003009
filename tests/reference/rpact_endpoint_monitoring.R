# Generator of the rpact 3.3.4 reference values embedded in
# tests/engine/endpoint_monitor_test.cpp: monitoring of normal (means) and
# binary (rates) endpoints with getDataset + getAnalysisResults.
# Run: Rscript tests/reference/rpact_endpoint_monitoring.R
# Tests embed the printed values; they never call R.
# Each rpact design is the gsd plan's Lan-DeMets O'Brien-Fleming spending at
# the observed information rates (patients / planned patients), as gsd
# recomputes its bounds at the information observed.
suppressMessages(library(rpact))
show <- function(label, x) cat(label, ":", sprintf("%.10g", x), "\n")
results <- function(r) {
  for (n in c("conditionalPower", "repeatedConfidenceIntervalLowerBounds",
              "repeatedConfidenceIntervalUpperBounds", "repeatedPValues", "finalPValues",
              "finalConfidenceIntervalLowerBounds", "finalConfidenceIntervalUpperBounds",
              "medianUnbiasedEstimates")) show(n, r[[n]])
}
analyse <- function(...) results(suppressMessages(getAnalysisResults(...)))
obf <- function(rates, alpha = 0.025) {
  getDesignGroupSequential(kMax = length(rates), alpha = alpha, typeOfDesign = "asOF",
                           informationRates = rates)
}
d <- obf(c(60, 120, 180) / 180)

cat("== A. Means, two samples, normal approximation; 180 planned; stop at 120\n")
show("criticalValues", d$criticalValues)
dsA <- getDataset(overallN1 = c(30, 60), overallN2 = c(30, 60),
                  overallMeans1 = c(0.6, 0.55), overallMeans2 = c(0.1, 0.05),
                  overallStDevs1 = c(1.1, 1.05), overallStDevs2 = c(0.9, 1.0))
analyse(d, dsA, normalApproximation = TRUE, nPlanned = 60, thetaH1 = 0.5, assumedStDev = 1)

cat("== B. The first look of A alone: conditional power at 0.5 / sd 1 and under the trend\n")
dsB <- getDataset(overallN1 = 30, overallN2 = 30, overallMeans1 = 0.6, overallMeans2 = 0.1,
                  overallStDevs1 = 1.1, overallStDevs2 = 0.9)
analyse(d, dsB, normalApproximation = TRUE, nPlanned = c(60, 60), thetaH1 = 0.5, assumedStDev = 1)
cat("-- trend\n")
analyse(d, dsB, normalApproximation = TRUE, nPlanned = c(60, 60))
cat("-- t test, at 0.5 / sd 1\n")
analyse(d, dsB, normalApproximation = FALSE, nPlanned = c(60, 60), thetaH1 = 0.5, assumedStDev = 1)

cat("== C. A with the t test\n")
analyse(d, dsA, normalApproximation = FALSE, nPlanned = 60, thetaH1 = 0.5, assumedStDev = 1)

cat("== D. Means, one sample against 0.1, normal approximation; 60 planned; looks at 20, 40\n")
dD <- obf(c(20, 40, 60) / 60)
show("criticalValues", dD$criticalValues)
dsD <- getDataset(overallSampleSizes = c(20, 40), overallMeans = c(0.5, 0.62),
                  overallStDevs = c(1, 0.9))
analyse(dD, dsD, normalApproximation = TRUE, thetaH0 = 0.1, nPlanned = 20, thetaH1 = 0.6,
        assumedStDev = 1)

cat("== E. Rates, two samples, H0 difference 0 (pooled); 300 planned; looks at 100, 200\n")
dE <- obf(c(100, 200, 300) / 300)
show("criticalValues", dE$criticalValues)
dsE <- getDataset(overallSampleSizes1 = c(50, 100), overallSampleSizes2 = c(50, 100),
                  overallEvents1 = c(24, 52), overallEvents2 = c(15, 26))
analyse(dE, dsE, thetaH0 = 0, nPlanned = 100, pi1 = 0.45, pi2 = 0.3)

cat("== F. Rates, non-inferiority margin -0.1 (Farrington-Manning), same looks\n")
dsF <- getDataset(overallSampleSizes1 = c(50, 100), overallSampleSizes2 = c(50, 100),
                  overallEvents1 = c(20, 41), overallEvents2 = c(21, 38))
analyse(dE, dsF, thetaH0 = -0.1, nPlanned = 100, pi1 = 0.4, pi2 = 0.4)
cat("-- stop at the second look\n")
dsF2 <- getDataset(overallSampleSizes1 = c(50, 100), overallSampleSizes2 = c(50, 100),
                   overallEvents1 = c(20, 48), overallEvents2 = c(21, 35))
analyse(dE, dsF2, thetaH0 = -0.1, nPlanned = 100, pi1 = 0.4, pi2 = 0.4)

cat("== G. Rates, one sample against 0.3; 90 planned; looks at 30, 60\n")
dG <- obf(c(30, 60, 90) / 90)
show("criticalValues", dG$criticalValues)
dsG <- getDataset(overallSampleSizes = c(30, 60), overallEvents = c(14, 31))
analyse(dG, dsG, thetaH0 = 0.3, nPlanned = 30, pi1 = 0.5)

cat("== R. Repeated p-values: getAnalysisResults stops its alpha search early, so the\n")
cat("   references are rpact's designs solved for alpha with uniroot to 1e-14 at the\n")
cat("   look's z (the z of its overall p-value)\n")
repeated_p <- function(rates, k, z) {
  uniroot(function(a) obf(rates, a)$criticalValues[k] - z, c(1e-6, 0.4999), tol = 1e-14)$root
}
z_of <- function(design, data, ...) {
  qnorm(1 - suppressMessages(getStageResults(design, data, ...))$overallPValues)
}
for (case in list(list("A", d, dsA, list(normalApproximation = TRUE)),
                  list("C", d, dsA, list(normalApproximation = FALSE)),
                  list("D", dD, dsD, list(normalApproximation = TRUE, thetaH0 = 0.1)),
                  list("E", dE, dsE, list(thetaH0 = 0)),
                  list("F2", dE, dsF2, list(thetaH0 = -0.1)),
                  list("G", dG, dsG, list(thetaH0 = 0.3)))) {
  z <- do.call(z_of, c(list(case[[2]], case[[3]]), case[[4]]))[1:2]
  show(paste(case[[1]], "z"), z)
  show(paste(case[[1]], "repeated p"),
       sapply(1:2, function(k) repeated_p(case[[2]]$informationRates, k, z[k])))
}
