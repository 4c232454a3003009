# Reference values for tests/numerics/multivariate_normal_test.cpp: rectangle
# probabilities of multivariate normals from R's mvtnorm (Genz & Bretz's
# randomised lattice rule, pmvnorm(algorithm = GenzBretz())) at a tight error.
# Run: Rscript tests/reference/mvtnorm_probabilities.R
# (mvtnorm 1.1-3 from Debian's r-cran-mvtnorm). Prints one C++ initializer per
# case: the probability and mvtnorm's error estimate.
suppressMessages(library(mvtnorm))
set.seed(20201)
ar1 <- function(d, r) outer(1:d, 1:d, function(i, j) r^abs(i - j))
# Group-sequential looks at information fractions t: corr sqrt(t_k / t_l).
gs <- function(t) outer(t, t, function(a, b) sqrt(pmin(a, b) / pmax(a, b)))
# Four tests at two looks: within a look the tests correlate 0.9, 0.8, 0.7
# with their neighbours (AR(1) in test order with 0.9); across looks the
# correlation is that times sqrt(1/2).
combo <- function() {
  within <- ar1(4, 0.9)
  kronecker(gs(c(0.5, 1)), within)
}
cases <- list(
  list(name = "bivariate", lower = c(-1, -Inf), upper = c(1.5, 0.7),
       sigma = matrix(c(1, 0.5, 0.5, 1), 2)),
  list(name = "five_scaled", lower = c(-1, -2, -Inf, -0.5, -1.5), upper = c(2, 1, 1.2, Inf, 0.8),
       sigma = diag(c(1, 2, 0.5, 1.5, 1)) %*% ar1(5, 0.4) %*% diag(c(1, 2, 0.5, 1.5, 1))),
  list(name = "three_looks", lower = rep(-Inf, 3), upper = c(3.710303, 2.511407, 1.992970),
       sigma = gs(c(1, 2, 3) / 3)),
  list(name = "ar1_eight", lower = rep(-Inf, 8), upper = 1.2 + 0.1 * (1:8),
       sigma = ar1(8, 0.6)),
  list(name = "combo_two_looks", lower = rep(-Inf, 8), upper = c(rep(2.6, 4), rep(2.0, 4)),
       sigma = combo()),
  list(name = "twelve_mixed", lower = c(rep(-1, 6), rep(-Inf, 6)), upper = c(rep(Inf, 6), rep(1.5, 6)),
       sigma = ar1(12, -0.3) * 0.5 + 0.5 * diag(12))
)
for (cs in cases) {
  p <- pmvnorm(lower = cs$lower, upper = cs$upper, sigma = cs$sigma,
               algorithm = GenzBretz(maxpts = 5e7, abseps = 2e-7, releps = 0))
  cat(sprintf("// %s\n{%.9f, %.2e},\n", cs$name, p[1], attr(p, "error")))
}
