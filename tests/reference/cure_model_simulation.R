# An independent simulation of event-driven cure-model trials in plain R,
# written without gsd's code, for the reference values of
# tests/engine/cure_model_reference_test.cpp: the power, the stopping per
# look, the capped fraction, the expected events, patients and duration, and
# the quartiles of the hazard ratio at stopping, of the seed trial's plan and
# of the same model with 80 planned events.
#
# The model, the calendar cap and the capped final analysis are those of
# seed_cure_trial.R. The rules: the looks are at the calendar times of the
# 47th, 71st and 94th events (40th, 60th and 80th of 80); the log-rank z
# (survival::survdiff, positive when the treatment has fewer events than
# expected) is compared with the two-sided Lan-DeMets O'Brien-Fleming bounds
# of alpha 0.05 at information 0.5, 0.75 and 1 (rpact::getDesignGroupSequential).
# A capped final analysis with d events is at information d / planned events.
# Hazard ratio at stopping: Pike's (O_T / E_T) / (O_C / E_C).
#
# Needs R with the survival and rpact packages (Debian: r-cran-survival,
# r-cran-rpact). Run: Rscript tests/reference/cure_model_simulation.R
# [REPLICATES] [CORES] (default 200000 and 2; about 12 minutes on 2 cores).
script <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))
source(file.path(dirname(script), "seed_cure_trial.R"))

args <- commandArgs(trailingOnly = TRUE)
replicates <- if (length(args) >= 1) as.integer(args[1]) else 200000L
cores <- if (length(args) >= 2) as.integer(args[2]) else 2L
fractions <- c(0.5, 0.75, 1)

design <- getDesignGroupSequential(kMax = 3, alpha = alpha, sided = 2,
                                   informationRates = fractions, typeOfDesign = "asOF")
bounds <- design$criticalValues

# The bound of a final analysis at the cap with d events of `planned`, after
# the looks before it (those with fewer planned events than d).
capped_bound <- local({
  cache <- new.env()
  function(d, planned, look_events) {
    key <- paste(planned, d)
    if (is.null(cache[[key]])) cache[[key]] <- final_bound_after(fractions[look_events < d], d / planned)
    cache[[key]]
  }
})

# Log-rank at calendar time tau: z, events, patients and Pike's hazard ratio.
log_rank <- function(x, tau) {
  o <- observed_at(x, tau)
  fit <- survdiff(Surv(o$time, o$status) ~ o$arm)
  # Groups in level order: control, treatment.
  z <- (fit$exp[2] - fit$obs[2]) / sqrt(fit$var[2, 2])
  hr <- (fit$obs[2] / fit$exp[2]) / (fit$obs[1] / fit$exp[1])
  c(z = z, events = sum(o$status), patients = o$patients, hr = hr)
}

one_trial <- function(planned) {
  look_events <- ceiling(fractions * planned)
  run_event_looks(draw_trial(), look_events, bounds, log_rank,
                  function(d) capped_bound(d, planned, look_events))
}

summarise <- function(m, planned) {
  cat(sprintf("\nplanned events %d, %d replicates\n", planned, nrow(m)))
  print_operating_characteristics(m, 3)
  print_hazard_ratio_quartiles(m)
}

RNGkind("L'Ecuyer-CMRG")
set.seed(20261207)
for (planned in c(94L, 80L)) {
  summarise(simulate_trials(replicates, cores, function() one_trial(planned)), planned)
}
