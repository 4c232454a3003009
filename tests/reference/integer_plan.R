# Generator of the reference values in tests/spending/design_at_drift_test.cpp
# (Debian packages r-cran-rpact 3.3.4 and r-cran-mvtnorm).
# Run: Rscript tests/reference/integer_plan.R
# A design planned at information fractions (0.5, 0.75, 1) of 93.4 events and
# run at whole events (47, 71, 94), as gsDesign's toInteger recomputes it:
# efficacy bounds spent at 47/94, 71/94, 1 (rpact), beta-spending futility
# bounds under the drift of 94 events (the planned drift x sqrt(94 / 93.4)),
# and the power with those bounds in force (mvtnorm). Tests embed the printed
# values; they never call R.
library(rpact)
library(mvtnorm)
p <- function(x) cat(sprintf("%.10f", x), "\n")
beta <- 0.2
planned <- getDesignGroupSequential(kMax = 3, alpha = 0.025, beta = beta, typeOfDesign = "asOF",
  typeBetaSpending = "bsOF", informationRates = c(.5, .75, 1), bindingFutility = FALSE)
drift0 <- sqrt(getDesignCharacteristics(planned)$shift)
cat("# continuous: efficacy, futility, drift\n")
p(planned$criticalValues); p(planned$futilityBounds); p(drift0)

ev <- c(47, 71, 94)
t <- ev / 94
drift <- drift0 * sqrt(94 / 93.4)
b <- getDesignGroupSequential(kMax = 3, alpha = 0.025, typeOfDesign = "asOF",
  informationRates = t)$criticalValues
bsof <- function(t) 2 - 2 * pnorm(qnorm(1 - beta / 2) / sqrt(t))
S <- outer(t, t, function(x, y) sqrt(pmin(x, y) / pmax(x, y)))
mu <- drift * sqrt(t)
pr <- function(lo, up, k, alg) {
  pmvnorm(lower = lo, upper = up, mean = mu[1:k], sigma = S[1:k, 1:k, drop = FALSE],
    algorithm = alg)[1]
}
power_of <- function(alg) {
  a1 <- mu[1] + qnorm(bsof(t[1]))
  a2 <- uniroot(function(a) pr(c(a1, -Inf), c(b[1], a), 2, alg) - (bsof(t[2]) - bsof(t[1])),
    c(-5, 5), tol = 1e-13)$root
  power <- pnorm(b[1], mu[1], lower.tail = FALSE) + pr(c(a1, b[2]), c(b[1], Inf), 2, alg) +
    pr(c(a1, a2, b[3]), c(b[1], b[2], Inf), 3, alg)
  list(a = c(a1, a2), power = power)
}
miwa <- suppressWarnings(power_of(Miwa(steps = 4097)))
set.seed(1)
genz <- power_of(GenzBretz(maxpts = 1e7, abseps = 1e-10, releps = 0))
cat("# whole events: efficacy, futility, drift, power (Miwa), power (Genz-Bretz)\n")
p(b); p(miwa$a); p(drift); p(miwa$power); p(genz$power)
