# An independent simulation in plain R, written without gsd's code, of the
# seed trial judged by a weighted log-rank test or by MaxCombo at looks set by
# its events, for the reference values of
# tests/engine/weighted_event_driven_reference_test.cpp: the upper and lower
# crossing per look, the power, the capped fraction, and the expected events,
# patients and duration.
#
# The trials: configs/blinatumomab-20120215.json (202 patients, looks at the
# calendar times of the 47th, 71st and 94th events) with survival.test set,
# the model, the calendar cap and the looks by events of seed_cure_trial.R.
# Scenarios:
#   fh01_h1      FH(0, 1), the seed model (cure 0.40 / 0.562, noncured
#                hazard ratio 0.63);
#   maxcombo_h1  MaxCombo of FH(0, 0), FH(0, 1), FH(1, 0), FH(1, 1), the seed
#                model;
#   fh01_h0      FH(0, 1) with equal arms (the treatment arm cured with
#                probability 0.40, hazard ratio 1), the type I error on both
#                sides;
#   maxcombo_h0  MaxCombo with equal arms, the one-sided type I error.
#
# The statistics, computed here from their definitions at each look on the
# data observed by its calendar time (the G(rho, gamma) class of Fleming &
# Harrington 1991, Counting Processes and Survival Analysis): at each
# distinct event time t, with n at risk (n1 on treatment), d events (d1 on
# treatment) and S(t-) the pooled Kaplan-Meier estimate just before t,
#   w = S(t-)^rho (1 - S(t-))^gamma,
#   U = sum w (d n1 / n - d1),   V = sum w^2 d (n1 / n) (1 - n1 / n) (n - d) / (n - 1),
#   z = U / sqrt(V)  (0 when V = 0),
# positive when the treatment arm has fewer events than expected: gsd's
# convention (docs/simulation.md, "positive favours treatment"), and
# survival::survdiff's (E_T - O_T) / sqrt(V), against which FH(0, 0) and
# FH(1, 0) (survdiff's rho = 1) are checked below. MaxCombo's z is the
# largest of the four FH z at the look (Karrison 2016, Statistics in
# Biopharmaceutical Research 8:1), the default set of gsd's survival.test
# {"type": "maxcombo"} (survival/maxcombo_power.hpp).
#
# The bounds are gsd's, pasted below from `gsd design CONFIG --format json`
# (sample_size.test.looks[].efficacy_z): this simulation checks the
# simulator's statistics, looks and decisions, not its bounds. The rules gsd
# documents for a weighted test as the trial's test at looks by events
# (simulate/include/gsd/simulate/simulated_test.hpp, look_plan.hpp; the
# simulator does not recompute them per replicate when every look is set by
# its events):
#   FH(0, 1): the plan's two-sided bounds at the test's own information
#     fractions (the null variance at each look's expected time over the
#     final's; alpha spent there by Lan-DeMets O'Brien-Fleming), fixed; a
#     z at or below minus the bound stops the trial on the lower side. A final
#     analysis forced by the calendar cap with d events, between looks k - 1
#     and k, spends all the alpha left at the fraction interpolated linearly
#     in events, t_{k-1} + (t_k - t_{k-1}) (d - d_{k-1}) / (d_k - d_{k-1})
#     (t_0 = d_0 = 0), the earlier looks' bounds as designed; here by rpact's
#     user alpha spending (final_bound_after of seed_cure_trial.R).
#   MaxCombo: one-sided bounds c_k solved by gsd at the planned looks from
#     the tests' asymptotic null correlations under the model, spending the
#     one-sided alpha 0.025 at the design's fractions 0.5, 0.75 and 1; fixed,
#     with no lower bound; a final analysis forced by the cap keeps c_K.
# The FH(0, 1) bounds are checked against rpact's Lan-DeMets O'Brien-Fleming
# bounds at the pasted fractions.
#
# Needs R with the survival and rpact packages (Debian: r-cran-survival,
# r-cran-rpact). Run: Rscript tests/reference/weighted_event_driven_simulation.R
# [REPLICATES] [CORES] (default 100000 per scenario and 2; about 12 minutes
# on 2 cores shared with another job).
script <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))
source(file.path(dirname(script), "seed_cure_trial.R"))

args <- commandArgs(trailingOnly = TRUE)
replicates <- if (length(args) >= 1) as.integer(args[1]) else 100000L
cores <- if (length(args) >= 2) as.integer(args[2]) else 2L
seed <- 20261211L
look_events <- c(47L, 71L, 94L)
maxcombo_weights <- list(c(0, 0), c(0, 1), c(1, 0), c(1, 1))  # (rho, gamma)

# The models: the seed's (seed_cure_trial.R) and equal arms, whose cap is the
# end of accrual plus the 99th percentile of the control's noncured latency,
# 36 + 7 log2(100) (gsd design: calendar_cap 82.50699332842308).
models <- list(
  h1 = list(cure = cure, rate = rate, cap = cap),
  h0 = list(cure = c(control = 0.40, treatment = 0.40),
            rate = c(control = rate_control, treatment = rate_control), cap = accrual + 7 * log2(100)))
stopifnot(isTRUE(all.equal(models$h0$cap, 82.50699332842308, tolerance = 1e-12)))

# gsd's bounds (gsd 0.2.0, `gsd design CONFIG --format json`, CONFIG the seed
# config with survival.test {"type": "fleming-harrington", "rho": 0,
# "gamma": 1} or {"type": "maxcombo"}, and for h0 survival.treatment
# {"cure_fraction": 0.40} with hazard_ratio_noncured 1): efficacy_z and, for
# FH(0, 1), information_fraction of sample_size.test.looks.
scenarios <- list(
  fh01_h1 = list(model = "h1", weights = list(c(0, 1)), sided = 2,
                 bounds = c(3.8227230043406246, 2.7354494606989923, 1.9774479351145828),
                 fractions = c(0.315523148488292, 0.5757700764940696, 1)),
  maxcombo_h1 = list(model = "h1", weights = maxcombo_weights, sided = 1,
                     bounds = c(3.1653693542562693, 2.5811854841390462, 2.2520868003043635)),
  fh01_h0 = list(model = "h0", weights = list(c(0, 1)), sided = 2,
                 bounds = c(3.5037665334794985, 2.4945524985842704, 1.9950058864087694),
                 fractions = c(0.3701162128913051, 0.6753877350523702, 1)),
  maxcombo_h0 = list(model = "h0", weights = maxcombo_weights, sided = 1,
                     bounds = c(3.188182972756395, 2.59014016836824, 2.2638502753911878)))

# The FH(0, 1) bounds are Lan-DeMets O'Brien-Fleming's at their fractions.
for (s in scenarios) {
  if (is.null(s$fractions)) next
  rpact_bounds <- getDesignGroupSequential(kMax = 3, alpha = alpha, sided = 2, informationRates = s$fractions,
                                           typeOfDesign = "asOF")$criticalValues
  stopifnot(isTRUE(all.equal(rpact_bounds, s$bounds, tolerance = 1e-6)))
}

# Sets the globals draw_trial and run_event_looks read (seed_cure_trial.R).
use_model <- function(name) {
  m <- models[[name]]
  cure <<- m$cure
  rate <<- m$rate
  cap <<- m$cap
}

# The FH(rho, gamma) z of each of `weights` (and Pike's hazard ratio from
# the unweighted sums) from the data observed at calendar time tau.
fleming_harrington <- function(x, tau, weights) {
  o <- observed_at(x, tau)
  treated <- o$arm == "treatment"
  event <- o$status == 1
  t <- sort(unique(o$time[event]))
  # At risk at t: time >= t; the count of times below t by findInterval.
  n <- length(o$time) - findInterval(t, sort(o$time), left.open = TRUE)
  n1 <- sum(treated) - findInterval(t, sort(o$time[treated]), left.open = TRUE)
  d <- tabulate(match(o$time[event], t), length(t))
  d1 <- tabulate(match(o$time[event & treated], t), length(t))
  s_before <- c(1, head(cumprod(1 - d / n), -1))  # S(t-)
  share <- n1 / n
  score <- d * share - d1
  variance <- ifelse(n > 1, d * share * (1 - share) * (n - d) / pmax(n - 1, 1), 0)
  z <- vapply(weights, function(w) {
    wt <- s_before^w[1] * (1 - s_before)^w[2]
    v <- sum(wt^2 * variance)
    if (v > 0) sum(wt * score) / sqrt(v) else 0
  }, numeric(1))
  observed_t <- sum(d1)
  expected_t <- sum(d * share)
  hr <- (observed_t / expected_t) / ((sum(d) - observed_t) / (sum(d) - expected_t))
  list(z = z, events = sum(d), patients = o$patients, hr = hr)
}

# survdiff's z for the treatment arm, FH(rho, 0).
survdiff_z <- function(x, tau, rho) {
  o <- observed_at(x, tau)
  fit <- survdiff(Surv(o$time, o$status) ~ o$arm, rho = rho)
  (fit$exp[2] - fit$obs[2]) / sqrt(fit$var[2, 2])
}

# The bound of a final analysis at the cap with d events: all the alpha left
# at the fraction interpolated in events between the looks around it.
capped_bound_of <- function(s) {
  if (s$sided == 1) return(function(d) s$bounds[length(s$bounds)])
  cache <- new.env()
  function(d) {
    key <- as.character(d)
    if (is.null(cache[[key]])) {
      k <- which(look_events > d)[1]
      d0 <- if (k == 1) 0 else look_events[k - 1]
      t0 <- if (k == 1) 0 else s$fractions[k - 1]
      fraction <- t0 + (s$fractions[k] - t0) * (d - d0) / (look_events[k] - d0)
      cache[[key]] <- final_bound_after(s$fractions[seq_len(k - 1)], fraction)
    }
    cache[[key]]
  }
}

one_trial_of <- function(s) {
  capped_bound <- capped_bound_of(s)
  test <- function(x, tau) {
    f <- fleming_harrington(x, tau, s$weights)
    c(z = max(f$z), events = f$events, patients = f$patients, hr = f$hr)
  }
  function() run_event_looks(draw_trial(), look_events, s$bounds, test, capped_bound, lower = s$sided == 2)
}

summarise <- function(name, m, seconds) {
  cat(sprintf("\n%s: %d replicates, seed %d, %.0f s\n", name, nrow(m), seed, seconds))
  cat(sprintf("power (upper) %s\n", mean_se(m[, "upper"])))
  cat(sprintf("lower crossing %s\n", mean_se(m[, "lower"])))
  for (k in seq_along(look_events)) {
    at_k <- m[, "look"] == k
    cat(sprintf("  look %d: upper %s, lower %s, capped %s\n", k, mean_se(m[, "upper"] * at_k),
                mean_se(m[, "lower"] * at_k), mean_se(m[, "capped"] * at_k)))
  }
  cat(sprintf("capped fraction %s; no analysis %s\n", mean_se(m[, "capped"]), mean_se(m[, "none"])))
  cat(sprintf("expected events %s\n", mean_se(m[, "events"])))
  cat(sprintf("expected patients %s\n", mean_se(m[, "patients"])))
  cat(sprintf("expected duration %s\n", mean_se(m[, "time"])))
}

RNGkind("L'Ecuyer-CMRG")
set.seed(seed)

# FH(0, 0) and FH(1, 0) against survdiff at each look of 200 trials of each
# model.
check <- 0
for (model in names(models)) {
  use_model(model)
  for (r in 1:200) {
    x <- draw_trial()
    event_times <- sort(x$entry + x$latency)
    for (d in look_events) {
      at <- event_times[d]
      if (!is.finite(at)) next
      z <- fleming_harrington(x, at, list(c(0, 0), c(1, 0)))$z
      check <- max(check, abs(z - c(survdiff_z(x, at, 0), survdiff_z(x, at, 1))))
    }
  }
}
cat(sprintf("FH(0, 0) and FH(1, 0) z against survdiff's (rho 0 and 1): largest difference %.1e\n", check))
stopifnot(check < 1e-10)

for (name in names(scenarios)) {
  s <- scenarios[[name]]
  use_model(s$model)
  started <- proc.time()[["elapsed"]]
  m <- simulate_trials(replicates, cores, one_trial_of(s))
  summarise(name, m, proc.time()[["elapsed"]] - started)
}
