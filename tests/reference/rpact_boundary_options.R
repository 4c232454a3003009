# Generator of the rpact 3.3.4 reference values embedded in
# tests/spending/boundary_options_test.cpp (Debian package r-cran-rpact).
# Run: Rscript tests/reference/rpact_boundary_options.R
# Tests embed the printed values; they never call R.
library(rpact)
p <- function(x) cat(sprintf("%.10f", x), "\n")
t3 <- c(.4, .7, 1)
show <- function(d) {
  p(d$criticalValues); p(d$futilityBounds)
  dc <- getDesignCharacteristics(d); p(c(sqrt(dc$shift), dc$inflationFactor, dc$power[3]))
}
cat("# Pampallona-Tsiatis, Delta1 = 0.1, Delta0 = 0.3, binding then non-binding\n")
for (b in c(TRUE, FALSE)) show(getDesignGroupSequential(kMax=3, alpha=0.025, beta=0.2,
  typeOfDesign="PT", deltaPT1=0.1, deltaPT0=0.3, informationRates=t3, bindingFutility=b))

cat("# exponential spending nu = 0.75 (gsDesign sfExponential: alpha^(t^-nu)) via asUser\n")
ex <- function(t, a, nu) a^(t^(-nu))
d <- getDesignGroupSequential(kMax=3, alpha=0.025, beta=0.2, typeOfDesign="asUser",
  informationRates=t3, userAlphaSpending=ex(t3, 0.025, 0.75))
p(d$criticalValues); dc <- getDesignCharacteristics(d); p(c(sqrt(dc$shift), dc$inflationFactor))

cat("# fixed futility z = (0, 0.5), LD-OBF, binding then non-binding\n")
for (b in c(TRUE, FALSE)) show(getDesignGroupSequential(kMax=3, alpha=0.025, beta=0.2,
  typeOfDesign="asOF", informationRates=t3, futilityBounds=c(0, 0.5), bindingFutility=b))

cat("# no efficacy stop at look 1: LD-OBF cumulative alpha carried to look 2 (asUser)\n")
obf <- function(t, a = 0.025) 2 * (1 - pnorm(qnorm(1 - a / 2) / sqrt(t)))
d <- getDesignGroupSequential(kMax=3, alpha=0.025, beta=0.2, typeOfDesign="asUser",
  informationRates=t3, userAlphaSpending=c(0, obf(.7), .025))
p(d$criticalValues); dc <- getDesignCharacteristics(d); p(c(sqrt(dc$shift), dc$inflationFactor))

cat("# spending time (0.5, 0.8, 1) at information (0.4, 0.7, 1), LD-OBF (asUser)\n")
d <- getDesignGroupSequential(kMax=3, alpha=0.025, beta=0.2, typeOfDesign="asUser",
  informationRates=t3, userAlphaSpending=obf(c(.5, .8, 1)))
p(d$criticalValues); dc <- getDesignCharacteristics(d); p(c(sqrt(dc$shift), dc$inflationFactor))

cat("# two-sided (sided = 2) with beta-spending futility: stop for futility when |z| < a_k\n")
cat("# (rpact's two-sided beta spending, twoSidedPower = FALSE), LD-OBF / bsOF, then\n")
cat("# binding, then asP / bsKD gamma 2 non-binding\n")
two <- function(...) suppressWarnings(getDesignGroupSequential(kMax=3, alpha=0.05, beta=0.2,
  sided=2, informationRates=t3, ...))
for (b in c(FALSE, TRUE)) show(two(typeOfDesign="asOF", typeBetaSpending="bsOF", bindingFutility=b))
show(two(typeOfDesign="asP", typeBetaSpending="bsKD", gammaB=2))

cat("# two-sided, an early first look (0.2, 0.5, 1): the one-sided design at alpha / 2\n")
cat("# has a negative futility bound there, so rpact has none and spends beta from\n")
cat("# the second look (betaAdjustment = TRUE); non-binding then binding\n")
for (b in c(FALSE, TRUE)) show(suppressWarnings(getDesignGroupSequential(kMax=3, alpha=0.05,
  beta=0.2, sided=2, informationRates=c(.2, .5, 1), typeOfDesign="asOF",
  typeBetaSpending="bsOF", bindingFutility=b)))
