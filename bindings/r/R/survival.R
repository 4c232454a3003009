#' An arm of a mixture cure model
#'
#' S(t) = pi + (1 - pi) S_u(t): a fraction `cure_fraction` (pi) never has the
#' event; the others follow the latency S_u, exponential (give
#' `median_noncured` or `hazard`), Weibull (`weibull = c(shape =, scale =)`,
#' S_u(t) = exp(-(t / scale)^shape)) or piecewise exponential
#' (`piecewise = list(starts =, rates =)`, `starts[1] = 0`). The arguments are
#' the keys of the config's `control` and `treatment` objects, and errors name
#' them that way (`control$cure_fraction`).
#'
#' @param cure_fraction the cured fraction, in \[0, 1). `NULL`: 0 for the
#'   control arm; the control's for the treatment arm.
#' @param median_noncured the median latency of the noncured (exponential).
#' @param hazard the exponential hazard rate of the noncured, per time unit.
#' @param weibull Weibull latency: `c(shape = , scale = )`.
#' @param piecewise piecewise-exponential latency:
#'   `list(starts = c(0, ...), rates = c(...))`.
#' @param ... none: an argument the function does not take is refused with a
#'   `gsd_invalid_input` condition naming it.
#' @return A list of class `gsd_arm`, the arm as the config writes it.
#' @seealso [gsd_survival()]
#' @export
#' @examples
#' cure_model(cure_fraction = 0.4, median_noncured = 7)
#' cure_model(cure_fraction = 0.3, weibull = c(shape = 1.5, scale = 12))
#' cure_model(piecewise = list(starts = c(0, 6), rates = c(0.1, 0.05)))
cure_model <- function(cure_fraction = NULL, median_noncured = NULL, hazard = NULL,
                       weibull = NULL, piecewise = NULL, ...) {
  .check_no_extra(list(...), "cure_model")
  if (!is.null(weibull)) {
    .check_plain(weibull, "weibull", "c(shape = , scale = )")
    if (length(weibull) == 0L) .gsd_invalid("weibull", .describe(weibull), "must be c(shape = , scale = )")
    weibull <- as.list(weibull)
  }
  if (!is.null(piecewise)) {
    # A bare vector would reach the config as an array of arrays ("[[0],[6]]").
    if (!is.list(piecewise) || length(piecewise) == 0L || is.null(names(piecewise))) {
      .gsd_invalid("piecewise", .describe(piecewise),
                   "must be list(starts = c(0, ...), rates = c(...)): the period starts and their hazards")
    }
    # NULL is atomic before R 4.4, and I(NULL) fails ("attempt to set an
    # attribute on NULL"): a missing part stays NULL, for the library to name.
    piecewise <- lapply(piecewise, function(v) if (is.atomic(v) && !is.null(v)) .numbers_value(v) else v)
  }
  arm <- list(cure_fraction = .number_value(cure_fraction, "cure_fraction"),
              median_noncured = .number_value(median_noncured, "median_noncured"),
              hazard = .number_value(hazard, "hazard"), weibull = weibull, piecewise = piecewise)
  structure(arm[!vapply(arm, is.null, TRUE)], class = "gsd_arm")
}

#' @export
format.gsd_arm <- function(x, ...) {
  paste("<gsd arm>", paste(names(x), vapply(x, .arm_value, ""), sep = " = ", collapse = "; "))
}

# A latency's parts by name ("weibull = (shape 1.5, scale 12)"): unnamed, a
# Weibull's two numbers or a piecewise model's starts and rates ran together.
.arm_value <- function(v) {
  numbers <- function(e) paste(format(unclass(e), trim = TRUE), collapse = ", ")
  if (!is.list(v)) return(numbers(v))
  paste0("(", paste(names(v), vapply(v, numbers, ""), collapse = "; "), ")")
}

#' @export
print.gsd_arm <- function(x, ...) {
  writeLines(format(x, ...))
  invisible(x)
}

#' Accrual of patients
#'
#' Uniform over `duration`, or piecewise with relative `rates` over
#' consecutive `durations` (a ramp-up: `durations = c(6, 30), rates = c(1, 3)`).
#'
#' @param duration the length of uniform accrual.
#' @param durations,rates piecewise accrual: the periods and their relative
#'   rates.
#' @param ... none: an argument the function does not take is refused with a
#'   `gsd_invalid_input` condition naming it.
#' @return A list, the config's `accrual` object.
#' @seealso [gsd_survival()]
#' @export
#' @examples
#' accrual(36)
#' accrual(durations = c(6, 30), rates = c(1, 3))
accrual <- function(duration = NULL, durations = NULL, rates = NULL, ...) {
  .check_no_extra(list(...), "accrual")
  piecewise <- !is.null(durations) || !is.null(rates)
  if (!is.null(duration)) {
    # Both forms at once would drop the piecewise one unseen.
    if (piecewise) {
      .gsd_invalid("duration", .describe(duration),
                   "is uniform accrual: give either duration or durations and rates, not both")
    }
    return(.uniform_accrual(duration, "duration"))
  }
  if (!piecewise) {
    .gsd_invalid("duration", NULL,
                 "is missing: give duration (uniform accrual) or durations and rates (piecewise)")
  }
  for (name in c("durations", "rates")) {
    value <- get(name)
    if (is.null(value)) .gsd_invalid(name, NULL, "is missing: piecewise accrual needs durations and rates")
    .check_numbers(value, name, rule = "must be a non-empty numeric vector")
  }
  structure(list(piecewise = list(durations = .numbers_value(durations), rates = .numbers_value(rates))),
            class = "gsd_accrual")
}

# Uniform accrual over the single number x, checked and named as the
# argument `name` (its names dropped, as for any number).
.uniform_accrual <- function(x, name, call = sys.call(-1L)) {
  .check_number(x, name, call = call)
  structure(list(duration = .number_value(x, name, call = call)), class = "gsd_accrual")
}

#' @export
print.gsd_accrual <- function(x, ...) {
  listed <- function(v) paste(format(unclass(v), trim = TRUE), collapse = ", ")
  writeLines(if (is.null(x$duration)) {
    paste("<gsd accrual> piecewise: durations", listed(x$piecewise$durations),
          "with rates", listed(x$piecewise$rates))
  } else {
    paste("<gsd accrual> uniform over", format(x$duration))
  })
  invisible(x)
}

#' Power and sample size of a survival trial under a mixture cure model
#'
#' Sizes a group-sequential log-rank trial on `design` under mixture cure
#' models, where hazards are not proportional. The solve mode follows from
#' which of `patients`, `events`, `power` and `follow_up` are given:
#' `patients` and `events` give the power and look times; `power` and
#' `follow_up` give patients and events; `power` and `patients` give events
#' and the study duration.
#'
#' Expected events by calendar time integrate each arm's event density
#' against accrual and drop-out; the log-rank drift at each look is the
#' at-risk-weighted score with time-varying hazards (Schoenfeld 1981;
#' Lakatos 1988; Lu 2021), fed to the design's recursive integration.
#'
#' @param design a [gsd_design()].
#' @param control the control arm, [cure_model()].
#' @param treatment the treatment arm, [cure_model()]: its cure fraction and,
#'   unless `hazard_ratio_noncured` is given, its own latency.
#' @param hazard_ratio_noncured the treatment latency is the control's with
#'   hazards times this ratio.
#' @param accrual [accrual()], or a single number: the duration of uniform
#'   accrual (`accrual = 36` is `accrual(36)`).
#' @param patients,events,power,follow_up the solve mode (see Details);
#'   `follow_up` is the time after accrual ends.
#' @param allocation_ratio treatment : control.
#' @param dropout exponential drop-out hazards per time unit,
#'   `c(control = , treatment = )` (either may be left out).
#' @param time_unit `"days"`, `"weeks"`, `"months"` or `"years"`: the unit of
#'   every time and rate.
#' @param ... further keys of the config's `survival` section, e.g.
#'   `method`: `"exact"` (the default, the event-driven power of this model)
#'   or a classical proportional-hazards formula, `"schoenfeld"` (rpact's
#'   `getSampleSizeSurvival()`), `"freedman"`, `"hsieh-freedman"` or
#'   `"lachin-foulkes"` (gsDesign's `nSurv()`); `hazard_ratio_h0` (a
#'   non-inferiority margin); `analysis_cap`.
#' @return An object of class `gsd_survival` (also a `gsd_design`): the
#'   design's fields, and `patients`, `events`, `power`, `study_duration`,
#'   `follow_up` (negative when the final look comes before accrual ends),
#'   `patients_at_study_end` (the patients enrolled by then), `expected_events`,
#'   `expected_duration`, `solved_for`,
#'   `looks` (a data frame: events, calendar time, drift, efficacy z, the
#'   hazard ratio at the bound, the futility z and the hazard ratio at it (`NA`
#'   at looks without one), the crossing probabilities of each look, and
#'   `crossing_probability_lower`, the chance of a first exit below the
#'   efficacy region: a futility stop, a harm stop, or a two-sided design's
#'   rejection below the lower bound)
#'   and `schoenfeld` (the proportional-hazards comparison).
#' @references Schoenfeld D (1981). The asymptotic properties of nonparametric
#'   tests for comparing survival distributions. Biometrika 68:316-319.
#'
#'   Lakatos E (1988). Sample sizes based on the log-rank statistic in complex
#'   clinical trials. Biometrics 44:229-241.
#'
#'   Locatelli F et al. (2021). Effect of blinatumomab vs chemotherapy on
#'   event-free survival among children with high-risk first-relapse B-cell
#'   acute lymphoblastic leukemia. JAMA 325:843-854.
#' @seealso [gsd_simulate()] to check the plan by simulation.
#' @export
#' @examples
#' # the seed trial: 202 patients, 94 events, cure 40% vs 56.2%
#' d <- gsd_design(alpha = 0.05, sided = 2, beta = 0.16,
#'                 information_fractions = c(0.5, 0.75, 1))
#' plan <- gsd_survival(d, control = cure_model(cure_fraction = 0.40, median_noncured = 7),
#'                      treatment = cure_model(cure_fraction = 0.562),
#'                      hazard_ratio_noncured = 0.63, accrual = accrual(36),
#'                      patients = 202, events = 94)
#' plan
#' plan$power
#' plan$looks[, c("events", "calendar_time", "efficacy_z", "hazard_ratio_at_bound")]
#'
#' # patients and events for power 0.84 with 14.8 months of follow-up
#' gsd_survival(d, control = cure_model(cure_fraction = 0.40, median_noncured = 7),
#'              treatment = cure_model(cure_fraction = 0.562),
#'              hazard_ratio_noncured = 0.63, accrual = accrual(36),
#'              power = 0.84, follow_up = 14.8)
gsd_survival <- function(design, control, treatment = NULL, hazard_ratio_noncured = NULL,
                         accrual, patients = NULL, events = NULL, power = NULL,
                         follow_up = NULL, allocation_ratio = 1, dropout = NULL,
                         time_unit = "months", ...) {
  .check_given(missing(design), "design", "give a gsd_design (see gsd_design())")
  if (!inherits(design, "gsd_design")) {
    .gsd_invalid("design", .describe(design), "must be a gsd_design (see gsd_design())")
  }
  if (missing(control)) .gsd_invalid("control", NULL, "is missing: give cure_model(...)")
  if (missing(accrual)) {
    .gsd_invalid("accrual", NULL, "is missing: give its duration (e.g. accrual = 36) or accrual(durations = , rates = )")
  }
  .check_object(control, "control", "must be cure_model(...)")
  .check_object(treatment, "treatment", "must be cure_model(...)", null_ok = TRUE)
  arguments <- .gsd_arguments$survival
  if (is.numeric(accrual) && !is.object(accrual) && length(accrual) == 1L) {
    # A bare number is the duration of uniform accrual (as the Python package
    # takes it), and the library's checks of it name `accrual`.
    accrual <- .uniform_accrual(accrual, "accrual")
    arguments <- c(arguments, survival.accrual.duration = "accrual")
  }
  .check_object(accrual, "accrual",
                "must be a number (the duration of uniform accrual), accrual(duration) or accrual(durations = , rates = )")
  extra <- list(...)
  if (length(extra) > 0L && (is.null(names(extra)) || any(names(extra) == ""))) {
    .gsd_invalid("...", NULL, "must be named: further keys of the survival section")
  }
  .check_string(time_unit, "time_unit", null_ok = TRUE)
  if (!is.null(dropout)) {
    .check_plain(dropout, "dropout", "c(control = , treatment = )")
    if (length(dropout) == 0L) {
      .gsd_invalid("dropout", .describe(dropout), "must be c(control = , treatment = ), either may be left out")
    }
  }
  survival <- list(time_unit = time_unit, control = unclass(control),
                   treatment = if (is.null(treatment)) NULL else unclass(treatment),
                   hazard_ratio_noncured = .number_value(hazard_ratio_noncured, "hazard_ratio_noncured"),
                   allocation_ratio = .number_value(allocation_ratio, "allocation_ratio"),
                   accrual = unclass(accrual),
                   dropout = if (is.null(dropout)) NULL else as.list(dropout),
                   patients = .number_value(patients, "patients"),
                   events = .number_value(events, "events"),
                   power = .number_value(power, "power"),
                   follow_up = .number_value(follow_up, "follow_up"))
  survival[names(extra)] <- extra
  config <- design$config[c("name", "design")]
  config$survival <- survival[!vapply(survival, is.null, TRUE)]
  out <- .gsd_value(.gsd_run(config, "design", list(), arguments, .tables))
  .new_survival(config, out)
}

.new_survival <- function(config, out) {
  x <- .new_design(config, out, class = c("gsd_survival", "gsd_design"))
  s <- out$result$sample_size
  x$looks <- .columns(out$tables[["/sample_size/looks"]],
                      c("look", "events", "information_fraction", "calendar_time"))
  for (k in c("patients", "events", "power", "power_fixed_times", "study_duration", "follow_up",
              "patients_at_study_end", "accrual_duration",
              "expected_events", "expected_duration", "event_limit", "solved_for", "mode",
              "time_unit", "schoenfeld")) {
    x[[k]] <- s[[k]]
  }
  x
}
