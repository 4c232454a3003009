# Reference values for tests/monitoring/maxcombo_monitor_reference_test.cpp:
# the MaxCombo monitor's bounds at the observed covariances of
# examples/weighted-monitoring/maxcombo.json (FH(0,0), FH(0,1), FH(1,0),
# FH(1,1); looks at 47 and 71 of 94 events; two-sided 0.05 LD-OBF, so the
# benefit side spends one-sided 0.025).
# Run: Rscript tests/reference/mvtnorm_maxcombo_monitoring.R
# (R 4.2, mvtnorm 1.1-3 from Debian's r-cran-mvtnorm, rpact 3.3.4 for a check
# of the spending). Tests embed the printed values; they never call R.
#
# As gsd defines it (monitoring/include/gsd/monitoring/maxcombo_monitor.hpp):
# - Corr(Z_ak, Z_bl) = C_ab(min(k, l)) / sqrt(V_a(k) V_b(l)), C(k) the look's
#   covariance matrix and V_a(k) its diagonal (independent increments);
# - the cumulative one-sided alpha at a look with d events is the one-sided
#   LD-OBF function at 0.025 at d / 94, 2 - 2 Phi(z_{0.0125} / sqrt(d / 94));
# - c_k solves P0(max_a Z_al < c_l for l < k, max_a Z_ak < c_k) = 1 - alpha_k
#   with the earlier bounds held;
# - nominal_p_one_sided is P0(max_a Z_ak >= c_k) at look k alone.
# The covariances are given to 4 significant digits, which leaves the 8 x 8
# correlation of both looks with an eigenvalue of -2.4e-6 (and the increment
# cov2 - cov1 with one of -3.5e-5): it is projected on the semi-definite
# matrices (negative eigenvalues set to 0, unit diagonal restored), moving no
# correlation by more than 2e-6. gsd takes such eigenvalues as rounding too.
# Probabilities by pmvnorm: look 1 (4 tests) by Miwa's algorithm (4096 steps,
# errors near 1e-10); look 2 (8 variables, nearly singular: eigenvalues down to
# 7e-6) by Genz and Bretz's lattice rule at 2.5e7 points with the same random
# numbers at every step of uniroot, whose error (printed: mvtnorm's estimate)
# stays near 1e-5 however many points are spent, so the bound is good to about
# that error over the slope of P0 in c_2 (0.02 per unit z), about 5e-4.
# Bounds by uniroot at tol 1e-8.
suppressMessages({library(mvtnorm); library(rpact)})
show <- function(label, x) cat(sprintf("%-40s %s\n", label, paste(sprintf("%.10g", x), collapse = " ")))

cov1 <- matrix(c(11.6551, 2.0924, 9.5627, 1.5587,
                 2.0924, 0.5337, 1.5587, 0.375,
                 9.5627, 1.5587, 8.0041, 1.1836,
                 1.5587, 0.375, 1.1836, 0.2678), 4, byrow = TRUE)
cov2 <- matrix(c(17.5766, 3.4885, 14.0881, 2.5146,
                 3.4885, 0.9739, 2.5146, 0.6588,
                 14.0881, 2.5146, 11.5735, 1.8558,
                 2.5146, 0.6588, 1.8558, 0.4546), 4, byrow = TRUE)
covs <- list(cov1, cov2)
events <- c(47, 71)
J <- 4

# Correlation of (Z_11, ..., Z_J1, ..., Z_1k, ..., Z_Jk): index a + J (l - 1).
correlation <- function(k) {
  n <- J * k
  r <- matrix(0, n, n)
  for (i in 1:n) for (j in 1:n) {
    a <- (i - 1) %% J + 1; l <- (i - 1) %/% J + 1
    b <- (j - 1) %% J + 1; m <- (j - 1) %/% J + 1
    r[i, j] <- if (i == j) 1 else
      covs[[min(l, m)]][a, b] / sqrt(covs[[l]][a, a] * covs[[m]][b, b])
  }
  r
}
semidefinite <- function(r) {
  e <- eigen(r, symmetric = TRUE)
  if (min(e$values) >= 0) return(r)
  cov2cor(e$vectors %*% diag(pmax(e$values, 0)) %*% t(e$vectors))
}
show("smallest eigenvalue of the correlation", min(eigen(correlation(2))$values))
show("largest change by the projection", max(abs(semidefinite(correlation(2)) - correlation(2))))

no_crossing <- function(corr, c, algorithm) {
  set.seed(20240501)  # common random numbers through the root search
  p <- pmvnorm(upper = rep(c, each = J), corr = corr, algorithm = algorithm)
  c(p[1], attr(p, "error"))
}
genz <- GenzBretz(maxpts = 2.5e7, abseps = 1e-7, releps = 0)
miwa <- Miwa(steps = 4096)

ldobf <- function(t, alpha = 0.025) 2 - 2 * pnorm(qnorm(1 - alpha / 2) / sqrt(t))
alpha <- ldobf(events / 94)
show("cumulative one-sided alpha", alpha)
spent <- getDesignGroupSequential(kMax = 3, alpha = 0.05, sided = 2, typeOfDesign = "asOF",
                                  informationRates = c(events / 94, 1))$alphaSpent
show("rpact two-sided alphaSpent / 2", spent[1:2] / 2)

bounds <- c()
for (k in 1:2) {
  corr <- semidefinite(correlation(k))
  algorithm <- if (k == 1) miwa else genz
  f <- function(x) no_crossing(corr, c(bounds, x), algorithm)[1] - (1 - alpha[k])
  root <- uniroot(f, c(2, 4), tol = 1e-8)$root
  bounds <- c(bounds, root)
  at <- no_crossing(corr, bounds, algorithm)
  show(sprintf("look %d: efficacy_z", k), root)
  show(sprintf("look %d: P0(cross by k) - alpha, error", k), c(1 - at[1] - alpha[k], at[2]))
  slope <- (no_crossing(corr, c(bounds[-k], root + 1e-3), algorithm)[1] -
            no_crossing(corr, c(bounds[-k], root - 1e-3), algorithm)[1]) / 2e-3
  show(sprintf("look %d: slope of P0 in c_%d", k, k), slope)
  marginal <- no_crossing(semidefinite(cov2cor(covs[[k]])), root, algorithm)
  show(sprintf("look %d: nominal_p_one_sided, error", k), c(1 - marginal[1], marginal[2]))
}
show("correlation of Z_11 with Z_12 ... Z_42", correlation(2)[1, 5:8])
