#' Simon's two-stage design for a single-arm response rate
#'
#' The two-stage design of a single-arm phase II trial (Simon 1989): treat
#' `n1` patients and stop if `r1` or fewer respond; otherwise treat `n - n1`
#' more, and call the treatment promising if more than `r` of all `n`
#' respond. The library searches every design of at most `max_patients`
#' patients for those whose exact binomial type I error is at most `alpha`
#' when the true rate is `margin` (p0) and whose power is at least
#' `1 - beta` when it is `rate` (p1), and reports the optimal design (the
#' least expected number of patients under p0), the minimax design (the
#' least maximum number of patients) and the admissible designs between
#' them (Jung et al. 2004): each is the best for a weight q on the maximum
#' patients, q `n` + (1 - q) EN(p0), over a range of q.
#'
#' This is `gsd design` of a config with `design$type = "simon-two-stage"`
#' and a single-arm binary `endpoint`: the function writes that config from
#' its arguments (always with `alpha`, `beta`, `criterion` and
#' `max_patients`) and returns the command line's result. `print()` shows
#' the command line's text.
#'
#' @param rate the response rate worth pursuing (p1), in (0, 1).
#' @param margin the response rate not worth pursuing (p0), in (0, 1),
#'   below `rate`.
#' @param alpha the one-sided type I error: the chance of calling the
#'   treatment promising when the rate is `margin`. 0.05, as in Simon's
#'   tables (the config's own default is 0.025).
#' @param beta the type II error: one minus the power at `rate`.
#' @param criterion `"optimal"` (least expected patients under p0) or
#'   `"minimax"` (least maximum patients): the design `$design` holds and
#'   `print()` describes.
#' @param max_patients the largest trial searched, a whole number from 2 to
#'   500 (the search's time grows as its fourth power).
#' @param name a name for the design, printed with it.
#' @param ... none for `gsd_simon()`: an argument the function does not take
#'   is refused with a `gsd_invalid_input` condition naming it. Ignored by the
#'   methods.
#' @param x a `gsd_simon` object.
#' @param row.names,optional ignored.
#' @return An object of class `gsd_simon`: a list with
#'   \describe{
#'     \item{`design`}{the chosen design, a one-row data frame: `r1`, `n1`,
#'       `r`, `n`, its exact `alpha` and `power`, the probability of stopping
#'       after stage 1 and the expected patients under p0
#'       (`early_stop_h0`, `expected_patients_h0`) and under p1
#'       (`early_stop_h1`, `expected_patients_h1`);}
#'     \item{`criterion`}{`"optimal"` or `"minimax"`;}
#'     \item{`designs`}{the admissible designs, a data frame from the
#'       minimax design to the optimal one: `design` (`"minimax"`,
#'       `"admissible"`, `"optimal"`, or `"both"` when one design is both),
#'       the columns of `design`, and `weight_low`, `weight_high`, the range
#'       of q over which the design is the best (the command line's
#'       `--format csv`);}
#'     \item{`operating_characteristics`}{a data frame for the chosen design
#'       over a range of true rates: `rate`, `promising` (the chance of
#'       calling the treatment promising), `early_stop` (of stopping after
#'       stage 1) and `expected_patients`;}
#'     \item{`single_stage`}{the single-stage design at the same error
#'       rates, `list(n, r)` (promising with more than `r` of `n`), or
#'       `NULL` when none has at most `max_patients` patients;}
#'     \item{`config`}{the config, as the command line reads it (see
#'       [gsd_config()]);}
#'     \item{`result`}{the command line's JSON result, as [gsd_run()] returns
#'       it;}
#'     \item{`text`}{the command line's text (`--format text`), which
#'       `print()` shows.}
#'   }
#'   `as.data.frame()` returns `designs`; `format()` returns the text's
#'   lines.
#' @references Simon R (1989). Optimal two-stage designs for phase II
#'   clinical trials. Controlled Clinical Trials 10:1-10.
#'
#'   Jung SH, Lee T, Kim K, George SL (2004). Admissible two-stage designs for
#'   phase II cancer clinical trials. Statistics in Medicine 23:561-569.
#' @seealso [gsd_run()] for the same result from a config file.
#' @export
#' @examples
#' s <- gsd_simon(rate = 0.3, margin = 0.1)
#' s                        # optimal: 1/10, then 5/29
#' s$design$expected_patients_h0
#' as.data.frame(s)         # minimax, admissible and optimal designs
#' gsd_simon(rate = 0.3, margin = 0.1, criterion = "minimax")$design
#' s$operating_characteristics
gsd_simon <- function(rate, margin, alpha = 0.05, beta = 0.2, criterion = c("optimal", "minimax"),
                      max_patients = 100, name = NULL, ...) {
  .check_given(missing(rate), "rate", "give the response rate worth pursuing (p1), e.g. 0.3")
  .check_given(missing(margin), "margin", "give the response rate not worth pursuing (p0), e.g. 0.1")
  .check_no_extra(list(...), "gsd_simon")
  config <- .simon_config(rate, margin, alpha, beta, criterion, max_patients, name)
  out <- .gsd_value(.gsd_run(config, "design", list(text = TRUE), .gsd_arguments$simon,
                             .simon_tables))
  .new_simon(config, out)
}

# The arrays that the object holds as data frames.
.simon_tables <- c("/simon_two_stage/admissible", "/simon_two_stage/operating_characteristics")

# A design's columns, in the order of the command line's CSV.
.simon_columns <- c("r1", "n1", "r", "n", "alpha", "power", "early_stop_h0", "expected_patients_h0",
                    "early_stop_h1", "expected_patients_h1")

# The config of gsd_simon()'s arguments. Only what the config cannot show as
# the value given is checked here; the library checks each value's range and
# the criterion's name, and its message names the argument (.gsd_arguments$simon).
.simon_config <- function(rate, margin, alpha, beta, criterion, max_patients, name,
                          call = sys.call(-1L)) {
  # The default lists the choices; the first is the default.
  if (identical(criterion, c("optimal", "minimax"))) criterion <- "optimal"
  .check_string(criterion, "criterion", call = call)
  .check_string(name, "name", null_ok = TRUE, call = call)
  list(name = name,
       design = list(type = "simon-two-stage",
                     alpha = .number_value(alpha, "alpha", call = call),
                     beta = .number_value(beta, "beta", call = call),
                     criterion = criterion,
                     max_patients = .number_value(max_patients, "max_patients", call = call)),
       endpoint = list(type = "binary", groups = 1L,
                       rate = .number_value(rate, "rate", call = call),
                       margin = .number_value(margin, "margin", call = call)))
}

.new_simon <- function(config, out) {
  res <- out$result
  s <- res$simon_two_stage
  admissible <- out$tables[["/simon_two_stage/admissible"]]
  # The engine's label of each ("kind"), as its CSV's "design" column.
  designs <- cbind(data.frame(design = admissible$kind),
                   admissible[c(.simon_columns, "weight_low", "weight_high")])
  oc <- out$tables[["/simon_two_stage/operating_characteristics"]]
  structure(
    list(design = structure(s$design[.simon_columns], class = "data.frame", row.names = 1L),
         criterion = s$criterion, designs = designs,
         operating_characteristics = oc[c("rate", "promising", "early_stop", "expected_patients")],
         single_stage = s$single_stage, name = res$name, config = config, result = res,
         text = out$text),
    class = "gsd_simon"
  )
}

#' @rdname gsd_simon
#' @export
format.gsd_simon <- function(x, ...) {
  utils::capture.output(cat(x$text))
}

#' @rdname gsd_simon
#' @export
print.gsd_simon <- function(x, ...) {
  writeLines(format(x, ...))
  invisible(x)
}

#' @rdname gsd_simon
#' @export
as.data.frame.gsd_simon <- function(x, row.names = NULL, optional = FALSE, ...) x$designs

# gsd monitor of a Simon design (gsd_monitor(), gsd_record_add(),
# gsd_record_replay()): the command line's JSON as an object whose looks are
# a data frame. Every number is the library's; `extra` holds a record's
# fields (see .new_monitoring()).
.new_simon_monitoring <- function(config, res, extra = list()) {
  m <- res$monitoring
  looks <- m$looks
  # No chance of a promising end at a look that ends the trial (null): NA.
  cp <- function(key) {
    vapply(looks, function(l) {
      p <- l$conditional_probability
      if (is.null(p)) NA_real_ else p[[key]]
    }, 0)
  }
  input <- function(key) {
    vapply(looks, function(l) {
      v <- l$input[[key]]
      if (is.null(v)) NA_character_ else v
    }, "")
  }
  frame <- data.frame(
    look = vapply(looks, `[[`, 0L, "look"), stage = vapply(looks, `[[`, 0L, "stage"),
    patients = vapply(looks, `[[`, 0L, "patients"), responders = vapply(looks, `[[`, 0L, "responders"),
    rate = vapply(looks, function(l) as.numeric(l$rate), 0),
    decision = vapply(looks, `[[`, "", "decision"), verdict = vapply(looks, `[[`, "", "verdict"),
    conditional_probability_h0 = cp("rate_h0"), conditional_probability_h1 = cp("rate_h1"),
    conditional_probability_observed = cp("observed_rate"),
    reason = vapply(looks, `[[`, "", "reason"), date = input("date"), note = input("note"),
    stringsAsFactors = FALSE)
  # A record's looks say when each was recorded.
  if (all(vapply(looks, function(l) is.character(l$recorded_at), TRUE))) {
    frame$recorded_at <- vapply(looks, `[[`, "", "recorded_at")
  }
  last <- looks[[length(looks)]]
  structure(
    c(list(looks = frame, decision = last$decision, verdict = last$verdict, final = m$final,
           design = structure(m$design[.simon_columns], class = "data.frame", row.names = 1L),
           criterion = m$criterion, rate_h0 = m$rate_h0, rate_h1 = m$rate_h1, alpha = m$alpha,
           warnings = as.character(unlist(m$warnings)), name = res$name, config = config,
           result = res), extra),
    class = c("gsd_simon_monitoring", "gsd_monitoring")
  )
}

#' @rdname gsd_methods
#' @export
format.gsd_simon_monitoring <- function(x, digits = 4, ...) {
  .check_digits(digits)
  utils::capture.output(.show_gsd_simon_monitoring(x, digits))
}

# The design's rules, the looks with their decisions, then the chance of a
# promising end while stage 2 runs, or the inference once the trial has
# ended, in the library's numbers and words.
.show_gsd_simon_monitoring <- function(x, digits = 4) {
  .title("gsd monitoring", x)
  d <- x$design
  cat("Simon's two-stage design ", d$r1, "/", d$n1, ", ", d$r, "/", d$n, " (", x$criterion, "): p0 ",
      format(x$rate_h0), " against p1 ", format(x$rate_h1), ", one-sided alpha ", format(x$alpha), "\n",
      "  stage 1: ", d$n1, " patients; stop with at most ", .count(d$r1, "responder"), "\n",
      "  stage 2: ", d$n - d$n1, " more; promising with more than ", .count(d$r, "responder"), " of ",
      d$n, "\n", sep = "")
  .print_table(x$looks[c("look", "patients", "responders", "rate", "decision", "verdict")], digits)
  last <- x$looks[nrow(x$looks), ]
  cat("Look ", last$look, ": ", last$reason, "\n", sep = "")
  if (!is.na(last$conditional_probability_h0)) {
    cat("While stage 2 runs: the chance of more than ", .count(d$r, "responder"), " once stage 2's ",
        d$n - d$n1, " patients are in, given stage 1\n  ", .fmt(last$conditional_probability_h0, digits), " at p0 ", format(x$rate_h0),
        ", ", .fmt(last$conditional_probability_h1, digits), " at p1 ", format(x$rate_h1), ", ",
        .fmt(last$conditional_probability_observed, digits), " at stage 1's rate ",
        .fmt(last$rate, digits), "\n", sep = "")
  }
  f <- x$final
  if (!is.null(f)) {
    cat("After ", if (f$look == 1L) "the stop after stage 1" else "stage 2", " (", f$ordering,
        " ordering): p-value ", .fmt(f$p_value, digits), " (one-sided, against p0 ", format(x$rate_h0),
        ")\n", "  response rate: observed ", .fmt(f$observed_rate, digits), ", UMVUE ",
        .fmt(f$umvue_rate, digits), ", median-unbiased ", .fmt(f$median_unbiased_rate, digits), ", ",
        format(100 * f$confidence_level), "% CI ", .fmt(f$ci_rate[1], digits), " to ",
        .fmt(f$ci_rate[2], digits), "\n", sep = "")
  }
  for (w in x$warnings) cat("warning: ", w, "\n", sep = "")
  if (!is.null(x$record)) cat("Record:", x$record, "\n")
  if (!is.null(x$changes) && nrow(x$changes) > 0L) {
    cat("Decisions that recompute differently:\n")
    print(x$changes, row.names = FALSE)
  }
}

#' @rdname gsd_methods
#' @export
print.gsd_simon_monitoring <- function(x, digits = 4, ...) {
  writeLines(format(x, digits = digits, ...))
  invisible(x)
}

#' @rdname gsd_methods
#' @export
as.data.frame.gsd_simon_monitoring <- function(x, row.names = NULL, optional = FALSE, ...) x$looks
