# Generator of the reference values in tests/spending/harm_switches_test.cpp
# (Debian package r-cran-mvtnorm). Run: Rscript tests/reference/harm_switches.R
# Tests embed the printed values; they never call R.
# Two looks at information fractions 0.5 and 1; efficacy Lan-DeMets
# O'Brien-Fleming at one-sided 0.025; a non-binding harm bound with
# Lan-DeMets O'Brien-Fleming spending of 0.01, computed with the efficacy bound
# in force (its alpha is P(cross the harm bound first) under H0).
library(mvtnorm)
p <- function(x) cat(sprintf("%.10f", x), "\n")
alpha <- 0.025
h <- 0.01
obf <- function(t, a) 2 - 2 * pnorm(qnorm(1 - a / 2) / sqrt(t))
S <- function(t1, t2) matrix(c(1, sqrt(t1 / t2), sqrt(t1 / t2), 1), 2)
alg <- Miwa(steps = 4097)
options(warn = -1)  # Miwa notes that it approximates +-Inf by +-1000
b1 <- qnorm(1 - obf(0.5, alpha))
# P(Z1 < b1, Z2 >= b2) = alpha - obf(0.5)
b2 <- uniroot(function(b) pmvnorm(c(-Inf, b), c(b1, Inf), sigma = S(.5, 1), algorithm = alg)[1] -
  (alpha - obf(0.5, alpha)), c(1, 4), tol = 1e-13)$root
cat("# efficacy b1, b2\n"); p(c(b1, b2))
# harm_stops = (false, true): no harm bound at look 1, the final harm bound
# spends all of h: P(Z1 < b1, Z2 <= l2) = h.
l2 <- uniroot(function(l) pmvnorm(c(-Inf, -Inf), c(b1, l), sigma = S(.5, 1), algorithm = alg)[1] - h,
  c(-5, 0), tol = 1e-13)$root
cat("# harm_stops (false, true): final harm bound\n"); p(l2)
# harm_stops = (true, false): the harm bound at look 1 spends obf(0.5, h); none after.
cat("# harm_stops (true, false): harm bound at look 1\n"); p(qnorm(obf(0.5, h)))
# A final analysis forced at 80 of 100 planned events (fraction 0.8) after
# the look at 0.5 with both bounds: the harm alpha left, h - obf(0.5, h),
# spent there: P(l1 < Z1 < b1, Z_0.8 <= l) = h - obf(0.5, h).
l1 <- qnorm(obf(0.5, h))
lc <- uniroot(function(l) pmvnorm(c(l1, -Inf), c(b1, l), sigma = S(.5, .8), algorithm = alg)[1] -
  (h - obf(0.5, h)), c(-5, 0), tol = 1e-13)$root
cat("# capped final at fraction 0.8: harm bound\n"); p(lc)
