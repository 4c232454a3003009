# Reference values for tests/endpoints/student_t_z_test.cpp: a t statistic on
# the normal scale, z = Phi^{-1}(F_t(t; df)), through logarithms so that it
# holds where the tail probability underflows. R's pt(..., log.p = TRUE)
# computes the log of the t tail through pbeta in log space, and
# qnorm(..., log.p = TRUE) inverts the normal tail from its logarithm
# (R 4.2.2, Debian's r-base). R 4.2's qnorm is only good to a few digits for
# log p below about -1e4 (R 4.3.0 made it fully accurate), so its z is refined
# by Newton's method on pnorm(z, log.p = TRUE), whose log tail is accurate
# (Cody's algorithm); the residual is printed as a check.
# pt itself switches to a normal approximation for df > 4e5, so there the
# log tail is taken from its definition, P(T >= t) = P(B >= t^2 / (df + t^2)) / 2
# with B ~ Beta(1/2, df/2), by pbeta in log space (TOMS 708).
# Run: Rscript tests/reference/student_t_z.R
log_t_tail <- function(t, df) {
  if (df <= 4e5) return(pt(t, df, lower.tail = FALSE, log.p = TRUE))
  log(0.5) + pbeta(t^2 / (df + t^2), 0.5, df / 2, lower.tail = FALSE, log.p = TRUE)
}
z_of_log_tail <- function(log_p) {
  z <- qnorm(log_p, lower.tail = FALSE, log.p = TRUE)
  for (i in 1:20) {
    f <- pnorm(z, lower.tail = FALSE, log.p = TRUE)
    slope <- -exp(dnorm(z, log = TRUE) - f)
    z <- z - (f - log_p) / slope
  }
  z
}
cases <- list(c(2.5, 30), c(40, 10), c(45, 200), c(50, 1e4), c(38, 1e6), c(38, 1e9),
              c(1e5, 3), c(1e10, 5), c(1e300, 100), c(1e300, 1), c(300, 5000))
for (a in cases) {
  log_p <- log_t_tail(a[1], a[2])
  z <- z_of_log_tail(log_p)
  cat(sprintf("    {%.17g, %.17g, %.17g, %.17g},  // residual %.2g\n", a[1], a[2], log_p, z,
              pnorm(z, lower.tail = FALSE, log.p = TRUE) - log_p))
}
# The normal quantile from the log of its tail alone.
for (log_p in c(-700, -1000, -1e4, -1e6, -1e10)) {
  z <- z_of_log_tail(log_p)
  cat(sprintf("    {%.17g, %.17g},  // residual %.2g\n", log_p, z,
              pnorm(z, lower.tail = FALSE, log.p = TRUE) - log_p))
}
