# Generator of the rpact 3.3.4 reference values embedded in
# tests/spending/rpact_cross_check_test.cpp (Debian packages r-cran-rpact,
# r-cran-mvtnorm). Run: Rscript tests/reference/rpact_cross_checks.R
# Tests embed the printed values; they never call R.
# Each case prints rpact's efficacy and futility z bounds, the drift
# sqrt(shift), the inflation factor, and the probabilities of stopping for
# efficacy and for futility at each look under H1 (getDesignCharacteristics).
library(rpact)
library(mvtnorm)
v <- function(x) paste0("{", paste(sprintf("%.10f", x), collapse = ", "), "}")
show <- function(name, d) {
  dc <- getDesignCharacteristics(d)
  cat("#", name, "\n")
  cat("  efficacy", v(d$criticalValues), "\n")
  if (!all(is.na(d$futilityBounds))) cat("  futility", v(d$futilityBounds), "\n")
  cat("  drift, inflation", v(c(sqrt(dc$shift), dc$inflationFactor)), "\n")
  cat("  P(efficacy | H1)", v(dc$rejectionProbabilities), "\n")
  if (!all(is.na(d$futilityBounds))) cat("  P(futility | H1)", v(dc$futilityProbabilities), "\n")
}
gsdesign <- function(...) suppressWarnings(getDesignGroupSequential(...))
obf <- function(t, a) 2 * (1 - pnorm(qnorm(1 - a / 2) / sqrt(t)))
hsd <- function(t, g, a) a * (1 - exp(-g * t)) / (1 - exp(-g))

t4 <- c(0.15, 0.4, 0.85, 1)
for (b in c(TRUE, FALSE)) show(paste("HSD(-8) efficacy, HSD(4) beta spending, beta 0.01, binding", b),
  gsdesign(kMax = 4, alpha = 0.025, beta = 0.01, informationRates = t4, typeOfDesign = "asHSD",
    gammaA = -8, typeBetaSpending = "bsHSD", gammaB = 4, bindingFutility = b))
t5 <- c(0.1, 0.25, 0.5, 0.6, 1)
show("HSD(4) efficacy, Kim-DeMets rho 0.5 beta spending, alpha 0.05, binding",
  gsdesign(kMax = 5, alpha = 0.05, beta = 0.2, informationRates = t5, typeOfDesign = "asHSD",
    gammaA = 4, typeBetaSpending = "bsKD", gammaB = 0.5, bindingFutility = TRUE))
show("Kim-DeMets rho 1.5 efficacy, LD-Pocock beta spending, looks 0.2 0.9 1, non-binding",
  gsdesign(kMax = 3, alpha = 0.025, beta = 0.1, informationRates = c(0.2, 0.9, 1),
    typeOfDesign = "asKD", gammaA = 1.5, typeBetaSpending = "bsP"))
t6 <- c(0.12, 0.3, 0.42, 0.66, 0.8, 1)
show("LD-OBF, LD-OBF beta spending, six looks, alpha 0.1, beta 0.3, binding",
  gsdesign(kMax = 6, alpha = 0.1, beta = 0.3, informationRates = t6, typeOfDesign = "asOF",
    typeBetaSpending = "bsOF", bindingFutility = TRUE))
show("LD-Pocock both, two looks, alpha 0.2, beta 0.45, binding",
  gsdesign(kMax = 2, alpha = 0.2, beta = 0.45, informationRates = c(0.6, 1), typeOfDesign = "asP",
    typeBetaSpending = "bsP", bindingFutility = TRUE))
t4b <- c(0.3, 0.5, 0.8, 1)
show("two-sided 0.1, HSD(-2) efficacy, HSD(1) beta spending, non-binding",
  gsdesign(kMax = 4, sided = 2, alpha = 0.1, beta = 0.2, informationRates = t4b,
    typeOfDesign = "asHSD", gammaA = -2, typeBetaSpending = "bsHSD", gammaB = 1))
t5b <- c(0.35, 0.5, 0.7, 0.85, 1)
show("two-sided 0.05, Kim-DeMets rho 2, HSD(-4) beta spending, binding (no futility at look 1)",
  gsdesign(kMax = 5, sided = 2, alpha = 0.05, beta = 0.1, informationRates = t5b,
    typeOfDesign = "asKD", gammaA = 2, typeBetaSpending = "bsHSD", gammaB = -4, bindingFutility = TRUE))
show("Haybittle-Peto interim z 3.5, five looks",
  gsdesign(kMax = 5, alpha = 0.025, beta = 0.2, informationRates = t5, typeOfDesign = "HP",
    constantBoundsHP = 3.5))
show("two-sided Haybittle-Peto interim z 3.29, alpha 0.01, beta 0.05",
  gsdesign(kMax = 4, sided = 2, alpha = 0.01, beta = 0.05, informationRates = c(0.25, 0.5, 0.75, 1),
    typeOfDesign = "HP", constantBoundsHP = 3.29))
show("Wang-Tsiatis Delta 0.4, six looks, alpha 0.05, beta 0.15",
  gsdesign(kMax = 6, alpha = 0.05, beta = 0.15, informationRates = t6, typeOfDesign = "WT", deltaWT = 0.4))
show("two-sided Wang-Tsiatis Delta -0.3",
  gsdesign(kMax = 4, sided = 2, alpha = 0.05, beta = 0.2, informationRates = t4b, typeOfDesign = "WT",
    deltaWT = -0.3))
show("Pampallona-Tsiatis Delta 0.25, Delta0 0, beta 0.1, binding",
  gsdesign(kMax = 4, alpha = 0.025, beta = 0.1, informationRates = t4b, typeOfDesign = "PT",
    deltaPT1 = 0.25, deltaPT0 = 0, bindingFutility = TRUE))
show("Pampallona-Tsiatis Delta 0, Delta0 0.5, alpha 0.05, non-binding",
  gsdesign(kMax = 5, alpha = 0.05, beta = 0.2, informationRates = t5b, typeOfDesign = "PT",
    deltaPT1 = 0, deltaPT0 = 0.5, bindingFutility = FALSE))
show("user alpha (0.1, 0.3, 0.6, 1) and beta (0.2, 0.4, 0.7, 1) spending, binding",
  gsdesign(kMax = 4, alpha = 0.025, beta = 0.2, informationRates = t4b, typeOfDesign = "asUser",
    userAlphaSpending = 0.025 * c(0.1, 0.3, 0.6, 1), typeBetaSpending = "bsUser",
    userBetaSpending = 0.2 * c(0.2, 0.4, 0.7, 1), bindingFutility = TRUE))
st <- c(0.4, 0.6, 0.75, 0.9, 1)
show("spending time (0.4, 0.6, 0.75, 0.9, 1) at information t5b, LD-OBF, HSD(-2) beta 0.1, binding (asUser, bsUser)",
  gsdesign(kMax = 5, alpha = 0.025, beta = 0.1, informationRates = t5b, typeOfDesign = "asUser",
    userAlphaSpending = obf(st, 0.025), typeBetaSpending = "bsUser",
    userBetaSpending = hsd(st, -2, 0.1), bindingFutility = TRUE))
show("two-sided 0.05, spending time (0.5, 0.7, 1) at information (0.3, 0.6, 1), LD-OBF both, non-binding",
  gsdesign(kMax = 3, sided = 2, alpha = 0.05, beta = 0.2, informationRates = c(0.3, 0.6, 1),
    typeOfDesign = "asUser", userAlphaSpending = 2 * obf(c(0.5, 0.7, 1), 0.025),
    typeBetaSpending = "bsUser", userBetaSpending = obf(c(0.5, 0.7, 1), 0.2)))
show("no futility stop at look 2: HSD(-2) beta carried to look 3, LD-OBF, binding (bsUser; rpact prints -6 at look 2)",
  gsdesign(kMax = 5, alpha = 0.025, beta = 0.2, informationRates = t5b, typeOfDesign = "asOF",
    typeBetaSpending = "bsUser", userBetaSpending = hsd(c(0.35, 0.35, 0.7, 0.85, 1), -2, 0.2),
    bindingFutility = TRUE))

cat("# HSD(-8) efficacy at the crowded looks (0.1, 0.15, 0.3, 0.5, 0.55, 0.75, 0.9, 1):\n")
cat("# rpact's bounds, then the cumulative alpha they spend by look 6 (mvtnorm, Miwa),\n")
cat("# then the first six bounds solved one look at a time by mvtnorm, each spending hsd(t_k)\n")
t8 <- c(0.1, 0.15, 0.3, 0.5, 0.55, 0.75, 0.9, 1)
d <- gsdesign(kMax = 8, alpha = 0.025, informationRates = t8, typeOfDesign = "asHSD", gammaA = -8)
r <- d$criticalValues
cat("  efficacy", v(r), "\n")
S <- outer(t8, t8, function(a, b) sqrt(pmin(a, b) / pmax(a, b)))
cum <- function(b, k) 1 - pmvnorm(upper = b[1:k], sigma = S[1:k, 1:k, drop = FALSE], algorithm = Miwa(steps = 4096))[1]
cat("  target, rpact's alpha by look 6", v(c(hsd(0.75, -8, 0.025), cum(r, 6))), "\n")
b <- numeric(0)
for (k in 1:6) b[k] <- uniroot(function(x) cum(c(b, x), k) - hsd(t8[k], -8, 0.025), c(1.5, 6), tol = 1e-12)$root
cat("  mvtnorm bounds", v(b), "\n")

cat("# No efficacy stop at looks 1 and 3 (of 0.35, 0.5, 0.7, 0.85, 1), LD-OBF carried forward,\n")
cat("# HSD(-2) beta spending non-binding. rpact's asUser prints a finite bound (5.56) where\n")
cat("# the cumulative alpha does not rise, spends alpha down to its tolerance there and moves\n")
cat("# the futility bounds by up to 2.6e-5; the reference is mvtnorm (Miwa), solving the\n")
cat("# efficacy bounds under H0, the futility bounds for the HSD(-2) beta at each look and the\n")
cat("# drift for power 0.8 (the final futility bound meets the efficacy bound).\n")
show("rpact (asUser, bsHSD)", gsdesign(kMax = 5, alpha = 0.025, beta = 0.2, informationRates = t5b,
  typeOfDesign = "asUser", userAlphaSpending = obf(c(0.35, 0.5, 0.5, 0.85, 1), 0.025) * c(0, 1, 1, 1, 1),
  typeBetaSpending = "bsHSD", gammaB = -2))
S <- outer(t5b, t5b, function(a, b) sqrt(pmin(a, b) / pmax(a, b)))
P <- function(lo, up, mean = rep(0, length(lo))) {
  k <- length(lo); lo <- pmax(lo, -40); up <- pmin(up, 40)
  if (k == 1) return(pnorm(up - mean) - pnorm(lo - mean))
  pmvnorm(lower = lo, upper = up, mean = mean, sigma = S[1:k, 1:k, drop = FALSE], algorithm = Miwa(steps = 4096))[1]
}
stops <- c(2, 4, 5)
cum_alpha <- obf(t5b, 0.025)
b <- rep(Inf, 5)
for (i in seq_along(stops)) {
  k <- stops[i]
  spent_before <- if (i == 1) 0 else cum_alpha[stops[i - 1]]
  b[k] <- uniroot(function(x) P(rep(-Inf, k), c(b[seq_len(k - 1)], Inf)) -
    P(rep(-Inf, k), c(b[seq_len(k - 1)], x)) - (cum_alpha[k] - spent_before), c(1, 6), tol = 1e-12)$root
}
beta_at_look <- diff(c(0, hsd(t5b, -2, 0.2)))
futility_at <- function(theta) {
  m <- theta * sqrt(t5b); a <- numeric(0)
  for (k in 1:4) a[k] <- uniroot(function(x) P(c(a, -Inf), c(b[seq_len(k - 1)], x), m[1:k]) -
    beta_at_look[k], c(-8, 8), tol = 1e-12)$root
  a
}
power_at <- function(theta) {
  m <- theta * sqrt(t5b); a <- futility_at(theta)
  sum(sapply(stops, function(k) P(c(a[seq_len(k - 1)], b[k]), c(b[seq_len(k - 1)], Inf), m[1:k])))
}
drift <- uniroot(function(x) power_at(x) - 0.8, c(2.5, 3.5), tol = 1e-10)$root
cat("  mvtnorm efficacy", v(b), "\n")
cat("  mvtnorm futility", v(futility_at(drift)), "\n")
cat("  mvtnorm drift", v(drift), "\n")
cat("  HSD(-2) beta at each look", v(beta_at_look), "\n")
