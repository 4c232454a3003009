# Reference values for tests/survival/published_nph_examples_test.cpp: the
# delayed-effect example (Example 2) of Yung & Liu (2020, Biometrics 76:939,
# section 5.2, Figure 4A) through npsurvSS 1.1.0 (CRAN, 2024-05-08), the
# authors' companion package, whose vignette "Example 2: Delayed treatment
# effect" prints the figure's powers.
#
# The published example has truncated-exponential accrual (shape 0.1) and
# Weibull(shape 2) loss to follow-up, 1% by 25 months. gsd's model has
# piecewise-uniform accrual and exponential drop-out, so the reference is the
# same example with
#   - accrual piecewise uniform on 14 one-month pieces carrying the truncated
#     exponential's masses (npsurvSS "pieceuni", gsd Accrual::piecewise), and
#   - exponential loss with the same 1% by 25 months.
# The run of the published model (`published`) shows what the two changes
# move: the vignette's printed powers are reproduced to 3 decimals by the
# published model; the gsd-expressible model differs from them by <= 7e-4.
#
# npsurvSS integrates with stats::integrate at its default tolerance
# (rel.tol 1.2e-4). For 8-digit references its two weighted-log-rank moment
# functions are re-evaluated here with rel.tol 1e-10 on half-month pieces (the
# same integrands; only the quadrature changes).
#
# Weights: npsurvSS "FH_p<a>_q<b>" is F^a S^b with F = 1 - S the pooled
# distribution function (calc_central_moments.R, weight_wlr), so
# FH_p1_q0 = 1 - S is Fleming-Harrington G(rho = 0, gamma = 1) in the usual
# notation w = S^rho (1 - S)^gamma, and FH_p0_q1 is G(1, 0).
#
# Run: R CMD INSTALL npsurvSS_1.1.0 (pure R, imports stats and utils), then
#   Rscript tests/reference/npsurvss_yung_liu.R
suppressMessages(library(npsurvSS))
stopifnot(packageVersion("npsurvSS") == "1.1.0")

ns <- asNamespace("npsurvSS")
# Split at every half month (the change points 0, 1.5, 3 and 4.5 and the
# accrual's kinks at 11, ..., 25 months of follow-up are among them) so each
# piece is smooth.
tight <- function(f, lower, upper, ...) {
  cuts <- unique(c(lower, seq(0, upper, 0.5)[seq(0, upper, 0.5) > lower], upper))
  list(value = sum(vapply(seq_len(length(cuts) - 1), function(i) {
    stats::integrate(f, cuts[i], cuts[i + 1], rel.tol = 1e-10, abs.tol = 1e-15, subdivisions = 1000L, ...)$value
  }, 0.0)))
}
for (fn in c("delta_wlr", "sigma2_wlr")) {
  f <- get(fn, envir = ns)
  body(f) <- eval(parse(text = paste("quote(", gsub("stats::integrate(", "tight(", paste(deparse(body(f)), collapse = "\n"), fixed = TRUE), ")")))
  environment(f) <- list2env(list(tight = tight), parent = ns)
  assign(paste0(fn, "_tight"), f)
}

arms <- function(model) {
  loss <- if (model == "published") list(scale = log(1 / 0.99)^(1 / 2) / 25, shape = 2)
          else list(scale = log(1 / 0.99) / 25, shape = 1)
  mk <- function(size, median) {
    if (model == "published") {
      create_arm(size = size, accr_time = 14, accr_dist = "truncexp", accr_param = 0.1,
                 surv_scale = per2haz(median), loss_scale = loss$scale, loss_shape = loss$shape,
                 total_time = 25)
    } else {
      br <- 0:14
      mass <- diff((1 - exp(-0.1 * br)) / (1 - exp(-0.1 * 14)))
      create_arm(size = size, accr_time = 14, accr_interval = br, accr_param = mass,
                 surv_scale = per2haz(median), loss_scale = loss$scale, loss_shape = loss$shape,
                 total_time = 25)
    }
  }
  list(arm0 = mk(120, 6), arm1 = mk(240, 9))
}

# Active arm: control hazard to the change point tau1, then the hazard that
# keeps the median at 9 months (the vignette's construction).
delayed <- function(a, tau1) {
  arm1 <- a$arm1
  arm1$surv_scale <- c(a$arm0$surv_scale[1],
                       per2haz(9 - tau1, 1 - 0.5 / psurv(tau1, a$arm0, lower.tail = FALSE)))
  arm1$surv_interval <- c(0, tau1, Inf)
  arm1
}

weights <- c(FH00 = "1", FH01 = "FH_p1_q0", FH10 = "FH_p0_q1", FH11 = "FH_p1_q1")
z <- qnorm(0.975)

cat("published model, powers as the vignette prints them (3 decimals):\n")
a <- arms("published")
for (tau1 in seq(0, 4.5, 0.5)) {
  p <- power_two_arm(a$arm0, delayed(a, tau1))
  cat(sprintf("  tau1 %.1f  log-rank %.3f  (%.6f)\n", tau1, p, p))
}

cat("\ngsd-expressible model: tau1, weight, late hazard, delta (per patient), sigma2, power (n = 360)\n")
a <- arms("expressible")
for (tau1 in c(0, 1.5, 3, 4.5)) {
  arm1 <- delayed(a, tau1)
  for (w in names(weights)) {
    d <- delta_wlr_tight(a$arm0, arm1, weights[[w]])
    s <- sigma2_wlr_tight(a$arm0, arm1, weights[[w]])
    power <- pnorm(sqrt(360) * abs(d) / sqrt(s) - z)
    cat(sprintf("  {%.1f, %s, %.15g, %.12e, %.12e, %.10f},\n", tau1, w, arm1$surv_scale[2], d, s, power))
  }
}
