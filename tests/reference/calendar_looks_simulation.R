# An independent simulation in plain R, written without gsd's code, of two
# calendar-capped versions of the seed trial, for the reference values of
# tests/engine/calendar_looks_reference_test.cpp: the power, the crossing and
# the capped fraction per look, and the expected events, patients and
# duration.
#
# The cure model and the trial's data are those of seed_cure_trial.R; the
# log-rank z is survival::survdiff's (positive when the treatment has fewer
# events than expected), the bounds two-sided Lan-DeMets O'Brien-Fleming of
# alpha 0.05 by rpact::getDesignGroupSequential. Both trials have the
# protocol's "final analysis at 94 events or month 60, whichever comes
# first": the calendar cap is month 60.
#
# examples/calendar/seed-cap-60.json: 202 patients, looks at the 47th, 71st
# and 94th events against the design's bounds at information 0.5, 0.75 and
# 1. A look not reached by month 60 is replaced by a final analysis there
# with the events observed, whose bound spends all the alpha left at
# information d / 94, the earlier looks' bounds as designed (as in
# cure_model_simulation.R); with no event since the last look there is no
# analysis.
#
# examples/calendar/integer-calendar-looks.json: 204 patients (51 blocks of
# 4), a look at month 24, a second at the 71st event or month 36 whichever
# comes first, the final at the 94th event or month 60 whichever comes first.
# A look is never before the previous one. Since a look is set by calendar
# time, every analysis is judged as a monitoring committee would: against
# bounds recomputed at the events observed at the analyses so far, d_1 < ...
# < d_k: the looks' correlation sqrt(d_j / d_k), alpha spent at d_j / 94 at
# each interim analysis, and all the alpha left at the final analysis (the
# one at month 60, or one whose events reach 94). An analysis with no event
# since the previous one is not held.
#
# Needs R with the survival and rpact packages (Debian: r-cran-survival,
# r-cran-rpact). Run: Rscript tests/reference/calendar_looks_simulation.R
# [REPLICATES] [CORES] (default 50000 per trial and 1 core; about 10
# minutes).
script <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))
source(file.path(dirname(script), "seed_cure_trial.R"))

args <- commandArgs(trailingOnly = TRUE)
replicates <- if (length(args) >= 1) as.integer(args[1]) else 50000L
cores <- if (length(args) >= 2) as.integer(args[2]) else 1L

cap <- 60
planned <- 94L
# seed_cure_trial.R's spent(t), the design's two-sided alpha spent by
# information t: user spending at the design's fractions gives its bounds.
fractions <- c(0.5, 0.75, 1)
designed <- getDesignGroupSequential(kMax = 3, alpha = alpha, sided = 2,
                                     informationRates = fractions, typeOfDesign = "asOF")$criticalValues
stopifnot(all.equal(designed, getDesignGroupSequential(
  kMax = 3, alpha = alpha, sided = 2, informationRates = fractions, typeOfDesign = "asUser",
  userAlphaSpending = c(spent(fractions[1:2]), alpha))$criticalValues, tolerance = 1e-6))

# Cached bounds, keyed by their arguments.
cached <- function(f) {
  cache <- new.env()
  function(...) {
    key <- paste(unlist(list(...)), collapse = " ")
    if (is.null(cache[[key]])) cache[[key]] <- f(...)
    cache[[key]]
  }
}

# The designed trial's capped final analysis with d events.
capped_bound <- cached(function(d) {
  before <- fractions[ceiling(fractions * planned) < d]
  if (length(before) == 0) return(qnorm(1 - alpha / 2))
  rates <- c(before, d / planned)
  getDesignGroupSequential(kMax = length(rates), alpha = alpha, sided = 2,
                           informationRates = rates / tail(rates, 1), typeOfDesign = "asUser",
                           userAlphaSpending = c(spent(before), alpha))$criticalValues[length(rates)]
})

# The bound at the last of the analyses with `events` (increasing), recomputed
# at them: alpha spent at d_j / planned at each interim, all of it at a final
# analysis. An interim's bound does not depend on the looks after it, so the
# schedule is closed by the planned final.
observed_bound <- cached(function(events, final) {
  k <- length(events)
  spend <- spent(events / planned)
  if (final) {
    if (k == 1) return(qnorm(1 - alpha / 2))
    rates <- events / events[k]
    spend[k] <- alpha
  } else {
    rates <- c(events, planned) / planned
    spend <- c(spend, alpha)
  }
  getDesignGroupSequential(kMax = length(rates), alpha = alpha, sided = 2,
                           informationRates = rates, typeOfDesign = "asUser",
                           userAlphaSpending = spend)$criticalValues[k]
})

log_rank <- function(x, tau) {
  o <- observed_at(x, tau)
  fit <- survdiff(Surv(o$time, o$status) ~ o$arm)
  c(z = (fit$exp[2] - fit$obs[2]) / sqrt(fit$var[2, 2]), events = sum(o$status), patients = o$patients)
}

# One trial. `looks`: per look its trigger ("events", "time" or "first"), its
# events and its time; `observed_bounds`: bounds recomputed at the events
# observed, else the designed ones.
one_trial <- function(looks, observed_bounds) {
  x <- draw_trial()
  event_times <- sort(x$entry + x$latency)
  event_times <- event_times[event_times <= cap]
  nth_event <- function(n) if (n <= length(event_times)) event_times[n] else NA
  done_events <- 0
  done_time <- 0
  history <- integer(0)
  row <- function(k, z, b, capped, none, events, patients, time) {
    c(look = k, upper = z >= b, lower = z <= -b, capped = capped, none = none,
      events = events, patients = patients, time = time)
  }
  for (k in seq_len(nrow(looks))) {
    last <- k == nrow(looks)
    trigger <- looks$trigger[k]
    at <- switch(trigger,
                 events = nth_event(looks$events[k]),
                 time = if (looks$time[k] <= cap) looks$time[k] else NA,
                 first = {
                   e <- nth_event(looks$events[k])
                   if (!is.na(e) && e <= looks$time[k]) e else if (looks$time[k] <= cap) looks$time[k] else NA
                 })
    if (is.na(at)) {
      # The cap: a final analysis with the events observed by then, if any are new.
      observed <- length(event_times)
      if (observed == done_events) {
        return(row(max(k - 1, 1), 0, Inf, 1, 1, observed, sum(x$entry <= cap), cap))
      }
      lr <- log_rank(x, cap)
      b <- if (observed_bounds) observed_bound(c(history, observed), TRUE) else capped_bound(observed)
      return(row(k, lr[["z"]], b, 1, 0, lr[["events"]], lr[["patients"]], cap))
    }
    at <- max(at, done_time)
    lr <- log_rank(x, at)
    if (observed_bounds) {
      if (lr[["events"]] <= done_events) {
        done_time <- at
        next
      }
      last <- last || lr[["events"]] >= planned
      history <- c(history, lr[["events"]])
      b <- observed_bound(history, last)
    } else {
      b <- designed[k]
    }
    z <- lr[["z"]]
    if (z >= b || z <= -b || last) {
      return(row(k, z, b, 0, 0, lr[["events"]], lr[["patients"]], at))
    }
    done_events <- lr[["events"]]
    done_time <- at
  }
  stop("a trial ended without a final analysis")
}

trials <- list(
  list(name = "seed-cap-60", patients = 202L, observed_bounds = FALSE,
       looks = data.frame(trigger = c("events", "events", "events"), events = c(47, 71, 94),
                          time = c(NA, NA, NA))),
  list(name = "integer-calendar-looks", patients = 204L, observed_bounds = TRUE,
       looks = data.frame(trigger = c("time", "first", "events"), events = c(NA, 71, 94),
                          time = c(24, 36, NA))))

RNGkind("L'Ecuyer-CMRG")
set.seed(20261207)
for (trial in trials) {
  patients <- trial$patients
  started <- Sys.time()
  m <- simulate_trials(replicates, cores, function() one_trial(trial$looks, trial$observed_bounds))
  cat(sprintf("\n%s: %d patients, %d replicates (%.1f minutes)\n", trial$name, patients, nrow(m),
              as.numeric(difftime(Sys.time(), started, units = "mins"))))
  print_operating_characteristics(m, nrow(trial$looks))
}
