# Reference values for tests/survival/km_contrast_reference_test.cpp: the
# asymptotic variances of the Kaplan-Meier milestone survival and RMST of
# each arm, per patient of that arm, from npsurvSS 1.1.0 (Yung & Liu 2020's
# companion package, CRAN 2024-05-08): sigma2j_surv and sigma2j_rmst
# integrate S(t)^2 h / P(at risk) and [int_s^tau S]^2 h / P(at risk) with
# P(at risk at s) = S(s) x no loss x accrued by total_time - s (its
# prob_risk), an implementation independent of gsd's.
#
# npsurvSS integrates with stats::integrate at its default tolerance
# (rel.tol 1.2e-4); here the same integrands are re-evaluated with rel.tol
# 1e-11 on pieces split at the models' kinks (only the quadrature changes).
#
# Models (gsd's in tests/survival/survival_test_specs.hpp):
#   seed: cure 40% / 56.2%, noncured exponential median 7, HR 0.63; accrual
#         uniform over 36 months; no loss;
#   weibull: cure 30% / 45%, Weibull shape 1.3 scale 12 (gsd's S_u =
#         exp(-(t / 12)^1.3); npsurvSS's rate 1 / 12), HR 0.7 on the noncured
#         (rate 0.7^(1 / 1.3) / 12); accrual 6 months at rate 1 then 24 at
#         rate 3; exponential loss 0.01 (control) and 0.02 (treatment);
#   piecewise: no cure, hazards 0.1 on [0, 6), 0.04 on [6, 15), 0.02 after
#         (control) and half of them (treatment); accrual uniform over 12;
#         exponential loss 0.015 in both arms.
# Run: R CMD INSTALL npsurvSS_1.1.0 (pure R), then
#   Rscript tests/reference/npsurvss_km_contrast.R
suppressMessages(library(npsurvSS))
stopifnot(packageVersion("npsurvSS") == "1.1.0")
ns <- asNamespace("npsurvSS")

cuts_of <- function(lower, upper, kinks) sort(unique(c(lower, kinks[kinks > lower & kinks < upper], upper)))
tight <- function(f, lower, upper, kinks) {
  cuts <- cuts_of(lower, upper, kinks)
  sum(vapply(seq_len(length(cuts) - 1), function(i) {
    stats::integrate(f, cuts[i], cuts[i + 1], rel.tol = 1e-11, abs.tol = 0, subdivisions = 2000L)$value
  }, 0.0))
}
surv <- function(x, arm) ns$psurv(x, arm, lower.tail = FALSE)
risk <- function(x, arm) ns$prob_risk(arm, x)
kinks_of <- function(arm) c(arm$surv_interval, arm$total_time - arm$accr_interval)
milestone_var <- function(arm, t) {
  surv(t, arm)^2 * tight(function(x) ns$hsurv(x, arm) / risk(x, arm), 0, t, kinks_of(arm))
}
rmst <- function(arm, tau) tight(function(x) surv(x, arm), 0, tau, kinks_of(arm))
rmst_var <- function(arm, tau) {
  inner <- function(x) sapply(x, function(x1) tight(function(y) surv(y, arm), x1, tau, kinks_of(arm)))
  tight(function(x) inner(x)^2 * ns$hsurv(x, arm) / risk(x, arm), 0, tau, kinks_of(arm))
}

models <- list(
  seed = function(total) {
    r <- log(2) / 7
    mk <- function(cure, rate) create_arm(size = 1, accr_time = 36, surv_cure = cure, surv_scale = rate,
                                          loss_scale = 1e-300, total_time = total)
    list(mk(0.40, r), mk(0.562, 0.63 * r))
  },
  weibull = function(total) {
    mk <- function(cure, rate, loss) create_arm(size = 1, accr_time = 30, accr_interval = c(0, 6, 30),
                                                accr_param = c(6, 72) / 78, surv_cure = cure,
                                                surv_shape = 1.3, surv_scale = rate, loss_scale = loss,
                                                total_time = total)
    list(mk(0.30, 1 / 12, 0.01), mk(0.45, 0.7^(1 / 1.3) / 12, 0.02))
  },
  piecewise = function(total) {
    mk <- function(k) create_arm(size = 1, accr_time = 12, surv_interval = c(0, 6, 15, Inf),
                                 surv_scale = k * c(0.1, 0.04, 0.02), loss_scale = 0.015, total_time = total)
    list(mk(1), mk(0.5))
  })

cases <- list(list("seed", 40, 24), list("seed", 50.77, 36), list("weibull", 25, 15), list("weibull", 40, 12),
              list("piecewise", 20, 16), list("piecewise", 30, 8))
cat("model, look, horizon, then per arm (control, treatment): S(t), Var S^ x n_j, RMST, Var RMST^ x n_j\n")
for (cs in cases) {
  arms <- models[[cs[[1]]]](cs[[2]])
  h <- cs[[3]]
  v <- unlist(lapply(arms, function(a) c(surv(h, a), milestone_var(a, h), rmst(a, h), rmst_var(a, h))))
  cat(sprintf("  {\"%s\", %.2f, %g, {%s}},\n", cs[[1]], cs[[2]], h, paste(sprintf("%.12e", v), collapse = ", ")))
}
