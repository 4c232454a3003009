# Reference values for tests/engine/logrank_drift_test.cpp
# (LogRankDrift.WeibullCureRampUpDropoutMatchesR): expected look times and
# non-proportional-hazards log-rank means, computed independently of gsd with
# base R (stats::integrate, QUADPACK; stats::uniroot) on the time scale.
# Run: Rscript tests/reference/survival_logrank_reference.R
#
# Model: control cure 0.30, Weibull latency shape 1.3, scale 12; treatment cure
# 0.45, noncured hazards x 0.7; accrual with relative rate 1 over [0, 6] and 3
# over [6, 30]; drop-out hazards 0.01 (control) and 0.02 (treatment);
# allocation 2:1 (treatment:control); 400 patients; looks at 60, 90, 120 events.
shape <- 1.3; scale <- 12; hr <- 0.7
pi0 <- 0.30; pi1 <- 0.45; eta0 <- 0.01; eta1 <- 0.02
p1 <- 2 / 3; p0 <- 1 / 3; N <- 400
scale1 <- scale * hr^(-1 / shape)
Su <- function(s, sc) exp(-(s / sc)^shape)
hu <- function(s, sc) shape / sc * (s / sc)^(shape - 1)
S0 <- function(s) pi0 + (1 - pi0) * Su(s, scale)
S1 <- function(s) pi1 + (1 - pi1) * Su(s, scale1)
h0 <- function(s) (1 - pi0) * hu(s, scale) * Su(s, scale) / S0(s)
h1 <- function(s) (1 - pi1) * hu(s, scale1) * Su(s, scale1) / S1(s)
R <- function(u) ifelse(u <= 0, 0, ifelse(u <= 6, u / 78, ifelse(u <= 30, (6 + 3 * (u - 6)) / 78, 1)))
split_points <- function(tau) sort(unique(c(0, tau, Filter(function(x) x > 0 && x < tau, c(tau - 6, tau - 30)))))
piecewise <- function(f, tau) {
  pts <- split_points(tau)
  sum(sapply(seq_len(length(pts) - 1), function(i)
    integrate(f, pts[i], pts[i + 1], rel.tol = 1e-12, abs.tol = 0, subdivisions = 1000L)$value))
}
events <- function(tau) N * piecewise(function(s) R(tau - s) *
  (p0 * S0(s) * h0(s) * exp(-eta0 * s) + p1 * S1(s) * h1(s) * exp(-eta1 * s)), tau)
look_time <- function(d) uniroot(function(t) events(t) - d, c(1e-6, 500), tol = 1e-13)$root
mean_z <- function(tau) {
  a0 <- function(s) p0 * S0(s) * exp(-eta0 * s)
  a1 <- function(s) p1 * S1(s) * exp(-eta1 * s)
  u <- piecewise(function(s) R(tau - s) * a0(s) * a1(s) / (a0(s) + a1(s)) * (h0(s) - h1(s)), tau)
  v <- piecewise(function(s) R(tau - s) * a0(s) * a1(s) * (a0(s) * h0(s) + a1(s) * h1(s)) /
                   (a0(s) + a1(s))^2, tau)
  sqrt(N) * u / sqrt(v)
}
for (d in c(60, 90, 120)) {
  tau <- look_time(d)
  cat(sprintf("{%d.0, %.12f, %.12f},\n", d, tau, mean_z(tau)))
}
