# Reference values for tests/survival/published_nph_examples_test.cpp
# (MagirrBurman2019DelayedEffect): the delayed-effect scenario of Magirr &
# Burman (2019, Statistics in Medicine 38:3782, section 5; as simtrial's
# vignette "modest-wlrt" restates it): control exponential with median 15
# months, hazard ratio 1 for 6 months and 0.5 after, uniform accrual over 12
# months, 1:1, no drop-out. Computed with npsurvSS 1.1.0's integrals
# (delta_wlr / sigma2_wlr at rel.tol 1e-10 as in npsurvss_yung_liu.R):
#   - the modestly weighted log-rank test, w = 1 / max(S(t), S(t*)) with S the
#     pooled survival p0 S0 + p1 S1 (Magirr & Burman, eq. 5), t* = 12, added
#     here as one more weight of npsurvSS's weight_wlr;
#   - Fleming-Harrington FH(0,0), FH(0,1), FH(1,0), FH(1,1) and the MaxCombo
#     test of all four (Roychoudhury et al. 2021, Statistics in
#     Biopharmaceutical Research 13:1) at one analysis: correlations from
#     the null variances of the midpoint weights (Karrison 2016), bound and
#     power from mvtnorm 1.1-3 (abseps 1e-7);
#   - the same MaxCombo at two looks (78 and 130 events, Lan-DeMets
#     O'Brien-Fleming spent at the event fractions), at the end of the file.
# The analysis is at the expected time of 130 events among 300 patients
# (found by uniroot on npsurvSS's expected events), and also at month 36 (the
# scenario's calendar cut) for the moments.
#
# npsurvSS "FH_p<a>_q<b>" is F^a S^b: FH(rho, gamma) is FH_p<gamma>_q<rho>.
#   Rscript tests/reference/npsurvss_mb_maxcombo.R   (npsurvSS 1.1.0 installed)
suppressMessages(library(npsurvSS))
library(mvtnorm)
stopifnot(packageVersion("npsurvSS") == "1.1.0")

ns <- asNamespace("npsurvSS")
tight <- function(f, lower, upper, ...) {
  cuts <- unique(c(lower, seq(0, upper, 0.5)[seq(0, upper, 0.5) > lower], upper))
  list(value = sum(vapply(seq_len(length(cuts) - 1), function(i) {
    stats::integrate(f, cuts[i], cuts[i + 1], rel.tol = 1e-10, abs.tol = 1e-15, subdivisions = 1000L, ...)$value
  }, 0.0)))
}
fh_weight <- get("weight_wlr", envir = ns)
mb_weight <- function(x, arm0, arm1, weight = "1") {
  if (!startsWith(weight, "MB_")) return(fh_weight(x, arm0, arm1, weight))
  t_star <- as.numeric(substring(weight, 4))
  p1 <- arm1$size / (arm0$size + arm1$size)
  pooled <- function(t) (1 - p1) * psurv(t, arm0, lower.tail = FALSE) + p1 * psurv(t, arm1, lower.tail = FALSE)
  1 / pmax(pooled(x), pooled(t_star))
}
assignInNamespace("weight_wlr", mb_weight, "npsurvSS")
moment <- function(fn) {
  f <- get(fn, envir = ns)
  body(f) <- eval(parse(text = paste("quote(", gsub("stats::integrate(", "tight(", paste(deparse(body(f)), collapse = "\n"), fixed = TRUE), ")")))
  environment(f) <- list2env(list(tight = tight), parent = ns)
  f
}
delta_wlr <- moment("delta_wlr")
sigma2_wlr <- moment("sigma2_wlr")

arms <- function(total) {
  lambda <- log(2) / 15
  list(arm0 = create_arm(size = 100, accr_time = 12, surv_scale = lambda, loss_scale = 1e-300, total_time = total),
       arm1 = create_arm(size = 100, accr_time = 12, surv_interval = c(0, 6, Inf),
                         surv_scale = c(lambda, 0.5 * lambda), loss_scale = 1e-300, total_time = total))
}
# Expected events: npsurvSS's prob_event (the integral of dens_event) at the
# tight tolerance; its exp_events integrates at rel.tol 1.2e-4, which moves
# the time of 130 events by 0.002 months.
dens_event <- get("dens_event", envir = ns)
events <- function(total) {
  a <- arms(total)
  sum(sapply(a, function(arm) arm$size * tight(function(x) dens_event(arm, x), 0, total)$value))
}
t130 <- uniroot(function(t) events(t) - 130, c(12, 200), tol = 1e-13)$root
cat(sprintf("time of 130 events: %.12f (events at 36: %.10f)\n", t130, events(36)))

name <- function(rho, gamma) sprintf("FH_p%g_q%g", gamma, rho)
fh <- list(c(0, 0), c(0, 1), c(1, 0), c(1, 1))
for (total in c(36, t130)) {
  a <- arms(total)
  cat(sprintf("\nanalysis at %.6f: weight, delta (per patient), sigma2\n", total))
  for (w in c("MB_12", sapply(fh, function(p) name(p[1], p[2])))) {
    cat(sprintf("  %-10s %.12e %.12e\n", w, delta_wlr(a$arm0, a$arm1, w), sigma2_wlr(a$arm0, a$arm1, w)))
  }
}

a <- arms(t130)
k <- length(fh)
mean_z <- numeric(k)
cov <- matrix(0, k, k)
for (i in 1:k) for (j in 1:k) {
  mid <- (fh[[i]] + fh[[j]]) / 2
  cov[i, j] <- sigma2_wlr(a$arm0, a$arm1, name(mid[1], mid[2]))
}
for (i in 1:k) mean_z[i] <- -sqrt(200) * delta_wlr(a$arm0, a$arm1, name(fh[[i]][1], fh[[i]][2])) / sqrt(cov[i, i])
corr <- cov2cor(cov)
set.seed(2021)
alg <- GenzBretz(maxpts = 1e7, abseps = 1e-7, releps = 0)
bound <- uniroot(function(c) pmvnorm(upper = rep(c, k), corr = corr, algorithm = alg) - 0.975, c(1.9, 3), tol = 1e-10)$root
power <- 1 - pmvnorm(upper = rep(bound, k) - mean_z, corr = corr, algorithm = alg)
cat("\nMaxCombo FH(0,0), FH(0,1), FH(1,0), FH(1,1) at 130 events, 200 patients, one-sided 0.025\n")
cat(sprintf("mean_z %s\n", paste(sprintf("%.10f", mean_z), collapse = ", ")))
cat("correlation\n"); for (i in 1:k) cat(sprintf("  {%s},\n", paste(sprintf("%.10f", corr[i, ]), collapse = ", ")))
cat(sprintf("bound %.8f\npower %.8f\n", bound, power))

# Group-sequential MaxCombo: the same four tests at looks at 78 and 130 events
# (event fractions 0.6 and 1), Lan-DeMets O'Brien-Fleming alpha spent at the
# event fractions, one-sided 0.025. The scores of tests a, b at looks k <= l
# have covariance sigma2 of the midpoint weight at look k (Tsiatis 1982,
# Karrison 2016); the bounds solve
#   P0(max_j Z_j1 >= c1) = alpha(0.6),
#   P0(max_j Z_j1 < c1, max_j Z_j2 < c2) = 1 - 0.025.
t78 <- uniroot(function(t) events(t) - 78, c(5, 200), tol = 1e-13)$root
times <- c(t78, t130)
cat(sprintf("\ngroup-sequential MaxCombo: looks at %.12f and %.12f\n", times[1], times[2]))
idx <- expand.grid(test = 1:k, look = 1:2)
n_all <- nrow(idx)
cov_gs <- matrix(0, n_all, n_all)
mean_gs <- numeric(n_all)
for (r in 1:n_all) {
  a <- arms(times[idx$look[r]])
  p <- fh[[idx$test[r]]]
  mean_gs[r] <- -sqrt(200) * delta_wlr(a$arm0, a$arm1, name(p[1], p[2]))
  for (q in 1:n_all) {
    a_min <- arms(times[min(idx$look[r], idx$look[q])])
    mid <- (fh[[idx$test[r]]] + fh[[idx$test[q]]]) / 2
    cov_gs[r, q] <- sigma2_wlr(a_min$arm0, a_min$arm1, name(mid[1], mid[2]))
  }
}
mean_gs <- mean_gs / sqrt(diag(cov_gs))
corr_gs <- cov2cor(cov_gs)
obf <- function(t) 2 * (1 - pnorm(qnorm(1 - 0.025 / 2) / sqrt(t)))
first <- 1:k
c1 <- uniroot(function(c) 1 - pmvnorm(upper = rep(c, k), corr = corr_gs[first, first], algorithm = alg) - obf(0.6),
              c(2, 4.5), tol = 1e-10)$root
c2 <- uniroot(function(c) pmvnorm(upper = c(rep(c1, k), rep(c, k)), corr = corr_gs, algorithm = alg) - 0.975,
              c(1.5, 3.5), tol = 1e-10)$root
stop1 <- 1 - pmvnorm(upper = rep(c1, k) - mean_gs[first], corr = corr_gs[first, first], algorithm = alg)
power_gs <- 1 - pmvnorm(upper = c(rep(c1, k), rep(c2, k)) - mean_gs, corr = corr_gs, algorithm = alg)
cat(sprintf("alpha(0.6) %.10f\nmean_z look 1 %s\nmean_z look 2 %s\n", obf(0.6),
            paste(sprintf("%.10f", mean_gs[1:k]), collapse = ", "),
            paste(sprintf("%.10f", mean_gs[k + 1:k]), collapse = ", ")))
cat("correlation of look 1 with look 2 (rows: look-1 tests, columns: look-2 tests)\n")
for (i in 1:k) cat(sprintf("  {%s},\n", paste(sprintf("%.10f", corr_gs[i, k + 1:k]), collapse = ", ")))
cat(sprintf("bounds %.8f %.8f\ncrossing at look 1 %.8f\npower %.8f\n", c1, c2, stop1, power_gs))

# MaxCombo sizing: the patients the four-test MaxCombo needs for 80% power at
# one analysis at month 36 (accrual 12 months, follow-up 24), the accrual
# pattern and follow-up fixed: the bound does not depend on N, and N solves
# 1 - P(max_j Z_j < c) = 0.8 with Z_j ~ N(sqrt(N) m_j, corr), m_j the
# per-patient standardised means.
a <- arms(36)
cov36 <- matrix(0, k, k)
for (i in 1:k) for (j in 1:k) {
  mid <- (fh[[i]] + fh[[j]]) / 2
  cov36[i, j] <- sigma2_wlr(a$arm0, a$arm1, name(mid[1], mid[2]))
}
m36 <- sapply(1:k, function(i) -delta_wlr(a$arm0, a$arm1, name(fh[[i]][1], fh[[i]][2])) / sqrt(cov36[i, i]))
corr36 <- cov2cor(cov36)
c36 <- uniroot(function(c) pmvnorm(upper = rep(c, k), corr = corr36, algorithm = alg) - 0.975, c(1.9, 3), tol = 1e-10)$root
n80 <- uniroot(function(n) 1 - pmvnorm(upper = rep(c36, k) - sqrt(n) * m36, corr = corr36, algorithm = alg) - 0.8,
               c(50, 500), tol = 1e-8)$root
cat(sprintf("\nMaxCombo sized at month 36 for 80%% power: bound %.8f, patients %.6f\n", c36, n80))
