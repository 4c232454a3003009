# Generator of the rpact 3.3.4 reference values embedded in
# tests/monitoring/*_test.cpp. Run: Rscript tests/reference/rpact_monitoring.R
# Tests embed the printed values; they never call R.
# Sign: rpact's log-rank statistic is negative when the hazard ratio is below 1
# with directionUpper = FALSE; gsd's z is positive then, so gsd z = -logRank.
suppressMessages(library(rpact))
show <- function(label, x) cat(label, ":", sprintf("%.9g", x), "\n")
results <- function(r) {
  for (n in c("conditionalRejectionProbabilities", "conditionalPower",
              "repeatedConfidenceIntervalLowerBounds", "repeatedConfidenceIntervalUpperBounds",
              "repeatedPValues", "finalPValues", "finalConfidenceIntervalLowerBounds",
              "finalConfidenceIntervalUpperBounds", "medianUnbiasedEstimates")) show(n, r[[n]])
}
ldobf <- function(t, alpha = 0.025) 2 - 2 * pnorm(qnorm(1 - alpha / 2) / sqrt(t))

cat("== A. Seed look: LD-OBF, rates 49/94, 71/94, 1; z = 2 at 49 events\n")
d <- getDesignGroupSequential(kMax = 3, alpha = 0.025, typeOfDesign = "asOF",
                              informationRates = c(49/94, 71/94, 1))
show("criticalValues", d$criticalValues)
ds1 <- getDataset(overallEvents = 49, overallLogRanks = -2.0, overallAllocationRatios = 1)
results(suppressMessages(getAnalysisResults(d, ds1, directionUpper = FALSE,
                                            nPlanned = c(22, 23), thetaH1 = 0.63)))
cat("-- trend\n")
results(suppressMessages(getAnalysisResults(d, ds1, directionUpper = FALSE, nPlanned = c(22, 23))))

cat("== B. Stop at the second look: z = 2.0 at 49, z = 2.6 at 71 events\n")
ds2 <- getDataset(overallEvents = c(49, 71), overallLogRanks = c(-2.0, -2.6),
                  overallAllocationRatios = c(1, 1))
results(suppressMessages(getAnalysisResults(d, ds2, directionUpper = FALSE,
                                            nPlanned = 23, thetaH1 = 0.63)))

cat("== C. Two-sided (sided = 2, alpha 0.05), same data as B\n")
d2 <- getDesignGroupSequential(kMax = 3, alpha = 0.05, sided = 2, typeOfDesign = "asOF",
                               informationRates = c(49/94, 71/94, 1))
show("criticalValues", d2$criticalValues)
results(suppressMessages(getAnalysisResults(d2, ds2, directionUpper = FALSE,
                                            nPlanned = 23, thetaH1 = 0.63)))

cat("== D. Looks at 40, 80, 94 events\n")
show("criticalValues", getDesignGroupSequential(kMax = 3, alpha = 0.025, typeOfDesign = "asOF",
     informationRates = c(40/94, 80/94, 1))$criticalValues)

cat("== E. Final over-runs: 49, 71, then 100 events (D = 94). Spending alpha(d / 94) at\n")
cat("   interims, alpha at the final; correlation from d / 100 (gsDesign convention)\n")
show("criticalValues", getDesignGroupSequential(kMax = 3, alpha = 0.025, typeOfDesign = "asUser",
     informationRates = c(49/100, 71/100, 1),
     userAlphaSpending = c(ldobf(49/94), ldobf(71/94), 0.025))$criticalValues)

cat("== F. Final under-runs: 49, 71, then a final at 90 events (D = 94)\n")
show("criticalValues", getDesignGroupSequential(kMax = 3, alpha = 0.025, typeOfDesign = "asUser",
     informationRates = c(49/90, 71/90, 1),
     userAlphaSpending = c(ldobf(49/94), ldobf(71/94), 0.025))$criticalValues)

cat("== G. Classical O'Brien-Fleming recomputed at 49/94, 71/94, 1\n")
show("criticalValues", getDesignGroupSequential(kMax = 3, alpha = 0.025, typeOfDesign = "OF",
     informationRates = c(49/94, 71/94, 1))$criticalValues)

cat("== H. Stop at the first look: z = 3.4808 at 49 events (p two-sided 0.0005)\n")
ds3 <- getDataset(overallEvents = 49, overallLogRanks = -3.4808, overallAllocationRatios = 1)
results(suppressMessages(getAnalysisResults(d, ds3, directionUpper = FALSE,
                                            nPlanned = c(22, 23), thetaH1 = 0.63)))

cat("== I. Allocation 2:1, z = 2.2 at 60 of 120 events, rates 0.5, 0.75, 1; HR 0.7\n")
d4 <- getDesignGroupSequential(kMax = 3, alpha = 0.025, typeOfDesign = "asOF",
                               informationRates = c(0.5, 0.75, 1))
ds4 <- getDataset(overallEvents = 60, overallLogRanks = -2.2, overallAllocationRatios = 2)
results(suppressMessages(getAnalysisResults(d4, ds4, directionUpper = FALSE,
                                            nPlanned = c(30, 30), thetaH1 = 0.7,
                                            allocationRatioPlanned = 2)))
cat("== J. HSD(-4) spending, z = 1.2, 2.3 at 30, 61 of 90 events, rates 1/3, 2/3, 1\n")
d5 <- getDesignGroupSequential(kMax = 3, alpha = 0.025, typeOfDesign = "asHSD", gammaA = -4,
                               informationRates = c(30/90, 61/90, 1))
show("criticalValues", d5$criticalValues)
ds5 <- getDataset(overallEvents = c(30, 61), overallLogRanks = c(-1.2, -2.3),
                  overallAllocationRatios = c(1, 1))
results(suppressMessages(getAnalysisResults(d5, ds5, directionUpper = FALSE,
                                            nPlanned = 29, thetaH1 = 0.7)))

cat("== K. Repeated p-values solved tightly (uniroot, tol 1e-14 on log alpha) with rpact's\n")
cat("   own design at each alpha; getAnalysisResults stops its search near 1e-6 relative\n")
rep_p <- function(k, z, rates, type = "asOF", sided = 1, ...) {
  f <- function(la) getDesignGroupSequential(kMax = length(rates), alpha = exp(la), sided = sided,
         typeOfDesign = type, informationRates = rates, ...)$criticalValues[k] - z
  exp(uniroot(f, c(log(1e-6), log(0.49)), tol = 1e-14)$root)
}
show("A look 1, z 2", rep_p(1, 2.0, c(49/94, 71/94, 1)))
show("closed form look 1", 2 * (1 - pnorm(sqrt(49/94) * qnorm(1 - (1 - pnorm(2)) / 2))))
show("B look 2, z 2.6", rep_p(2, 2.6, c(49/94, 71/94, 1)))
show("C two-sided look 1", rep_p(1, 2.0, c(49/94, 71/94, 1), sided = 2))
show("C two-sided look 2", rep_p(2, 2.6, c(49/94, 71/94, 1), sided = 2))
show("H look 1, z 3.4808", rep_p(1, 3.4808, c(49/94, 71/94, 1)))
show("I look 1, z 2.2", rep_p(1, 2.2, c(0.5, 0.75, 1)))
show("J look 2, z 2.3", rep_p(2, 2.3, c(30/90, 61/90, 1), type = "asHSD", gammaA = -4))

cat("== L. Conditional power under non-proportional means (the cure model's log-rank\n")
cat("   drift 2.350, 2.788, 2.974 at 47, 71, 94 events, docs/validation.md), two-sided\n")
cat("   0.05 LD-OBF at rates 47/94, 71/94, 1, z = 2.0 at 47 events; bivariate normal\n")
cat("   probabilities by mvtnorm::pmvnorm (independent of rpact's and gsd's integration)\n")
dL <- getDesignGroupSequential(kMax = 3, alpha = 0.05, sided = 2, typeOfDesign = "asOF",
                               informationRates = c(47/94, 71/94, 1))
b <- dL$criticalValues; I <- c(47, 71, 94) / 4; m <- c(2.350, 2.788, 2.974); z1 <- 2.0
inc_mean <- m[2:3] * sqrt(I[2:3]) - m[1] * sqrt(I[1])   # E[S_j - S_1]
tau <- I[2:3] - I[1]
sigma <- matrix(c(tau[1], tau[1], tau[1], tau[2]), 2)
s1 <- z1 * sqrt(I[1])
up <- b[2:3] * sqrt(I[2:3]) - s1                         # crossing thresholds for S_j - S_1
p2 <- pnorm(up[1], inc_mean[1], sqrt(tau[1]), lower.tail = FALSE)
p3 <- suppressWarnings(mvtnorm::pmvnorm(lower = c(-b[2] * sqrt(I[2]) - s1, up[2]), upper = c(up[1], Inf),
                       mean = inc_mean, sigma = sigma, algorithm = mvtnorm::Miwa(steps = 4096)))
show("bounds", b)
show("CP by look 2, overall", c(p2, p2 + p3))

cat("== M. Binding fixed-z futility (0 and 0.5): the repeated p-values of the binding design\n")
d <- getDesignGroupSequential(kMax = 3, alpha = 0.025, typeOfDesign = "asOF",
                              informationRates = c(0.4, 0.7, 1), futilityBounds = c(0, 0.5),
                              bindingFutility = TRUE)
show("criticalValues", d$criticalValues)
ds <- getDataset(overallEvents = c(80, 140, 200), overallLogRanks = -c(0.5, 1.2, 1.99),
                 overallAllocationRatios = c(1, 1, 1))
show("repeatedPValues", getAnalysisResults(d, ds, directionUpper = FALSE)$repeatedPValues)
# The same by definition: the smallest alpha at which the binding design's
# bound at the look is crossed (rpact's search stops at about 1e-6 in alpha).
crossing <- function(k, z) uniroot(function(a) {
  getDesignGroupSequential(kMax = 3, alpha = a, typeOfDesign = "asOF", informationRates = c(0.4, 0.7, 1),
                           futilityBounds = c(0, 0.5), bindingFutility = TRUE)$criticalValues[k] - z
}, c(1e-4, 0.2), tol = 1e-12)$root
show("repeated p by uniroot, looks 2 and 3", c(crossing(2, 1.2), crossing(3, 1.99)))
