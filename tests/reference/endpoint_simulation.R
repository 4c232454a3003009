# An independent simulation of normal and binary endpoint trials in plain R,
# written without gsd's code, for the reference values of
# tests/engine/endpoint_reference_simulation_test.cpp: the power, the
# efficacy and futility stops per look, the expected patients, and the power
# and efficacy stops per look with the non-binding futility bound ignored, of
# configs/normal-two-sample.json and configs/binary-noninferiority.json.
#
# The bounds are design inputs: the z bounds `gsd design CONFIG --format json`
# prints (boundaries.looks[].efficacy_z, .futility_z), checked here against
# rpact 3.3.4's getDesignGroupSequential (Lan-DeMets O'Brien-Fleming alpha
# spending, Hwang-Shih-DeCani(-2) beta spending, non-binding) to 1e-6, and the
# patients against getSampleSizeMeans / getSampleSizeRates.
#
# The rules, as docs/endpoints.md states them for `gsd simulate`:
# - N is the plan's patients rounded up (184; 756); look k is at
#   ceil(t_k N) patients (92, 138, 184; 303, 530, 756), and at every look the
#   treatment arm has round(n r / (1 + r)) of them, halves rounded up, and
#   control the rest (r the allocation ratio); each look adds new patients
#   to the earlier ones, drawn one by one here.
# - Normal (difference 0.5, sd 1, 1:1): the two-sample t statistic with the
#   pooled sd, (mean_T - mean_C) / (s sqrt(1 / n_T + 1 / n_C)), against the
#   design's z bounds carried to the t distribution with n - 2 degrees of
#   freedom at the same one-sided level: efficacy at t >= qt(pnorm(b_k), n - 2),
#   futility at t <= qt(pnorm(f_k), n - 2).
# - Binary (rates 0.70 and 0.70, margin -0.10 on the difference, 2:1): the
#   Farrington-Manning z, (p_T - p_C - margin) / sqrt(pt_T (1 - pt_T) / n_T +
#   pt_C (1 - pt_C) / n_C), pt the maximum-likelihood rates under
#   pt_T - pt_C = margin (Farrington & Manning 1990, closed form; checked here
#   against a numerical maximisation), against the z bounds as they are.
# - A trial stops at the first look whose statistic is at or above the
#   efficacy bound (a rejection) or at or below the futility bound; the last
#   look has no futility bound. Expected patients: the patients at the
#   stopping look. Ignoring futility (the rule the non-binding design's
#   alpha is spent under): the same trial run on past the futility bound,
#   stopping only at an efficacy crossing or the last look; its rejections
#   per look and their sum.
# Standard errors: binomial sqrt(p (1 - p) / R) for the probabilities, the
# sample sd / sqrt(R) for the expected patients.
#
# Needs R with the rpact package (Debian: r-cran-rpact). Run:
#   Rscript tests/reference/endpoint_simulation.R [REPLICATES]
# (default 400000 per trial; about 20 seconds on one core). The C++ test never
# calls R.
suppressPackageStartupMessages(library(rpact))

args <- commandArgs(trailingOnly = TRUE)
replicates <- if (length(args) >= 1) as.integer(args[1]) else 400000L
chunk <- 10000L
set.seed(20261208)

# The z bounds gsd design prints (--format json, boundaries.looks[]).
normal_bounds <- list(fractions = c(0.5, 0.75, 1), beta = 0.1,
                      efficacy = c(2.962588042727567, 2.3590177051548875, 2.014083668510331),
                      futility = c(0.45484777883148925, 1.2111715296382783))
binary_bounds <- list(fractions = c(0.4, 0.7, 1), beta = 0.2,
                      efficacy = c(3.35686935609101, 2.444542281214558, 2.0005390677589343),
                      futility = c(0.06353639349085705, 1.0307085854698574))

rpact_design <- function(b) {
  getDesignGroupSequential(kMax = 3, alpha = 0.025, beta = b$beta, sided = 1,
                           informationRates = b$fractions, typeOfDesign = "asOF",
                           typeBetaSpending = "bsHSD", gammaB = -2, bindingFutility = FALSE)
}
check_bounds <- function(b, d) {
  stopifnot(max(abs(d$criticalValues - b$efficacy)) < 1e-6,
            max(abs(d$futilityBounds - b$futility)) < 1e-6)
}
normal_design <- rpact_design(normal_bounds)
binary_design <- rpact_design(binary_bounds)
check_bounds(normal_bounds, normal_design)
check_bounds(binary_bounds, binary_design)
normal_plan <- getSampleSizeMeans(normal_design, groups = 2, alternative = 0.5, stDev = 1)
binary_plan <- getSampleSizeRates(binary_design, groups = 2, pi1 = 0.7, pi2 = 0.7, thetaH0 = -0.1,
                                  allocationRatioPlanned = 2)
stopifnot(ceiling(normal_plan$maxNumberOfSubjects) == 184,
          ceiling(binary_plan$maxNumberOfSubjects) == 756)

# Whole patients per look and arm.
looks_of <- function(N, fractions, r) {
  n <- ceiling(fractions * N - 1e-9)
  treatment <- floor(n * r / (1 + r) + 0.5)
  list(n = n, treatment = treatment, control = n - treatment)
}

# Farrington-Manning restricted rates under p_T - p_C = s, n_T and n_C.
fm_rates <- function(x_t, x_c, n_t, n_c, s) {
  p_t <- x_t / n_t
  p_c <- x_c / n_c
  theta <- n_c / n_t
  a <- 1 + theta
  b <- -(1 + theta + p_t + theta * p_c + s * (theta + 2))
  c <- s^2 + s * (2 * p_t + theta + 1) + p_t + theta * p_c
  d <- -p_t * s * (1 + s)
  v <- b^3 / (27 * a^3) - b * c / (6 * a^2) + d / (2 * a)
  u <- ifelse(v >= 0, 1, -1) * sqrt(b^2 / (9 * a^2) - c / (3 * a))
  w <- (pi + acos(pmin(1, pmax(-1, v / u^3)))) / 3
  rt <- 2 * u * cos(w) - b / (3 * a)
  list(treatment = rt, control = rt - s)
}
# The closed form against the restricted likelihood maximised numerically.
local({
  for (case in list(c(200, 100, 140, 70), c(353, 177, 260, 110), c(504, 252, 340, 190), c(202, 101, 120, 80))) {
    n_t <- case[1]; n_c <- case[2]; x_t <- case[3]; x_c <- case[4]
    loglik <- function(pc) dbinom(x_t, n_t, pc - 0.1, log = TRUE) + dbinom(x_c, n_c, pc, log = TRUE)
    best <- optimize(loglik, c(0.1 + 1e-9, 1 - 1e-9), maximum = TRUE, tol = 1e-12)$maximum
    stopifnot(abs(fm_rates(x_t, x_c, n_t, n_c, -0.1)$control - best) < 1e-7)
  }
})

# Per replicate: the statistic and its bounds at each look (rows: replicates).
# `statistics(m)` gives an m x 3 matrix of statistics; `upper` and `lower` the
# bounds on its scale (lower[3] = -Inf).
simulate_trial <- function(statistics, upper, lower, patients) {
  stop_look <- integer(0); stop_kind <- character(0); first_reject <- integer(0)
  done <- 0L
  while (done < replicates) {
    m <- min(chunk, replicates - done)
    s <- statistics(m)
    reject <- sweep(s, 2, upper, ">=")
    futile <- sweep(s, 2, lower, "<=")
    stops <- reject | futile
    look <- max.col(stops, ties.method = "first")
    look[rowSums(stops) == 0] <- 3L  # cannot happen: the last look always stops
    at <- cbind(seq_len(m), look)
    kind <- ifelse(reject[at], "efficacy", ifelse(futile[at], "futility", "none"))
    fr <- max.col(reject, ties.method = "first")
    fr[rowSums(reject) == 0] <- 0L
    stop_look <- c(stop_look, look); stop_kind <- c(stop_kind, kind); first_reject <- c(first_reject, fr)
    done <- done + m
  }
  R <- replicates
  prop <- function(x) c(value = mean(x), se = sqrt(mean(x) * (1 - mean(x)) / R))
  per_look <- function(cond) t(sapply(1:3, function(k) prop(cond(k))))
  n_stop <- patients[stop_look]
  list(power = prop(stop_kind == "efficacy"),
       reject = per_look(function(k) stop_kind == "efficacy" & stop_look == k),
       futility = per_look(function(k) stop_kind == "futility" & stop_look == k),
       patients = c(value = mean(n_stop), se = sd(n_stop) / sqrt(R)),
       power_ignoring = prop(first_reject > 0),
       reject_ignoring = per_look(function(k) first_reject == k))
}

# (a) configs/normal-two-sample.json.
normal_looks <- looks_of(184, normal_bounds$fractions, 1)
normal_statistics <- function(m) {
  lt <- normal_looks$treatment; lc <- normal_looks$control
  xt <- matrix(0.5 + rnorm(m * lt[3]), m)
  xc <- matrix(rnorm(m * lc[3]), m)
  out <- matrix(0, m, 3)
  for (k in 1:3) {
    a <- xt[, seq_len(lt[k]), drop = FALSE]
    b <- xc[, seq_len(lc[k]), drop = FALSE]
    mt <- rowMeans(a); mc <- rowMeans(b)
    ss <- rowSums((a - mt)^2) + rowSums((b - mc)^2)
    df <- lt[k] + lc[k] - 2
    out[, k] <- (mt - mc) / sqrt(ss / df * (1 / lt[k] + 1 / lc[k]))
  }
  out
}
df <- normal_looks$n - 2
normal_upper <- qt(pnorm(normal_bounds$efficacy), df)
normal_lower <- c(qt(pnorm(normal_bounds$futility), df[1:2]), -Inf)

# (b) configs/binary-noninferiority.json.
binary_looks <- looks_of(756, binary_bounds$fractions, 2)
binary_statistics <- function(m) {
  lt <- binary_looks$treatment; lc <- binary_looks$control
  yt <- matrix(runif(m * lt[3]) < 0.7, m)
  yc <- matrix(runif(m * lc[3]) < 0.7, m)
  out <- matrix(0, m, 3)
  for (k in 1:3) {
    x_t <- rowSums(yt[, seq_len(lt[k]), drop = FALSE])
    x_c <- rowSums(yc[, seq_len(lc[k]), drop = FALSE])
    r <- fm_rates(x_t, x_c, lt[k], lc[k], -0.1)
    v <- r$treatment * (1 - r$treatment) / lt[k] + r$control * (1 - r$control) / lc[k]
    out[, k] <- (x_t / lt[k] - x_c / lc[k] + 0.1) / sqrt(v)
  }
  out
}
binary_upper <- binary_bounds$efficacy
binary_lower <- c(binary_bounds$futility, -Inf)

emit <- function(name, looks, x) {
  e <- function(v) sprintf("{%.5f, %.5f}", v[1], v[2])
  rows <- function(m) paste0("{", paste(apply(m, 1, e), collapse = ", "), "}")
  cat(sprintf("// %s: %d replicates, look patients %s (treatment %s)\n", name, replicates,
              paste(looks$n, collapse = ", "), paste(looks$treatment, collapse = ", ")))
  cat(sprintf('{"%s", %d, %s,\n %s,\n %s,\n %s, %s,\n %s},\n', name, replicates, e(x$power),
              rows(x$reject), rows(x$futility), e(x$patients), e(x$power_ignoring),
              rows(x$reject_ignoring)))
}

started <- proc.time()[["elapsed"]]
cat("// Generated by tests/reference/endpoint_simulation.R (rpact ", as.character(packageVersion("rpact")),
    ", ", R.version.string, ")\n", sep = "")
cat("// {name, replicates, power, reject per look, futility per look, expected patients,\n",
    "//  power ignoring futility, reject per look ignoring futility}, each {value, se}\n", sep = "")
emit("normal-two-sample", normal_looks,
     simulate_trial(normal_statistics, normal_upper, normal_lower, normal_looks$n))
emit("binary-noninferiority", binary_looks,
     simulate_trial(binary_statistics, binary_upper, binary_lower, binary_looks$n))
cat(sprintf("// rpact's normal approximation (binary): P(efficacy at look 1 | H1) %.6f, expected patients under H1 %.2f\n",
            binary_plan$rejectPerStage[1], binary_plan$expectedNumberOfSubjectsH1))
cat(sprintf("// %.0f s\n", proc.time()[["elapsed"]] - started))
