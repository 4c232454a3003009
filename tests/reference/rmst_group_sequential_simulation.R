# An independent simulation in plain R, written without gsd's code, of the
# seed trial's cure model monitored by the difference in restricted mean
# survival time up to 24 months (examples/weighted-monitoring/rmst24.json),
# for the reference values of tests/engine/rmst_reference_test.cpp: the
# power, the upper and lower crossing per look, the capped fraction, the
# expected events, patients and duration, and, as a check of the independent
# increments the plan assumes, the correlations of the looks' z.
#
# The model, the calendar cap and its final analysis are those of
# seed_cure_trial.R.
#
# The test (docs/config.md, `survival.test`): at a look at calendar time c,
# each arm's Kaplan-Meier curve (survival::survfit) of the data observed by c
# (follow-up censored at c - entry); its restricted mean mu = int_0^24 S^ and
# Greenwood's variance sum over the arm's event times t_i <= 24 of
# (int_{t_i}^24 S^)^2 d_i / (n_i (n_i - d_i)) (a term with n_i = d_i adds 0);
# z = (mu_treatment - mu_control) / sqrt(Var_treatment + Var_control), 0 when
# the variance is 0. The variance is summed here from the curve's own n.risk,
# n.event and surv; on the first simulated data set it is compared with the
# standard error survfit prints for rmean = 24.
#
# The rules: the looks are at the calendar times of the 47th, 71st and 94th
# events; z is compared with the two-sided bounds the plan gives the test
# (`gsd design examples/weighted-monitoring/rmst24.json --format json`,
# sample_size.test.looks[].efficacy_z: Lan-DeMets O'Brien-Fleming of alpha
# 0.05 at the test's information fractions, its planned variances' ratios
# Var_3 / Var_k, also taken from there); they are checked against
# rpact::getDesignGroupSequential at those fractions. A capped final
# analysis with d events, between looks k - 1 and k, is at an information
# fraction interpolated linearly in events between the fractions of the
# looks around it: t_{k-1} + (t_k - t_{k-1}) (d - d_{k-1}) / (d_k - d_{k-1}).
#
# Every look that a trial reaches is computed, also after it has stopped, for
# the correlations of z between looks 1-2, 1-3 and 2-3 over the trials that
# reach the later look uncapped (independent increments give sqrt(t_j / t_k)).
#
# Needs R with the survival and rpact packages (Debian: r-cran-survival,
# r-cran-rpact). Run: Rscript tests/reference/rmst_group_sequential_simulation.R
# [REPLICATES] [CORES] (default 100000 and 2; about 5 minutes on 2 cores).
script <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))
source(file.path(dirname(script), "seed_cure_trial.R"))

args <- commandArgs(trailingOnly = TRUE)
replicates <- if (length(args) >= 1) as.integer(args[1]) else 100000L
cores <- if (length(args) >= 2) as.integer(args[2]) else 2L
tau <- 24
look_events <- c(47L, 71L, 94L)

# The plan's test (gsd design, sample_size.test.looks[]): information
# fractions and efficacy bounds.
fractions <- c(0.5803745653914627, 0.8432092338889221, 1)
bounds <- c(2.720480494766367, 2.2076750719940614, 2.043481274815051)
check <- getDesignGroupSequential(kMax = 3, alpha = alpha, sided = 2,
                                  informationRates = fractions, typeOfDesign = "asOF")
cat(sprintf("bounds %s; rpact at the same fractions %s\n",
            paste(sprintf("%.6f", bounds), collapse = " "),
            paste(sprintf("%.6f", check$criticalValues), collapse = " ")))
stopifnot(max(abs(check$criticalValues - bounds)) < 1e-4)

# The bound of a final analysis at the cap with d events, between looks
# k - 1 and k (k >= 1; looks 1..k-1 done).
capped_bound <- local({
  cache <- new.env()
  function(d, k) {
    key <- as.character(d)
    if (is.null(cache[[key]])) {
      d0 <- if (k == 1) 0 else look_events[k - 1]
      t0 <- if (k == 1) 0 else fractions[k - 1]
      f <- t0 + (fractions[k] - t0) * (d - d0) / (look_events[k] - d0)
      cache[[key]] <- final_bound_after(fractions[seq_len(k - 1)], f)
    }
    cache[[key]]
  }
})

# One arm's restricted mean up to tau and its Greenwood variance, from the
# Kaplan-Meier curve's event times, numbers at risk and events.
rmst_arm <- function(time, n_risk, n_event, surv) {
  keep <- n_event > 0 & time <= tau
  t <- time[keep]
  n <- n_risk[keep]
  d <- n_event[keep]
  s <- surv[keep]
  if (length(t) == 0) return(c(mu = tau, var = 0))
  before <- c(1, head(s, -1))                  # S^ just before each event time
  area <- cumsum(before * diff(c(0, t)))        # int_0^{t_i} S^
  mu <- tail(area, 1) + tail(s, 1) * (tau - tail(t, 1))
  g <- ifelse(n > d, d / (n * (n - d)), 0)
  c(mu = mu, var = sum((mu - area)^2 * g))
}

# The test at calendar time c: z, events, patients.
rmst_test <- function(x, c) {
  o <- observed_at(x, c)
  fit <- survfit(Surv(o$time, o$status) ~ o$arm)
  strata <- rep(seq_along(fit$strata), fit$strata)  # level order: control, treatment
  est <- sapply(1:2, function(j) {
    i <- strata == j
    rmst_arm(fit$time[i], fit$n.risk[i], fit$n.event[i], fit$surv[i])
  })
  v <- sum(est["var", ])
  z <- if (v > 0) unname(est["mu", 2] - est["mu", 1]) / sqrt(v) else 0
  c(z = z, events = sum(o$status), patients = o$patients)
}

# The first simulated data set's curve at month 50: the Greenwood variance
# above against survfit's printed standard error of the restricted mean.
RNGkind("L'Ecuyer-CMRG")
set.seed(1)
local({
  x <- draw_trial()
  o <- observed_at(x, 50)
  fit <- survfit(Surv(o$time, o$status) ~ o$arm)
  printed <- summary(fit, rmean = tau)$table[, c("rmean", "se(rmean)")]
  strata <- rep(seq_along(fit$strata), fit$strata)
  own <- t(sapply(1:2, function(j) {
    i <- strata == j
    r <- rmst_arm(fit$time[i], fit$n.risk[i], fit$n.event[i], fit$surv[i])
    c(r[["mu"]], sqrt(r[["var"]]))
  }))
  cat(sprintf("restricted means %s (survfit %s), standard errors %s (survfit %s)\n",
              paste(sprintf("%.6f", own[, 1]), collapse = " "),
              paste(sprintf("%.6f", printed[, 1]), collapse = " "),
              paste(sprintf("%.6f", own[, 2]), collapse = " "),
              paste(sprintf("%.6f", printed[, 2]), collapse = " ")))
})

one_trial <- function() {
  x <- draw_trial()
  event_times <- sort(x$entry + x$latency)
  out <- c(look = NA, upper = 0, lower = 0, capped = 0, none = 0, events = NA, patients = NA,
           time = NA, z1 = NA, z2 = NA, z3 = NA)
  stopped <- FALSE
  done_events <- 0
  stop <- function(k, r, b, at, capped) {
    out[c("look", "upper", "lower", "capped", "events", "patients", "time")] <<-
      c(k, r[["z"]] >= b, r[["z"]] <= -b, capped, r[["events"]], r[["patients"]], at)
    stopped <<- TRUE
  }
  for (k in seq_along(look_events)) {
    at <- event_times[look_events[k]]
    if (is.finite(at) && at <= cap) {
      r <- rmst_test(x, at)
      out[paste0("z", k)] <- r[["z"]]
      if (!stopped && (abs(r[["z"]]) >= bounds[k] || k == length(look_events))) {
        stop(k, r, bounds[k], at, 0)
      }
      done_events <- look_events[k]
      next
    }
    if (stopped) break
    # The cap: a final analysis with the events observed by then, if any are new.
    observed_events <- sum(event_times <= cap)
    if (observed_events == done_events) {
      out[c("look", "capped", "none", "events", "patients", "time")] <-
        c(max(k - 1, 1), 1, 1, observed_events, sum(x$entry <= cap), cap)
      break
    }
    r <- rmst_test(x, cap)
    stop(k, r, capped_bound(observed_events, k), cap, 1)
    break
  }
  out
}

started <- Sys.time()
set.seed(20261208)
m <- simulate_trials(replicates, cores, one_trial)

cat(sprintf("\n%d replicates\n", nrow(m)))
print_operating_characteristics(m, 3)
# Correlations of z between looks (trials reaching both uncapped), with the
# standard error (1 - r^2) / sqrt(n), against sqrt(t_j / t_k).
for (p in list(c(1, 2), c(1, 3), c(2, 3))) {
  a <- m[, paste0("z", p[1])]
  b <- m[, paste0("z", p[2])]
  both <- !is.na(a) & !is.na(b)
  r <- cor(a[both], b[both])
  cat(sprintf("correlation of z at looks %d and %d %.5f (SE %.5f; %d trials), independent increments %.5f\n",
              p[1], p[2], r, (1 - r^2) / sqrt(sum(both)), sum(both), sqrt(fractions[p[1]] / fractions[p[2]])))
}
for (k in 1:3) {
  z <- m[, paste0("z", k)]
  cat(sprintf("z at look %d: mean %.5f, sd %.5f (%d trials)\n", k, mean(z, na.rm = TRUE),
              sd(z, na.rm = TRUE), sum(!is.na(z))))
}
cat(sprintf("run time %.0f seconds on %d cores\n", as.numeric(difftime(Sys.time(), started, units = "secs")), cores))
