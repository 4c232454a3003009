#' A data monitoring committee's looks at a trial
#'
#' Recomputes each look's bound at the information observed (events over
#' planned events) from the design's spending function, decides (continue,
#' stop for efficacy, stop for futility) with the reason in words, and reports
#' the inference a committee needs: the hazard-ratio estimate, the repeated
#' confidence interval and p-value (Jennison and Turnbull 2000, chapter 9),
#' conditional power at the assumed hazard ratio (else under the survival
#' model, else at the design's alternative) and under the current trend, the
#' conditional rejection probability, predictive power (Spiegelhalter,
#' Freedman and Blackburn 1986) and, once a look stops the trial, stage-wise
#' ordering inference (p-value, median-unbiased estimate and confidence
#' interval).
#'
#' Each look gives `events` and exactly one statistic: `z` (positive favours
#' the experimental arm), `p_two_sided` with `direction`
#' (`"favours-treatment"` or `"favours-control"`), or `hazard_ratio`;
#' optionally `final = TRUE` (a final analysis before the planned events),
#' `date` and `note`.
#'
#' The settings come from the config's `monitoring` section where it has
#' one (a committee's monitoring file runs as `gsd_monitor("monitoring.json")`);
#' an argument given here replaces that setting and keeps the others.
#'
#' Simon's two-stage design ([gsd_simon()], or a config with `design$type =
#' "simon-two-stage"`) is monitored by its counts: at most two looks, the end
#' of stage 1 and the end of stage 2, each with `n` (the patients evaluated
#' so far) and `responders` (their responders so far), both counted from the
#' first patient; optionally `date` and `note`. Each look is judged by the
#' design's rules; while stage 2 runs the result gives the chance of a
#' promising end at p0, at p1 and at stage 1's rate, and once the trial has
#' ended the exact stage-wise inference: p-value, UMVUE, median-unbiased
#' estimate and confidence interval of the response rate (Jennison and
#' Turnbull 2000, chapter 8; Jung and Kim 2004). The only setting is
#' `confidence_level`; the others are refused by name.
#'
#' @param x a [gsd_design()], [gsd_survival()] or [gsd_simon()] object, or a
#'   config (list or JSON file path).
#' @param looks the looks so far: a data frame with one row per look (`NA`
#'   where a column does not apply), or a list of looks, each a named list
#'   whose `final`, if given, is `TRUE` or `FALSE` (default: the config's
#'   `monitoring$looks`). For Simon's design, `n` and `responders`.
#' @param planned_events the planned events at the final analysis (default:
#'   the config's `monitoring$planned_events`, else the plan's events).
#' @param allocation_ratio treatment : control (default: the config's, else
#'   the plan's, else 1).
#' @param assumed_hazard_ratio the hazard ratio for conditional power
#'   (default: the config's).
#' @param planned_variance a weighted log-rank, RMST or milestone test's
#'   variance at the final analysis (default: the config's, else the plan's).
#' @param confidence_level Simon's design: the two-sided level of the
#'   interval once the trial has ended (default: the config's, else
#'   1 - 2 alpha).
#' @param ... none: an argument the function does not take is refused with a
#'   `gsd_invalid_input` condition naming it.
#' @return An object of class `gsd_monitoring`: `looks` (a data frame, one row
#'   per look: events, information fraction, z, the bound, nominal p,
#'   cumulative alpha, decision, the estimate with its repeated CI
#'   (`rci_lower`, `rci_upper`), repeated p-value, conditional and predictive
#'   power, the reason and any advice), `decision` (the last look's), `final`
#'   (stage-wise inference after a stop, else `NULL`), `config` and `result`
#'   (the command line's JSON).
#'
#'   For Simon's design, an object of class `gsd_simon_monitoring` (also a
#'   `gsd_monitoring`), a list with
#'   \describe{
#'     \item{`looks`}{a data frame, one row per look, also `as.data.frame()`:
#'       `look`, `stage`, `patients`, `responders`, `rate` (the observed
#'       rate), `decision` (`"continue"`, `"stop-futility"`,
#'       `"stop-efficacy"` or `"final-no-rejection"`), `verdict` (the same
#'       in the trial's words: `"go on to stage 2"`, `"stop after stage 1"`,
#'       `"promising"`, `"not promising"`), the chance of a promising end
#'       given stage 1 while stage 2 runs (`conditional_probability_h0`,
#'       `conditional_probability_h1` and `conditional_probability_observed`:
#'       at p0, at p1 and at stage 1's rate; `NA` at a look that ends the
#'       trial), `reason` (a sentence), and the look's `date` and `note` (`NA`
#'       where not given);}
#'     \item{`decision`, `verdict`}{the last look's;}
#'     \item{`final`}{`NULL` while stage 2 runs; once the trial has ended,
#'       the exact inference: `look`, `ordering` (`"stage-wise"`), `p_value`
#'       (one-sided, against p0), `ci_rate` (the interval, two numbers),
#'       `confidence_level`, `median_unbiased_rate`, `umvue_rate`,
#'       `observed_rate` and `planned_sizes` (whether the stages had the
#'       planned patients);}
#'     \item{`design`}{the design the trial runs, a one-row data frame as
#'       [gsd_simon()]'s `design`;}
#'     \item{`criterion`, `rate_h0`, `rate_h1`, `alpha`}{the design's
#'       criterion, p0, p1 and one-sided alpha;}
#'     \item{`warnings`}{the library's warnings (stages whose patients
#'       differ from the plan's), a character vector;}
#'     \item{`config`, `result`}{the config and the command line's JSON.}
#'   }
#' @references Jennison C, Turnbull BW (2000). Group Sequential Methods with
#'   Applications to Clinical Trials. Chapman & Hall/CRC.
#'
#'   Jung SH, Kim KM (2004). On the estimation of the binomial probability in
#'   multistage clinical trials. Statistics in Medicine 23:881-896.
#'
#'   Spiegelhalter DJ, Freedman LS, Blackburn PR (1986). Monitoring clinical
#'   trials: conditional or predictive power? Controlled Clinical Trials
#'   7:8-17.
#' @seealso [gsd_record_add()] to keep the looks in an append-only record,
#'   [gsd_report()] for the committee's HTML report.
#' @export
#' @examples
#' d <- gsd_design(alpha = 0.05, sided = 2, beta = 0.16,
#'                 information_fractions = c(0.5, 0.75, 1))
#' # the committee's look at 49 of 94 events: published P < .001
#' m <- gsd_monitor(d, looks = data.frame(events = 49, p_two_sided = 0.001,
#'                                        direction = "favours-treatment"),
#'                  planned_events = 94, assumed_hazard_ratio = 0.63)
#' m
#' m$looks$efficacy_z          # 2.8933: two-sided nominal p .00381
#' m$final$median_unbiased_hazard_ratio
#'
#' # had it been z = 2.0: continue, with conditional power
#' gsd_monitor(d, looks = list(list(events = 49, z = 2.0)), planned_events = 94,
#'             assumed_hazard_ratio = 0.63)$looks$conditional_power
#'
#' # Simon's design 1/10, 5/29: 3 of the first 10 respond, then 6 of all 29
#' s <- gsd_simon(rate = 0.3, margin = 0.1)
#' gsd_monitor(s, looks = data.frame(n = 10, responders = 3))    # stage 2 runs
#' m <- gsd_monitor(s, looks = data.frame(n = c(10, 29), responders = c(3, 6)))
#' m
#' m$final$p_value      # 0.04709
#' m$final$ci_rate      # 90% CI 0.1015 to 0.4127
#' as.data.frame(m)
gsd_monitor <- function(x, looks = NULL, planned_events = NULL, allocation_ratio = NULL,
                        assumed_hazard_ratio = NULL, planned_variance = NULL,
                        confidence_level = NULL, ...) {
  .check_given(missing(x), "x", paste("give a gsd_design(), gsd_survival() or gsd_simon() object,",
                                      "or a config (a JSON file path or a list)"))
  .check_no_extra(list(...), "gsd_monitor")
  config <- if (inherits(x, "gsd_simon")) x$config else .plan_config(x, "x")
  # The file read, kept for gsd_report(): the report names it as its source,
  # and refuses to be written over it.
  source_file <- if (.is_path(config)) config
  if (.is_path(config)) config <- .gsd_value(.gsd_read_config(config))
  settings <- c(.monitoring_settings(planned_events, allocation_ratio, assumed_hazard_ratio,
                                     planned_variance, confidence_level),
                list(looks = if (!is.null(looks)) .look_list(looks)))
  settings <- settings[!vapply(settings, is.null, TRUE)]
  config$monitoring[names(settings)] <- settings
  if (is.null(config$monitoring$looks)) {
    .gsd_invalid("looks", NULL, "is missing and the config has no monitoring$looks: give the looks so far")
  }
  map <- .source_map("monitor", x, "x", .given("monitoring", settings))
  res <- .gsd_value(.gsd_run(config, "monitor", list(), map, character()))
  structure(.new_monitoring(config, res), source_file = source_file)
}

# The monitoring settings a call gave, each one number (see .number_value()).
# A setting the design does not take (planned_events of Simon's design,
# confidence_level of a group-sequential one) is left to the library, which
# refuses it by name.
.monitoring_settings <- function(planned_events, allocation_ratio, assumed_hazard_ratio,
                                 planned_variance, confidence_level, call = sys.call(-1L)) {
  settings <- list(planned_events = planned_events, allocation_ratio = allocation_ratio,
                   assumed_hazard_ratio = assumed_hazard_ratio, planned_variance = planned_variance,
                   confidence_level = confidence_level)
  for (name in names(settings)) {
    if (!is.null(settings[[name]])) {
      settings[[name]] <- .number_value(settings[[name]], name, call = call)
    }
  }
  settings
}

# Looks as the config writes them: a list of objects. A data frame gives one
# object per row without its NA cells; a single look (a named list) is one
# look.
.look_list <- function(looks, call = sys.call(-1L)) {
  if (is.data.frame(looks)) {
    rows <- lapply(seq_len(nrow(looks)), function(i) .look(as.list(looks[i, , drop = FALSE])))
    return(rows)
  }
  if (is.list(looks) && !is.null(names(looks)) && all(names(looks) != "")) {
    return(list(.look(looks, "looks[1]", call = call)))
  }
  if (is.list(looks)) {
    return(lapply(seq_along(looks), function(i) {
      l <- looks[[i]]
      if (is.list(l)) .look(l, paste0("looks[", i, "]"), call = call) else l
    }))
  }
  .gsd_invalid("looks", .describe(looks), "must be a data frame or a list of looks", call = call)
}

# `name`: the argument that gave this one look by itself (a named list, or
# the one row of add_look and a record's look). There an NA `final` is
# refused: whether a look is the final analysis is the committee's decision,
# recorded for good, and NA does not say which. In the column of a data frame
# of several looks NA stays "does not apply" (not final), as for any column.
.look <- function(look, name = NULL, call = sys.call(-1L)) {
  look <- lapply(look, function(v) {
    if (inherits(v, "Date") || inherits(v, "POSIXt")) v <- format(v)
    if (is.factor(v)) v <- as.character(v)
    v
  })
  final <- look[["final"]]
  if (!is.null(name) && length(final) == 1L && is.atomic(final) && is.na(final)) {
    .gsd_invalid(paste0(name, "$final"), .describe(final), "must be TRUE or FALSE", call = call)
  }
  # NA means "does not apply to this look"; NaN stays, for the library to refuse.
  look[!vapply(look, function(v) length(v) == 1L && is.atomic(v) && is.na(v) && !is.nan(v), TRUE)]
}

.new_monitoring <- function(config, res, extra = list()) {
  m <- res$monitoring
  if (identical(m$design_type, "simon-two-stage")) return(.new_simon_monitoring(config, res, extra))
  looks <- .rows(m$looks,
                 first = c("events", "patients", "information_fraction", "z", "efficacy_z",
                           "futility_z", "nominal_p_one_sided", "nominal_p_two_sided",
                           "cumulative_alpha", "decision", "hazard_ratio", "effect"),
                 drop = c("input", "remaining_looks", "repeated_ci_hazard_ratio",
                          "repeated_ci_effect"))
  # The repeated confidence interval beside its estimate: the log-rank's
  # hazard ratio, or a binary or normal endpoint's effect; a weighted,
  # MaxCombo, RMST or milestone test's looks have neither.
  estimate <- intersect(c("hazard_ratio", "effect"), names(looks))[1L]
  at <- match(estimate, names(looks))
  if (!is.na(at)) {
    key <- paste0("repeated_ci_", estimate)
    rci <- lapply(m$looks, function(l) if (is.null(l[[key]])) c(NA_real_, NA_real_) else l[[key]])
    looks <- cbind(looks[seq_len(at)],
                   data.frame(rci_lower = vapply(rci, `[`, 0, 1L), rci_upper = vapply(rci, `[`, 0, 2L)),
                   looks[-seq_len(at)])
  }
  last <- m$looks[[length(m$looks)]]
  structure(
    c(list(looks = looks, decision = last$decision, final = m$final, name = res$name,
           config = config, result = res), extra),
    class = "gsd_monitoring"
  )
}
