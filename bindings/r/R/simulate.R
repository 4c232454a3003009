#' Simulate a survival trial, patient by patient
#'
#' Replays the trial of a [gsd_survival()] plan `replicates` times: patients
#' enter by the accrual model, are randomised (permuted blocks), are cured or
#' have a latency time (and an optional drop-out time); looks happen when the
#' planned events have been observed (or at the calendar cap), and the
#' log-rank z at each look meets the design's bounds. Replicate i draws only
#' from Philox4x32-10 streams keyed by the seed and i (Salmon et al. 2011), and
#' every total is an integer, so the result is identical for any number of
#' `threads` (and equal to the command line's `gsd simulate`).
#'
#' A config with a normal or binary `endpoint` section in place of `survival`
#' is simulated as its analysis sees the data: looks at the planned patients,
#' the t (or z) statistic against the design's bounds (the command line's
#' `gsd simulate` of such a config). Its result has no events, durations,
#' calendar cap or hazard ratios: `print()` shows the patients, power and
#' stopping at each look, and `plot()` draws where the trials stop.
#'
#' The run checks for a user interrupt (Ctrl-C, Esc) between chunks of 256
#' trials and stops cleanly: every thread finishes its chunk, and R's
#' `interrupt` condition is signalled. In interactive sessions a progress bar
#' is drawn on the console's error stream.
#'
#' @param plan a [gsd_survival()] plan, or a config (a JSON file path or a
#'   list) with `design` and `survival` sections, or `design` and `endpoint`
#'   sections (a normal or binary endpoint).
#' @param replicates the number of simulated trials.
#' @param seed the random seed, a whole number in \[0, 2^64 - 1\]. From 2^53 on
#'   R's numbers skip whole numbers, so give such a seed as a string of
#'   decimal digits (`seed = "18446744073709551615"`); a number that large is
#'   refused.
#' @param threads OpenMP threads; the result does not depend on it.
#' @param max_duration the calendar time at which a trial still short of its
#'   planned events has its final analysis; `NULL`: the end of accrual plus the
#'   longest 99th percentile of latency.
#' @param progress draw a progress bar.
#' @param keep_replicates keep every replicate's looks in `$replicates` (the
#'   command line's `--replicate-data`): one row per replicate and look.
#' @param ... keys of the config's `simulation` section: `randomisation`
#'   (`"permuted-blocks"` or `"simple"`), `block_size`, `look_events`,
#'   `strata`, `tests`, `weighted_bounds` (`"planned"` or `"observed"`).
#' @return An object of class `gsd_simulation`: a list with `power`,
#'   `power_se`, `per_look` (a data frame of rejection, harm, futility and
#'   capping by look, with the events or, for an endpoint, the patients of
#'   each look; for a survival trial also the analyses held: `held`, the
#'   share of trials that held the look, and over them `mean_time`,
#'   `mean_events`, `mean_patients` and `mean_efficacy_z`, the mean bound
#'   met, `NA` where no trial held it), `tests` and `test_looks` (the tests
#'   of `simulation.tests`, counted on the same replicates: a data frame
#'   with one row per test, its `label` as the text names it, `power`,
#'   `power_se` and `analytic_power`, and one with a row per test and look,
#'   `reject`, the planned `efficacy_z` and the mean bound met,
#'   `mean_efficacy_z`; no rows without such tests), `expected_events`, `expected_patients`,
#'   `expected_duration`, `hazard_ratio_at_stop` (quartiles), `analytic_power`,
#'   `replicates` (with `keep_replicates`, else `NULL`), `config` and `result`
#'   (the command line's JSON). A normal or binary endpoint's has `endpoint`
#'   (`"normal"` or `"binary"`), `patients` and `expected_patients_h1` (the
#'   plan's expected patients under H1), a single-arm binary trial's
#'   `exact_power` (the responder count enumerated over the looks, which
#'   `power` estimates; `NULL` for other trials), and `NULL` for the survival fields
#'   (`expected_events`, `expected_duration`, `hazard_ratio_at_stop`,
#'   `capped_fraction`, `max_duration`).
#' @references Salmon JK, Moraes MA, Dror RO, Shaw DE (2011). Parallel random
#'   numbers: as easy as 1, 2, 3. SC'11.
#' @seealso [gsd_survival()]
#' @export
#' @examples
#' d <- gsd_design(alpha = 0.05, sided = 2, beta = 0.16,
#'                 information_fractions = c(0.5, 0.75, 1))
#' plan <- gsd_survival(d, control = cure_model(cure_fraction = 0.40, median_noncured = 7),
#'                      treatment = cure_model(cure_fraction = 0.562),
#'                      hazard_ratio_noncured = 0.63, accrual = accrual(36),
#'                      patients = 202, events = 94)
#' sim <- gsd_simulate(plan, replicates = 2000, seed = 1)
#' sim
#' sim$per_look
#' # the same numbers with two threads
#' identical(sim$result, gsd_simulate(plan, replicates = 2000, seed = 1, threads = 2)$result)
gsd_simulate <- function(plan, replicates = 10000, seed = 1, threads = 1, max_duration = NULL,
                         progress = interactive(), keep_replicates = FALSE, ...) {
  .check_given(missing(plan), "plan",
               "give a gsd_survival() plan, or a config (a JSON file path or a list)")
  if (inherits(plan, "gsd_design") && !inherits(plan, "gsd_survival")) {
    # The library's "survival is missing" would read "plan is missing" here,
    # of a plan that was given.
    .gsd_invalid("plan", .describe(plan),
                 "has no survival model to draw trials from: give a plan from gsd_survival()")
  }
  config <- .plan_config(plan)
  extra <- list(...)
  if (length(extra) > 0L) {
    if (is.null(names(extra)) || any(names(extra) == "")) {
      .gsd_invalid("...", NULL, "must be named: keys of the simulation section")
    }
    if (.is_path(config)) config <- .gsd_value(.gsd_read_config(config))
    config$simulation[names(extra)] <- extra
  }
  request <- .simulation_request(replicates, seed, threads, max_duration, progress)
  .check_flag(keep_replicates, "keep_replicates")
  request$keep_replicates <- keep_replicates
  request$plot_replicates <- 3L
  request$text <- TRUE
  map <- .source_map("simulate", plan, "plan", .given("simulation", extra))
  out <- .gsd_value(.gsd_run(config, "simulate", request, map, character()))
  res <- out$result
  s <- res$simulation
  per_look <- .per_look(s)
  side <- .side_tests(s)
  structure(
    list(power = s$power, power_se = s$power_se, per_look = per_look,
         tests = side$tests, test_looks = side$looks,
         expected_events = s$expected_events, expected_patients = s$expected_patients,
         expected_duration = s$expected_duration, hazard_ratio_at_stop = unlist(s$hazard_ratio_at_stop),
         analytic_power = s$analytic_power, exact_power = s$exact_power,
         replicates_run = s$replicates, seed = s$seed,
         capped_fraction = s$capped_fraction, max_duration = s$max_duration,
         endpoint = s$endpoint, patients = s$patients, expected_patients_h1 = s$expected_patients_h1,
         replicates = out$replicates, name = res$name, config = config, result = res,
         plot_data = out$plot, text = out$text),
    class = "gsd_simulation"
  )
}

# The config of a plan object, or a config given directly.
.plan_config <- function(plan, name = "plan", call = sys.call(-1L)) {
  if (inherits(plan, "gsd_design")) return(plan$config)
  .check_config_file(plan, name, call = call)
  if (.is_path(plan) || (is.list(plan) && !is.object(plan))) return(plan)
  .gsd_invalid(name, .describe(plan),
               "must be a gsd_survival plan, a config list or a JSON config file", call = call)
}

# The simulation's per-look vectors as a data frame; the harm side
# (reject_lower) exists only for two-sided designs, the events and capping
# only for a survival trial, the patients only for a normal or binary
# endpoint (whose looks are at patients), and the analyses held (the share
# of trials that held each look, and their mean time, events, patients and
# efficacy bound there; NA where none held it) only for a survival trial.
.per_look <- function(s) {
  k <- seq_along(s$reject_per_look)
  cols <- list(look = k, events = s$look_events, patients = s$look_patients,
               reject = s$reject_per_look,
               cumulative_reject = cumsum(s$reject_per_look), reject_lower = s$reject_lower_per_look,
               futility = s$futility_per_look, capped = s$capped_per_look,
               held = s$held_per_look, mean_time = .na_doubles(s$mean_time_per_look),
               mean_events = .na_doubles(s$mean_events_per_look),
               mean_patients = .na_doubles(s$mean_patients_per_look),
               mean_efficacy_z = .na_doubles(s$mean_efficacy_z_per_look))
  cols <- cols[vapply(cols, length, 0L) == length(k)]
  structure(cols, class = "data.frame", row.names = k)
}

# The tests of `simulation.tests`, counted on the same replicates, as two
# data frames: one row per test (its label as the text names it, power, MC
# SE, analytic power) and one per test and look (rejections, the planned
# bound, the mean bound met); no rows without such tests.
.side_tests <- function(s) {
  t <- s$tests
  j <- seq_along(t)
  label <- vapply(t, function(x) x$label, "")
  num <- function(key) .na_doubles(lapply(t, function(x) x[[key]]))
  tests <- data.frame(test = j, label = label, power = num("power"), power_se = num("power_se"),
                      analytic_power = num("analytic_power"), stringsAsFactors = FALSE)
  looks <- lapply(j, function(i) {
    k <- seq_along(t[[i]]$reject_per_look)
    data.frame(test = rep(i, length(k)), label = rep(label[i], length(k)), look = k,
               reject = .na_doubles(t[[i]]$reject_per_look), efficacy_z = .na_doubles(t[[i]]$efficacy_z),
               mean_efficacy_z = .na_doubles(t[[i]]$mean_efficacy_z_per_look), stringsAsFactors = FALSE)
  })
  none <- data.frame(test = integer(), label = character(), look = integer(), reject = double(),
                     efficacy_z = double(), mean_efficacy_z = double(), stringsAsFactors = FALSE)
  looks <- do.call(rbind, c(list(none), looks))
  rownames(looks) <- NULL
  list(tests = tests, looks = looks)
}

# A JSON array of numbers and nulls as doubles with NA (jsonlite makes an
# array of nulls alone logical NA, and a list when simplification is off).
.na_doubles <- function(x) {
  if (is.null(x)) return(NULL)
  as.double(vapply(x, function(v) if (is.null(v) || is.na(v)) NA_real_ else as.double(v), 0))
}
