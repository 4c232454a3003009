# Generator of the reference values of IntegerPlan.NonInferiorityMarginAtWholeNumbers
# in tests/survival/integer_plan_test.cpp (Debian's r-cran-rpact 3.3.4).
# Run: Rscript tests/reference/rpact_non_inferiority_integer.R
#
# The trial of examples/non-inferiority/survival-margin-1.3.json with whole
# numbers: exponential control with a 12-month median, HR 1 planned, H0
# HR >= 1.3 (thetaH0), 1:1, uniform accrual over 24 months, 12 months of
# follow-up, one-sided alpha 0.025, power 0.8, Lan-DeMets O'Brien-Fleming at
# half the events. The continuous plan (getSampleSizeSurvival, Schoenfeld)
# gives 457.80 events and 627.55 patients; gsd rounds the patients up to 628,
# takes the events those patients are expected to have by the end of the
# follow-up rounded up, 459, and the first look at ceil(459 / 2) = 230. The
# design is then recomputed at the information fraction 230 / 459 and its
# power taken at 459 events (getPowerSurvival). Tests embed the printed
# values; they never call R.
suppressMessages(library(rpact))
p <- function(label, x) cat(label, sprintf("%.10f", x), "\n")
lambda2 <- log(2) / 12
planned <- getDesignGroupSequential(kMax = 2, alpha = 0.025, beta = 0.2, sided = 1,
                                    typeOfDesign = "asOF", informationRates = c(0.5, 1))
s <- getSampleSizeSurvival(planned, thetaH0 = 1.3, hazardRatio = 1, lambda2 = lambda2,
                           accrualTime = c(0, 24), followUpTime = 12,
                           typeOfComputation = "Schoenfeld")
p("continuous events", s$maxNumberOfEvents)
p("continuous patients", s$maxNumberOfSubjects)
# The events 628 patients are expected to have by month 36 (exponential
# latency, uniform entry over 24 months): 628 (1 - (exp(-l 12) - exp(-l 36)) / (24 l)).
p("expected events of 628 by month 36",
  628 * (1 - (exp(-lambda2 * 12) - exp(-lambda2 * 36)) / (24 * lambda2)))
whole <- getDesignGroupSequential(kMax = 2, alpha = 0.025, beta = 0.2, sided = 1,
                                  typeOfDesign = "asOF", informationRates = c(230 / 459, 1))
p("whole bounds", whole$criticalValues)
w <- getPowerSurvival(whole, thetaH0 = 1.3, hazardRatio = 1, lambda2 = lambda2,
                      maxNumberOfEvents = 459, maxNumberOfSubjects = 628, accrualTime = c(0, 24),
                      directionUpper = FALSE)
p("power", w$overallReject)
p("reject per stage", w$rejectPerStage)
p("analysis times", w$analysisTime)
