# An independent simulation of event-driven cure-model trials in plain R,
# written without gsd's code, for the reference values of
# tests/simulate/cure_model_reference_test.cpp: the power, the stopping per
# look, the capped fraction, the expected events, patients and duration, and
# the median hazard ratio at stopping, of the seed trial's plan and of the
# same model with 80 planned events.
#
# The model, as the plan states it: 202 patients entering uniformly over 36
# months, 1:1 by permuted blocks of 4 in entry order (the last, partial block
# takes the first two places of a permuted block); control cured with
# probability 0.40 and otherwise an exponential event time of median 7
# months; treatment cured with probability 0.562 and a noncured hazard 0.63
# times the control's. No drop-out.
#
# The rules: the looks are at the calendar times of the 47th, 71st and 94th
# events (40th, 60th and 80th of 80); the log-rank z (survival::survdiff,
# positive when the treatment has fewer events than expected) is compared
# with the two-sided Lan-DeMets O'Brien-Fleming bounds of alpha 0.05 at
# information 0.5, 0.75 and 1 (rpact::getDesignGroupSequential). A look whose
# time passes the calendar cap (109.82 months: the end of accrual plus the
# 99th percentile of the slower arm's noncured latency, 36 + 7 / 0.63 x
# log2(100); the plan's default rule) is replaced by a final
# analysis at the cap with the events observed by then, d, whose bound spends
# all the alpha left at information d / planned events (Lan & DeMets 1983),
# with the earlier looks' bounds as designed; with no event since the last
# look there is no analysis and the trial ends at the cap. Hazard ratio at
# stopping: Pike's (O_T / E_T) / (O_C / E_C).
#
# Needs R with the survival and rpact packages (Debian: r-cran-survival,
# r-cran-rpact). Run: Rscript tests/reference/cure_model_simulation.R
# [REPLICATES] [CORES] (default 400000 and 2; about 15 minutes on 2 cores).
suppressPackageStartupMessages({
  library(survival)
  library(rpact)
  library(parallel)
})

args <- commandArgs(trailingOnly = TRUE)
replicates <- if (length(args) >= 1) as.integer(args[1]) else 400000L
cores <- if (length(args) >= 2) as.integer(args[2]) else 2L

patients <- 202L
accrual <- 36
cure <- c(control = 0.40, treatment = 0.562)
rate_control <- log(2) / 7
rate <- c(control = rate_control, treatment = 0.63 * rate_control)
cap <- 109.82062433083028
fractions <- c(0.5, 0.75, 1)
alpha <- 0.05

design <- getDesignGroupSequential(kMax = 3, alpha = alpha, sided = 2,
                                   informationRates = fractions, typeOfDesign = "asOF")
bounds <- design$criticalValues
# Two-sided Lan-DeMets O'Brien-Fleming spending (rpact's asOF, sided = 2).
spent <- function(t) 2 * (1 - pnorm(qnorm(1 - alpha / 4) / sqrt(t)))

# The bound of a final analysis at the cap with d events of `planned`, after
# the looks before it (those with fewer planned events than d).
capped_bound <- local({
  cache <- new.env()
  function(d, planned, look_events) {
    key <- paste(planned, d)
    if (!is.null(cache[[key]])) return(cache[[key]])
    before <- fractions[look_events < d]
    rates <- c(before, d / planned)
    b <- if (length(rates) == 1) {
      qnorm(1 - alpha / 2)
    } else {
      tail(getDesignGroupSequential(kMax = length(rates), alpha = alpha, sided = 2,
                                    informationRates = rates, typeOfDesign = "asUser",
                                    userAlphaSpending = c(spent(before), alpha))$criticalValues, 1)
    }
    cache[[key]] <- b
    b
  }
})

# Log-rank at calendar time tau: z, events, patients and Pike's hazard ratio.
log_rank <- function(entry, arm, latency, tau) {
  enrolled <- entry <= tau
  follow <- tau - entry[enrolled]
  t <- latency[enrolled]
  # An event is observed when its calendar time, entry + latency, is at or
  # before tau: compared as calendar times, since tau - entry can round below
  # the latency of the very event that set tau.
  status <- as.integer(entry[enrolled] + t <= tau)
  time <- ifelse(status == 1, t, follow)
  fit <- survdiff(Surv(time, status) ~ arm[enrolled])
  # Groups in level order: control, treatment.
  z <- (fit$exp[2] - fit$obs[2]) / sqrt(fit$var[2, 2])
  hr <- (fit$obs[2] / fit$exp[2]) / (fit$obs[1] / fit$exp[1])
  c(z = z, events = sum(status), patients = sum(enrolled), hr = hr)
}

one_trial <- function(planned) {
  look_events <- ceiling(fractions * planned)
  entry <- sort(runif(patients, 0, accrual))
  blocks <- ceiling(patients / 4)
  arm <- as.vector(replicate(blocks, sample(rep(c("control", "treatment"), 2))))[seq_len(patients)]
  arm <- factor(arm, levels = c("control", "treatment"))
  cured <- runif(patients) < cure[as.character(arm)]
  latency <- rexp(patients, rate[as.character(arm)])
  latency[cured] <- Inf
  event_times <- sort(entry + latency)
  done_events <- 0
  for (k in seq_along(look_events)) {
    at <- event_times[look_events[k]]
    if (!is.na(at) && is.finite(at) && at <= cap) {
      lr <- log_rank(entry, arm, latency, at)
      b <- bounds[k]
      final <- k == length(look_events)
      if (lr[["z"]] >= b || lr[["z"]] <= -b || final) {
        return(c(look = k, upper = lr[["z"]] >= b, lower = lr[["z"]] <= -b, capped = 0, none = 0,
                 events = lr[["events"]], patients = lr[["patients"]], time = at, hr = lr[["hr"]]))
      }
      done_events <- look_events[k]
      next
    }
    # The cap: a final analysis with the events observed by then, if any are new.
    observed <- sum(event_times <= cap)
    enrolled <- sum(entry <= cap)
    if (observed == done_events) {
      return(c(look = max(k - 1, 1), upper = 0, lower = 0, capped = 1, none = 1,
               events = observed, patients = enrolled, time = cap, hr = NA))
    }
    lr <- log_rank(entry, arm, latency, cap)
    b <- capped_bound(observed, planned, look_events)
    return(c(look = k, upper = lr[["z"]] >= b, lower = lr[["z"]] <= -b, capped = 1, none = 0,
             events = lr[["events"]], patients = lr[["patients"]], time = cap, hr = lr[["hr"]]))
  }
}

summarise <- function(m, planned) {
  n <- nrow(m)
  mean_se <- function(x) sprintf("%.5f (SE %.5f)", mean(x), sd(x) / sqrt(length(x)))
  cat(sprintf("\nplanned events %d, %d replicates\n", planned, n))
  cat(sprintf("power %s\n", mean_se(m[, "upper"])))
  for (k in 1:3) {
    cat(sprintf("  upper crossing at look %d %s (capped %s)\n", k,
                mean_se(m[, "upper"] * (m[, "look"] == k)),
                mean_se(m[, "capped"] * (m[, "look"] == k))))
  }
  cat(sprintf("lower crossing %s\n", mean_se(m[, "lower"])))
  cat(sprintf("capped fraction %s; no analysis %s\n", mean_se(m[, "capped"]), mean_se(m[, "none"])))
  cat(sprintf("expected events %s\n", mean_se(m[, "events"])))
  cat(sprintf("expected patients %s\n", mean_se(m[, "patients"])))
  cat(sprintf("expected duration %s\n", mean_se(m[, "time"])))
  # The median hazard ratio at stopping, with the spread of the medians of
  # 20 batches for its standard error.
  hr <- m[, "hr"]
  batch <- rep_len(1:20, n)
  medians <- tapply(hr, batch, median, na.rm = TRUE)
  cat(sprintf("median hazard ratio at stopping %.5f (SE %.5f)\n",
              median(hr, na.rm = TRUE), sd(medians) / sqrt(20)))
}

RNGkind("L'Ecuyer-CMRG")
set.seed(20261207)
for (planned in c(94L, 80L)) {
  chunks <- mclapply(seq_len(cores), function(i) {
    n <- replicates %/% cores + (i <= replicates %% cores)
    t(vapply(seq_len(n), function(r) one_trial(planned), numeric(9)))
  }, mc.cores = cores, mc.set.seed = TRUE)
  summarise(do.call(rbind, chunks), planned)
}
