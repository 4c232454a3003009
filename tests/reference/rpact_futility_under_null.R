# Reference values for spending::futility_crossings_under_null: the chance of
# a futility stop at each look under H0 with every bound obeyed, rpact's
# futilityPerStage of getPowerAndAverageSampleNumber at theta = 0 (rpact
# 3.3.4). Run: Rscript tests/reference/rpact_futility_under_null.R
suppressMessages(library(rpact))
cases <- list(
  list(name = "HSD(-2) beta-spending, non-binding, beta 0.1, looks 0.33/0.67/1",
       binding = FALSE, rates = c(0.33, 0.67, 1), beta = 0.1, gammaB = -2),
  list(name = "HSD(-2) beta-spending, binding, beta 0.2, looks 0.25/0.5/0.75/1",
       binding = TRUE, rates = c(0.25, 0.5, 0.75, 1), beta = 0.2, gammaB = -2),
  list(name = "HSD(1) beta-spending, non-binding, beta 0.15, looks 0.5/1",
       binding = FALSE, rates = c(0.5, 1), beta = 0.15, gammaB = 1)
)
for (c in cases) {
  d <- getDesignGroupSequential(kMax = length(c$rates), alpha = 0.025, beta = c$beta, sided = 1,
                                informationRates = c$rates, typeOfDesign = "asOF",
                                typeBetaSpending = "bsHSD", gammaB = c$gammaB,
                                bindingFutility = c$binding)
  p0 <- getPowerAndAverageSampleNumber(d, theta = 0, nMax = 100)
  cat(c$name, "\n  futility bounds:", sprintf("%.10f", d$futilityBounds), "\n")
  cat("  futility per stage under H0:", sprintf("%.12f", p0$futilityPerStage[, 1]), "\n")
}
