# Reference values for tests/endpoints/t_test_extremes_test.cpp: the fixed
# design's patients of the one-sided t test at large standardized effects,
# where the size is a few patients and the degrees of freedom n - groups are
# small. N solves P(T_{N-g}(delta sqrt(N / v)) <= t_{1-alpha, N-g}) = beta
# (rpact's getSampleSizeMeans with normalApproximation = FALSE), v = sd^2
# (1 + r)^2 / r for two groups and sd^2 for one. R's qt gives Inf below
# about 0.01 degrees of freedom and pt(Inf, ...) = 1, so the search may start
# just above g. R's noncentral pt is exact only for ncp below 37.62 (its
# pnt switches to an approximation above), so every case keeps the
# noncentrality at the root below that. R 4.2.2 (Debian's r-base).
# Run: Rscript tests/reference/t_test_large_effect.R
size <- function(delta, groups, alpha, beta, r = 1, sd = 1) {
  v <- if (groups == 1) sd^2 else sd^2 * (1 + r)^2 / r
  f <- function(n) pt(qt(1 - alpha, n - groups), n - groups, ncp = delta * sqrt(n / v)) - beta
  uniroot(f, c(groups + 1e-6, 1e4), tol = 1e-14)$root
}
cases <- list(c(5, 2, 0.025, 0.1), c(10, 2, 0.025, 0.1), c(5, 1, 0.025, 0.1),
              c(3, 2, 0.025, 0.2), c(20, 2, 0.05, 0.2))
for (a in cases) {
  n <- size(a[1], a[2], a[3], a[4])
  stopifnot(a[1] * sqrt(n / if (a[2] == 1) 1 else 4) < 37.62)
  cat(sprintf("    {%g, %d, %g, %g, %.15g},\n", a[1], a[2], a[3], a[4], n))
}
