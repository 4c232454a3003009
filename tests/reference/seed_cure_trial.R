# The seed trial's cure model and rules, written without gsd's code, shared by
# the independent simulations cure_model_simulation.R (the log-rank test) and
# rmst_group_sequential_simulation.R (the RMST difference); each sources this
# file from its own directory.
#
# The model, as the plan states it: 202 patients entering uniformly over 36
# months, 1:1 by permuted blocks of 4 in entry order (the last, partial block
# takes the first two places of a permuted block); control cured with
# probability 0.40 and otherwise an exponential event time of median 7
# months; treatment cured with probability 0.562 and a noncured hazard 0.63
# times the control's. No drop-out.
#
# The calendar cap: 109.82 months, the end of accrual plus the 99th
# percentile of the slower arm's noncured latency, 36 + 7 / 0.63 x
# log2(100) (the plan's default rule). A look whose time passes it is
# replaced by a final analysis at the cap with the events observed by then,
# whose bound spends all the alpha left (Lan & DeMets 1983) at an information
# fraction each script defines, with the earlier looks' bounds as designed;
# with no event since the last look there is no analysis and the trial ends
# at the cap.
suppressPackageStartupMessages({
  library(survival)
  library(rpact)
  library(parallel)
})

patients <- 202L
accrual <- 36
cure <- c(control = 0.40, treatment = 0.562)
rate_control <- log(2) / 7
rate <- c(control = rate_control, treatment = 0.63 * rate_control)
cap <- 109.82062433083028
alpha <- 0.05

# The two-sided alpha spent by information t: rpact's asOF with sided = 2
# spends alpha / 2 on each side by Lan-DeMets O'Brien-Fleming, 2 (1 -
# Phi(z_{1 - alpha / 4} / sqrt(t))) a side. The check below holds it to
# rpact's alphaSpent.
spent <- function(t) 4 * (1 - pnorm(qnorm(1 - alpha / 4) / sqrt(t)))
stopifnot(isTRUE(all.equal(
  spent(c(0.5, 0.75, 1)),
  getDesignGroupSequential(kMax = 3, alpha = alpha, sided = 2, informationRates = c(0.5, 0.75, 1),
                           typeOfDesign = "asOF")$alphaSpent, tolerance = 1e-9)))

# The bound of a final analysis at information fraction `fraction`, after
# looks at the fractions `before` with their designed bounds: all the alpha
# left, by rpact's user alpha spending.
final_bound_after <- function(before, fraction) {
  if (length(before) == 0) return(qnorm(1 - alpha / 2))
  rates <- c(before, fraction)
  tail(getDesignGroupSequential(kMax = length(rates), alpha = alpha, sided = 2,
                                informationRates = rates, typeOfDesign = "asUser",
                                userAlphaSpending = c(spent(before), alpha))$criticalValues, 1)
}

# One simulated trial's patients in entry order: entry times, arms (a factor,
# control first) and latencies (Inf for the cured).
draw_trial <- function() {
  entry <- sort(runif(patients, 0, accrual))
  blocks <- ceiling(patients / 4)
  arm <- as.vector(replicate(blocks, sample(rep(c("control", "treatment"), 2))))[seq_len(patients)]
  arm <- factor(arm, levels = c("control", "treatment"))
  cured <- runif(patients) < cure[as.character(arm)]
  latency <- rexp(patients, rate[as.character(arm)])
  latency[cured] <- Inf
  list(entry = entry, arm = arm, latency = latency)
}

# The data observed at calendar time c: the enrolled patients' times since
# entry, event indicators and arms. An event is observed when its calendar
# time, entry + latency, is at or before c: compared as calendar times, since
# c - entry can round below the latency of the very event that set c.
observed_at <- function(x, c) {
  enrolled <- x$entry <= c
  status <- as.integer(x$entry[enrolled] + x$latency[enrolled] <= c)
  time <- ifelse(status == 1, x$latency[enrolled], c - x$entry[enrolled])
  list(time = time, status = status, arm = x$arm[enrolled], patients = sum(enrolled))
}

# Replicates on `cores` processes (parallel::mclapply, one L'Ecuyer stream
# each), one row per trial of what `trial()` returns.
simulate_trials <- function(replicates, cores, trial) {
  chunks <- mclapply(seq_len(cores), function(i) {
    n <- replicates %/% cores + (i <= replicates %% cores)
    do.call(rbind, lapply(seq_len(n), function(r) trial()))
  }, mc.cores = cores, mc.set.seed = TRUE)
  do.call(rbind, chunks)
}

# A mean with its standard error, as the tests embed them.
mean_se <- function(x) sprintf("%.5f (SE %.5f)", mean(x), sd(x) / sqrt(length(x)))

# What both tests check: power, crossing per look, the cap, and the expected
# events, patients and duration, from a matrix with columns look, upper,
# lower, capped, none, events, patients and time.
print_operating_characteristics <- function(m, looks) {
  cat(sprintf("power %s\n", mean_se(m[, "upper"])))
  for (k in seq_len(looks)) {
    cat(sprintf("  upper crossing at look %d %s (capped %s)\n", k,
                mean_se(m[, "upper"] * (m[, "look"] == k)),
                mean_se(m[, "capped"] * (m[, "look"] == k))))
  }
  cat(sprintf("lower crossing %s\n", mean_se(m[, "lower"])))
  cat(sprintf("capped fraction %s; no analysis %s\n", mean_se(m[, "capped"]), mean_se(m[, "none"])))
  cat(sprintf("expected events %s\n", mean_se(m[, "events"])))
  cat(sprintf("expected patients %s\n", mean_se(m[, "patients"])))
  cat(sprintf("expected duration %s\n", mean_se(m[, "time"])))
}

# The lower quartile, median and upper quartile of the hazard ratio at
# stopping (column hr), each with the spread of its value in 20 batches for
# its standard error. The quartiles are the inverse of the empirical
# distribution function (quantile type 1, as gsd reports them); the median is
# median()'s, which differs from it by at most the gap between two adjacent
# order statistics.
print_hazard_ratio_quartiles <- function(m) {
  hr <- m[, "hr"]
  batch <- rep_len(1:20, nrow(m))
  statistics <- list(
    "lower quartile" = function(x) quantile(x, 0.25, type = 1, names = FALSE, na.rm = TRUE),
    "median" = function(x) median(x, na.rm = TRUE),
    "upper quartile" = function(x) quantile(x, 0.75, type = 1, names = FALSE, na.rm = TRUE))
  for (name in names(statistics)) {
    f <- statistics[[name]]
    cat(sprintf("%s hazard ratio at stopping %.5f (SE %.5f)\n",
                name, f(hr), sd(tapply(hr, batch, f)) / sqrt(20)))
  }
}

# One trial of looks at the calendar times of the look_events-th events,
# against `bounds` (two-sided): the first look with |z| at a bound, or the
# last, ends it. A look past the cap is replaced by a final analysis at the
# cap against capped_bound(d), d the events by then, or by none when no
# event came since the last look. test(x, tau) gives the look's z, events,
# patients and hazard ratio. With lower = FALSE (a one-sided test) only
# z >= bound stops the trial before its last look. Returns the row the
# summaries read.
run_event_looks <- function(x, look_events, bounds, test, capped_bound, lower = TRUE) {
  event_times <- sort(x$entry + x$latency)
  done_events <- 0
  for (k in seq_along(look_events)) {
    at <- event_times[look_events[k]]
    if (!is.na(at) && is.finite(at) && at <= cap) {
      lr <- test(x, at)
      b <- bounds[k]
      final <- k == length(look_events)
      below <- lower && lr[["z"]] <= -b
      if (lr[["z"]] >= b || below || final) {
        return(c(look = k, upper = lr[["z"]] >= b, lower = below, capped = 0, none = 0,
                 events = lr[["events"]], patients = lr[["patients"]], time = at, hr = lr[["hr"]]))
      }
      done_events <- look_events[k]
      next
    }
    # The cap: a final analysis with the events observed by then, if any are new.
    observed <- sum(event_times <= cap)
    enrolled <- sum(x$entry <= cap)
    if (observed == done_events) {
      return(c(look = max(k - 1, 1), upper = 0, lower = 0, capped = 1, none = 1,
               events = observed, patients = enrolled, time = cap, hr = NA))
    }
    lr <- test(x, cap)
    b <- capped_bound(observed)
    return(c(look = k, upper = lr[["z"]] >= b, lower = lower && lr[["z"]] <= -b, capped = 1, none = 0,
             events = lr[["events"]], patients = lr[["patients"]], time = cap, hr = lr[["hr"]]))
  }
}
