# An independent simulation of the stratified seed trial in plain R, written
# without gsd's code, for the reference values of
# tests/engine/stratified_reference_test.cpp: the power, the upper crossing
# per look, the capped fraction, the expected events, patients and duration,
# and the quartiles of the hazard ratio at stopping of
# configs/blinatumomab-stratified.json.
#
# The model, as the config states it: the seed trial's 202 patients entering
# uniformly over 36 months, each patient in one of six strata independently
# with probabilities 0.27, 0.21, 0.12, 0.18, 0.14 and 0.08 (so the stratum
# sizes are multinomial), randomised 1:1 by permuted blocks of 4 within each
# stratum in entry order (a stratum's last, partial block takes the first
# places of a permuted block). In stratum s the control arm is cured with
# probability cure_control[s] and the treatment arm with cure_treatment[s]
# (below); the noncured latency is exponential with median 7 months in the
# control arm and hazard 0.63 times the control's in the treatment arm, in
# every stratum. No drop-out.
#
# The rules are the seed plan's (seed_cure_trial.R, cure_model_simulation.R):
# looks at the calendar times of the 47th, 71st and 94th events over all
# strata, against the two-sided Lan-DeMets O'Brien-Fleming bounds of alpha
# 0.05 at information 0.5, 0.75 and 1 (rpact). The test is the stratified
# log-rank test, survival::survdiff(Surv(time, status) ~ arm + strata(stratum)):
# O - E and V summed over the strata, z = (E_T - O_T) / sqrt(V), positive when
# the treatment has fewer events than expected (checked below against those
# sums computed here by hand, stratum by stratum). Hazard ratio at stopping:
# Pike's (O_T / E_T) / (O_C / E_C) with the totals over the strata. The
# calendar cap is the seed trial's, 109.82 months (the end of accrual plus
# the 99th percentile of the slower arm's noncured latency, the same in every
# stratum), with its capped final analysis at information d / 94.
#
# Needs R with the survival and rpact packages (Debian: r-cran-survival,
# r-cran-rpact). Run: Rscript tests/reference/stratified_simulation.R
# [REPLICATES] [CORES] (default 200000 and 2; about 7 minutes on 2 cores).
script <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))
source(file.path(dirname(script), "seed_cure_trial.R"))

args <- commandArgs(trailingOnly = TRUE)
replicates <- if (length(args) >= 1) as.integer(args[1]) else 200000L
cores <- if (length(args) >= 2) as.integer(args[2]) else 2L
fractions <- c(0.5, 0.75, 1)
planned <- 94L
look_events <- ceiling(fractions * planned)

proportion <- c(0.27, 0.21, 0.12, 0.18, 0.14, 0.08)
cure_control <- c(0.52, 0.37, 0.27, 0.47, 0.32, 0.22)
cure_treatment <- c(0.682, 0.532, 0.432, 0.632, 0.482, 0.382)

design <- getDesignGroupSequential(kMax = 3, alpha = alpha, sided = 2,
                                   informationRates = fractions, typeOfDesign = "asOF")
bounds <- design$criticalValues

# The bound of a final analysis at the cap with d events, after the looks
# before it (those with fewer planned events than d).
capped_bound <- local({
  cache <- new.env()
  function(d) {
    key <- as.character(d)
    if (is.null(cache[[key]])) cache[[key]] <- final_bound_after(fractions[look_events < d], d / planned)
    cache[[key]]
  }
})

# One simulated trial's patients in entry order: entry times, strata, arms
# (a factor, control first) and latencies (Inf for the cured).
draw_stratified_trial <- function() {
  entry <- sort(runif(patients, 0, accrual))
  stratum <- sample.int(length(proportion), patients, replace = TRUE, prob = proportion)
  arm <- character(patients)
  for (s in unique(stratum)) {
    at <- which(stratum == s)  # in entry order
    blocks <- ceiling(length(at) / 4)
    arm[at] <- as.vector(replicate(blocks, sample(rep(c("control", "treatment"), 2))))[seq_along(at)]
  }
  treated <- arm == "treatment"
  arm <- factor(arm, levels = c("control", "treatment"))
  cured <- runif(patients) < ifelse(treated, cure_treatment[stratum], cure_control[stratum])
  latency <- rexp(patients, ifelse(treated, rate[["treatment"]], rate[["control"]]))
  latency[cured] <- Inf
  list(entry = entry, stratum = stratum, arm = arm, latency = latency)
}

# The data observed at calendar time c (as observed_at in seed_cure_trial.R,
# with the strata).
observed_stratified <- function(x, c) {
  o <- observed_at(x, c)
  o$stratum <- x$stratum[x$entry <= c]
  o
}

# Stratified log-rank at calendar time tau: z, events, patients and Pike's
# hazard ratio, by survdiff.
log_rank <- function(x, tau) {
  o <- observed_stratified(x, tau)
  fit <- survdiff(Surv(o$time, o$status) ~ o$arm + strata(o$stratum))
  # obs and exp: groups (control, treatment) x strata; var summed over strata.
  observed <- rowSums(matrix(fit$obs, nrow = 2))
  expected <- rowSums(matrix(fit$exp, nrow = 2))
  z <- (expected[2] - observed[2]) / sqrt(fit$var[2, 2])
  hr <- (observed[2] / expected[2]) / (observed[1] / expected[1])
  c(z = z, events = sum(o$status), patients = o$patients, hr = hr)
}

# The same z from its definition: in each stratum, at each distinct event time
# with n at risk (n1 on treatment) and d events (d1 on treatment), O - E adds
# d1 - d n1 / n and V adds d (n1 / n) (1 - n1 / n) (n - d) / (n - 1); summed
# over the strata, z = -(O - E) / sqrt(V).
log_rank_by_hand <- function(x, tau) {
  o <- observed_stratified(x, tau)
  treated <- o$arm == "treatment"
  u <- 0
  v <- 0
  for (s in unique(o$stratum)) {
    in_s <- o$stratum == s
    for (t in sort(unique(o$time[in_s & o$status == 1]))) {
      at_risk <- in_s & o$time >= t
      n <- sum(at_risk)
      n1 <- sum(at_risk & treated)
      event <- in_s & o$time == t & o$status == 1
      d <- sum(event)
      d1 <- sum(event & treated)
      u <- u + d1 - d * n1 / n
      if (n > 1) v <- v + d * (n1 / n) * (1 - n1 / n) * (n - d) / (n - 1)
    }
  }
  -u / sqrt(v)
}

one_trial <- function() {
  run_event_looks(draw_stratified_trial(), look_events, bounds, log_rank, capped_bound)
}

RNGkind("L'Ecuyer-CMRG")
set.seed(20261207)

# survdiff's stratified z against the sums over strata, at each look of 200
# trials.
check <- 0
for (r in 1:200) {
  x <- draw_stratified_trial()
  event_times <- sort(x$entry + x$latency)
  for (d in look_events) {
    at <- event_times[d]
    if (is.finite(at)) check <- max(check, abs(log_rank(x, at)[["z"]] - log_rank_by_hand(x, at)))
  }
}
cat(sprintf("survdiff's stratified z against the sum over strata: largest difference %.1e\n", check))

started <- proc.time()[["elapsed"]]
m <- simulate_trials(replicates, cores, one_trial)
cat(sprintf("\n%d replicates, %.0f s\n", nrow(m), proc.time()[["elapsed"]] - started))
print_operating_characteristics(m, 3)
print_hazard_ratio_quartiles(m)
