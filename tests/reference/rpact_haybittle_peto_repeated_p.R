# Haybittle-Peto monitored at observed information: the repeated p-value
# (tests/monitoring/inference_test.cpp, HaybittlePetoRepeatedPValue).
# One-sided alpha 0.025, 200 planned events at fractions 0.3, 0.6, 1, interim
# bound z = 3; looks at 70, 150 and a final at 190 events.
#
# - At an interim look the bound is 3 at every alpha: z = 3.2 at 150 events
#   crosses at every alpha for which the design exists, so the repeated
#   p-value is the least such alpha, what the interim bounds spend on that
#   look's schedule (70, 150, 200 events).
# - At the final look the repeated p-value is the alpha whose final bound
#   (the interims at 3, the rest spent at 190 events) equals z = 2.5.
# rpact 3.3.4: getGroupSequentialProbabilities and getDesignGroupSequential
# (typeOfDesign "HP"), alpha by uniroot.
suppressMessages(library(rpact))

interims_spend <- function(rates) {
  k <- length(rates)
  p <- getGroupSequentialProbabilities(rbind(rep(-Inf, k), c(rep(3, k - 1), Inf)), rates)
  sum(p[3, ] - p[2, ])
}
cat(sprintf("interim look at 150 events, z = 3.2: repeated p %.9f\n",
            interims_spend(c(70, 150, 200) / 200)))

rates <- c(70, 150, 190) / 190
final_bound <- function(alpha) {
  getDesignGroupSequential(kMax = 3, alpha = alpha, sided = 1, typeOfDesign = "HP",
                           informationRates = rates)$criticalValues[3]
}
least <- interims_spend(rates)
p <- uniroot(function(a) final_bound(a) - 2.5, c(least * 1.0001, 0.4), tol = 1e-13)$root
cat(sprintf("final look at 190 events, z = 2.5: repeated p %.9f (interims spend %.9f)\n", p, least))
