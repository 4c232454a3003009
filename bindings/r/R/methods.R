# print, summary and as.data.frame of gsd's results. print() gives the
# numbers a statistician reads first; summary() gives the command line's full
# text report (the engine writes it, so R and the command line say the same
# thing); as.data.frame() gives the per-look table.

# `digits` significant digits, trailing zeros kept ("0.2650", so a table's
# columns line up). A number whose fixed notation would be wider than its
# scientific one is written in scientific notation, as format() decides
# (with the "scipen" option): a p-value of 3.553e-35, not 35 zeros. A whole
# number wider than `digits` is written in full, without formatC()'s
# trailing point ("91911", not "91911.").
.fmt <- function(x, digits = 4) {
  penalty <- getOption("scipen")
  if (!is.numeric(penalty) || length(penalty) != 1L || is.na(penalty)) penalty <- 0
  vapply(x, function(v) {
    if (is.na(v)) return("NA")
    if (!is.finite(v)) return(format(v))
    if (v == 0) return("0")
    fixed <- sub("\\.$", "", formatC(v, digits = digits, format = "fg", flag = "#"))
    scientific <- formatC(v, digits = digits - 1L, format = "e")
    if (nchar(fixed) > nchar(scientific) + penalty) scientific else fixed
  }, "", USE.NAMES = FALSE)
}

# Short column headings for print(); as.data.frame() keeps the JSON names.
.headings <- c(information_fraction = "fraction", nominal_p_one_sided = "nominal_p",
               nominal_p_two_sided = "nominal_p", cumulative_alpha = "cum_alpha",
               probability_efficacy_h0 = "P(eff|H0)", probability_efficacy_h1 = "P(eff|H1)",
               probability_futility_h0 = "P(fut|H0)", probability_futility_h1 = "P(fut|H1)",
               calendar_time = "time", hazard_ratio_at_bound = "HR_at_bound",
               hazard_ratio_at_futility = "HR_at_fut", crossing_probability_lower = "P(lower)",
               crossing_probability = "P(cross)", cumulative_crossing_probability = "cum_P(cross)",
               cumulative_reject = "cumulative", repeated_p_value = "repeated_p",
               conditional_power = "cond_power", hazard_ratio = "HR", held = "P(held)",
               mean_time = "time", mean_events = "events", mean_patients = "patients",
               mean_efficacy_z = "efficacy_z")

.print_table <- function(df, digits = 4) {
  out <- df
  for (k in names(out)) {
    v <- out[[k]]
    if (!is.double(v)) next
    whole <- all(is.na(v) | v == round(v))
    out[[k]] <- ifelse(is.na(v), "-", if (whole) format(v) else .fmt(v, digits))
  }
  renamed <- names(out) %in% names(.headings)
  names(out)[renamed] <- .headings[names(out)[renamed]]
  print(out, row.names = FALSE, right = TRUE)
}

.title <- function(kind, x) {
  cat("<", kind, ">", if (length(x$name) == 1L && nzchar(x$name)) paste0(" ", x$name), "\n", sep = "")
}

# "1 look", "3 looks".
.count <- function(n, noun) paste0(n, " ", noun, if (n != 1L) "s")

# print()'s and format()'s digits: R's own range for significant digits
# (print.default's); NA or 0 would reach formatC() as an R error or as
# numbers printed to no digits ("drift 3.").
.check_digits <- function(digits, call = sys.call(-1L)) {
  if (!is.numeric(digits) || length(digits) != 1L || is.na(digits) || digits != round(digits) ||
      digits < 1 || digits > 22) {
    .gsd_invalid("digits", .describe(digits), "must be a whole number from 1 to 22", call = call)
  }
}

.side <- function(x) if (identical(as.integer(x$sided), 2L)) "two-sided" else "one-sided"

#' Print, summarise and tabulate gsd results
#'
#' `print()` shows the main numbers, the lines `format()` returns; `summary()` returns the command line's
#' full text report (`gsd design`, `gsd simulate`, `gsd monitor` with
#' `--format text`), printed as is; `as.data.frame()` returns the table with one
#' row per look (the design's bounds, the survival plan's looks, the
#' simulation's stopping probabilities, the monitored looks). The
#' `gsd_record_check` of [gsd_record_verify()] prints its verdict and its
#' `as.data.frame()` is the table of looks whose decision recomputes
#' differently (no rows when the record is intact).
#'
#' A monitored Simon design (`gsd_simon_monitoring`, see [gsd_monitor()])
#' prints the design's rules, its looks with their decisions and verdicts,
#' the last look's reason, and while stage 2 runs the chance of a promising
#' end, once the trial has ended its p-value, estimates and confidence
#' interval, and the library's warnings; its `as.data.frame()` is the table
#' of looks, its `summary()` the command line's text.
#'
#' @param x,object a `gsd_design`, `gsd_survival`, `gsd_simulation`,
#'   `gsd_monitoring` (also a `gsd_simon_monitoring`) or (for `format()`,
#'   `print()` and `as.data.frame()`) `gsd_record_check` object.
#' @param digits significant digits, a whole number from 1 to 22.
#' @param row.names,optional ignored (the methods' tables have none).
#' @param ... ignored.
#' @name gsd_methods
#' @examples
#' d <- gsd_design(alpha = 0.05, sided = 2, information_fractions = c(0.5, 0.75, 1))
#' print(d)
#' summary(d)
#' as.data.frame(d)
NULL

#' @rdname gsd_methods
#' @export
format.gsd_design <- function(x, digits = 4, ...) {
  .check_digits(digits)
  utils::capture.output(.show_gsd_design(x, digits))
}

.show_gsd_design <- function(x, digits = 4) {
  .print_design_header(x)
  b <- x$bounds
  cols <- intersect(c("look", "information_fraction", "efficacy_z", "futility_z",
                      if (identical(as.integer(x$sided), 2L)) "nominal_p_two_sided" else "nominal_p_one_sided",
                      "cumulative_alpha", "probability_efficacy_h0", "probability_efficacy_h1",
                      "probability_futility_h0", "probability_futility_h1"),
                    names(b))
  shown <- b[cols]
  # A look without a futility bound cannot stop for futility: "-", as the
  # command line prints it, rather than a chance of 0.
  for (k in intersect(c("probability_futility_h0", "probability_futility_h1"), cols)) {
    shown[[k]][is.na(b$futility_z)] <- NA_real_
  }
  .print_table(shown, digits)
  # Under H0 the efficacy column ignores a non-binding futility bound (it is
  # the alpha spent); the futility column obeys it, as the trial would.
  if ("probability_futility_h0" %in% cols && isFALSE(x$result$boundaries$futility_binding)) {
    cat("P(eff|H0) is the alpha spent (the non-binding futility bound ignored); P(fut|H0) obeys",
        "the bound\n")
  }
  cat("drift ", .fmt(x$drift, digits + 1), ", inflation factor ", .fmt(x$inflation_factor, digits + 1),
      ", expected information (fraction of maximum) ", .fmt(x$expected_information[["h0"]], digits),
      " under H0, ", .fmt(x$expected_information[["h1"]], digits), " under H1\n", sep = "")
}

#' @rdname gsd_methods
#' @export
print.gsd_design <- function(x, digits = 4, ...) {
  writeLines(format(x, digits = digits, ...))
  invisible(x)
}

.print_design_header <- function(x) {
  .title("gsd design", x)
  cat(x$efficacy, ", ", .side(x), " alpha ", format(x$alpha), ", beta ", format(x$beta),
      " (power ", format(round(1 - x$beta, 4)), "), ", .count(nrow(x$bounds), "look"), "\n", sep = "")
}

#' @rdname gsd_methods
#' @export
format.gsd_survival <- function(x, digits = 4, ...) {
  .check_digits(digits)
  utils::capture.output(.show_gsd_survival(x, digits))
}

.show_gsd_survival <- function(x, digits = 4) {
  .print_design_header(x)
  cat("Survival plan (", x$mode, "): ", x$patients, " patients, ", x$events, " events, power ",
      .fmt(x$power, digits), "; study duration ", .fmt(x$study_duration, digits), " ", x$time_unit,
      # A final look before accrual ends stops enrolment there, with fewer patients.
      if (x$follow_up < 0) paste0(", ", .fmt(-x$follow_up, digits), " before accrual ends: about ",
                                  .fmt(x$patients_at_study_end, digits), " of the ", x$patients,
                                  " patients are enrolled by the final look")
      else paste0(" (follow-up ", .fmt(x$follow_up, digits), " after accrual)"), "\n", sep = "")
  # A design with a futility bound: its z, the hazard ratio at it, and the
  # chance of a first exit below the efficacy region at each look.
  futility <- "futility_z" %in% names(x$looks) && any(!is.na(x$looks$futility_z))
  cols <- intersect(c("look", "events", "calendar_time", "drift", "efficacy_z",
                      "hazard_ratio_at_bound",
                      if (futility) c("futility_z", "hazard_ratio_at_futility"),
                      "crossing_probability", "cumulative_crossing_probability",
                      if (futility) "crossing_probability_lower"), names(x$looks))
  .print_table(x$looks[cols], digits)
  cat("expected events ", .fmt(x$expected_events, digits), ", expected duration ",
      .fmt(x$expected_duration, digits), " ", x$time_unit, "; the patients can produce at most ",
      .fmt(x$event_limit, digits), " events\n", sep = "")
}

#' @rdname gsd_methods
#' @export
print.gsd_survival <- function(x, digits = 4, ...) {
  writeLines(format(x, digits = digits, ...))
  invisible(x)
}

#' @rdname gsd_methods
#' @export
format.gsd_simulation <- function(x, digits = 4, ...) {
  .check_digits(digits)
  utils::capture.output(.show_gsd_simulation(x, digits))
}

.show_gsd_simulation <- function(x, digits = 4) {
  .title("gsd simulation", x)
  # A normal or binary endpoint's trials have patients, no events or calendar time.
  endpoint <- !is.null(x$endpoint)
  cat(x$replicates_run, " replicates, seed ", format(x$seed),
      if (endpoint) paste0(", ", x$endpoint, " endpoint, ", x$patients, " patients"),
      ": power ", .fmt(x$power, digits), " (MC SE ", .fmt(x$power_se, 2), ")",
      if (!is.null(x$analytic_power)) paste0(", analytic ", .fmt(x$analytic_power, digits)),
      if (!is.null(x$exact_power)) paste0(", exact ", .fmt(x$exact_power, digits)), "\n",
      sep = "")
  # Where the trials stop, then (survival) the analyses they held.
  held <- c("held", "mean_time", "mean_events", "mean_patients", "mean_efficacy_z")
  .print_table(x$per_look[setdiff(names(x$per_look), held)], digits)
  if (all(held %in% names(x$per_look))) {
    cat("analyses held (means over the trials that held each look):\n")
    .print_table(x$per_look[c("look", held)], digits)
  }
  if (NROW(x$tests) > 0L) {
    cat("tests on the same replicates (each against its own bounds; by look in $test_looks):\n")
    .print_table(x$tests, digits)
  }
  if (endpoint) {
    cat("expected patients ", .fmt(x$expected_patients, digits),
        if (!is.null(x$expected_patients_h1)) {
          paste0(" (the plan's under H1 ", .fmt(x$expected_patients_h1, digits), ")")
        }, "\n", sep = "")
  } else {
    cat("expected events ", .fmt(x$expected_events, digits), ", patients ",
        .fmt(x$expected_patients, digits), ", duration ", .fmt(x$expected_duration, digits),
        "; capped ", .fmt(x$capped_fraction, 3), "\n", sep = "")
  }
}

#' @rdname gsd_methods
#' @export
print.gsd_simulation <- function(x, digits = 4, ...) {
  writeLines(format(x, digits = digits, ...))
  invisible(x)
}

#' @rdname gsd_methods
#' @export
format.gsd_monitoring <- function(x, digits = 4, ...) {
  .check_digits(digits)
  utils::capture.output(.show_gsd_monitoring(x, digits))
}

.show_gsd_monitoring <- function(x, digits = 4) {
  .title("gsd monitoring", x)
  cols <- intersect(c("look", "events", "patients", "variance", "information_fraction", "z", "max_z",
                      "efficacy_z", "efficacy_z_error", "futility_z", "decision", "hazard_ratio", "effect", "rci_lower",
                      "rci_upper", "repeated_p_value", "conditional_power"), names(x$looks))
  .print_table(x$looks[cols], digits)
  last <- x$looks[nrow(x$looks), ]
  if (!is.null(last$reason)) cat("Look ", nrow(x$looks), ": ", last$reason, "\n", sep = "")
  if (!is.null(last$advice) && !is.na(last$advice)) cat(last$advice, "\n")
  if (!is.null(x$final)) {
    f <- x$final
    # The hazard ratio of a log-rank test, else a binary or normal endpoint's effect.
    hr <- !is.null(f$median_unbiased_hazard_ratio)
    estimate <- if (hr) f$median_unbiased_hazard_ratio else f$median_unbiased_effect
    ci <- if (hr) f$ci_hazard_ratio else f$ci_effect
    cat("After the stop at look ", f$look, " (", f$ordering, " ordering): p-value ", .fmt(f$p_value, digits),
        if (!is.null(estimate)) paste0(", median-unbiased ", if (hr) "HR " else "effect ",
                                       .fmt(estimate, digits), ", ", format(100 * f$confidence_level),
                                       "% CI ", .fmt(ci[1], digits), " to ", .fmt(ci[2], digits)),
        "\n", sep = "")
  }
  if (!is.null(x$record)) cat("Record:", x$record, "\n")
  if (!is.null(x$changes) && nrow(x$changes) > 0L) {
    cat("Decisions that recompute differently:\n")
    print(x$changes, row.names = FALSE)
  }
}

#' @rdname gsd_methods
#' @export
print.gsd_monitoring <- function(x, digits = 4, ...) {
  writeLines(format(x, digits = digits, ...))
  invisible(x)
}

#' @export
format.gsd_record_check <- function(x, ...) {
  utils::capture.output(.show_gsd_record_check(x))
}

.show_gsd_record_check <- function(x) {
  if (x$ok) {
    cat("Record ", x$record, ": ", .count(x$looks, "look"), "; every decision recomputes as recorded\n",
        sep = "")
  } else {
    cat("Record ", x$record, ": ", nrow(x$changes), " of ", x$looks,
        " decisions recompute differently:\n", sep = "")
    print(x$changes, row.names = FALSE)
  }
  if (!identical(x$chain$status, "verified")) {
    cat("Chain unverified: the record was written without hashes\n")
    return(invisible())
  }
  cat("Chain verified (", x$chain$algorithm, "); its head, to note in the minutes: ", x$chain$head, "\n",
      sep = "")
  noted <- x$chain$noted_head
  if (!is.null(noted)) {
    cat("The noted head is ",
        if (noted$look == 0L) "the config hash, from before the first look"
        else paste0("the hash of look ", noted$look, " of ", x$looks),
        ": the record still holds everything it covered\n", sep = "")
  }
}

#' @export
print.gsd_record_check <- function(x, ...) {
  writeLines(format(x, ...))
  invisible(x)
}

#' @rdname gsd_methods
#' @export
summary.gsd_design <- function(object, ...) {
  .summary_text(.gsd_value(.gsd_text(object$config, "design", .gsd_map("run", object$config))))
}

#' @rdname gsd_methods
#' @export
summary.gsd_simulation <- function(object, ...) .summary_text(object$text)

#' @rdname gsd_methods
#' @export
summary.gsd_monitoring <- function(object, ...) {
  # A record's result keeps the text of its own looks: a replay of the file
  # now would describe the looks added since (or fail, the file moved).
  if (!is.null(object$text)) return(.summary_text(object$text))
  .summary_text(.gsd_value(.gsd_text(object$config, "monitor", .gsd_map("run", object$config))))
}

.summary_text <- function(text) structure(list(text = text), class = "gsd_summary")

#' @export
format.gsd_summary <- function(x, ...) {
  utils::capture.output(.show_gsd_summary(x))
}

.show_gsd_summary <- function(x) {
  cat(x$text)
}

#' @export
print.gsd_summary <- function(x, ...) {
  writeLines(format(x, ...))
  invisible(x)
}

#' @rdname gsd_methods
#' @export
as.data.frame.gsd_design <- function(x, row.names = NULL, optional = FALSE, ...) x$bounds

#' @rdname gsd_methods
#' @export
as.data.frame.gsd_survival <- function(x, row.names = NULL, optional = FALSE, ...) x$looks

#' @rdname gsd_methods
#' @export
as.data.frame.gsd_simulation <- function(x, row.names = NULL, optional = FALSE, ...) x$per_look

#' @rdname gsd_methods
#' @export
as.data.frame.gsd_monitoring <- function(x, row.names = NULL, optional = FALSE, ...) x$looks

#' @rdname gsd_methods
#' @export
as.data.frame.gsd_record_check <- function(x, row.names = NULL, optional = FALSE, ...) x$changes

# What gsd_config() and gsd_write_config() take.
.gsd_object <- paste("a gsd object (from gsd_design(), gsd_survival(), gsd_simulate(), gsd_monitor()",
                     "or gsd_simon())")

#' The config of a gsd result
#'
#' Every gsd object keeps the config it was computed from, in the command
#' line's JSON. `gsd_config()` returns it as a list (ready for [gsd_run()]);
#' `gsd_write_config()` writes it as a JSON file that `gsd design`,
#' `gsd simulate` and `gsd monitor` read, so a plan made in R can be cited,
#' archived and rerun by the command line.
#'
#' @param x a gsd object.
#' @param file the JSON file to write (replaced atomically: a write that
#'   fails leaves an earlier file as it was; a file replaced keeps its
#'   permissions).
#' @param ... none: an argument the function does not take is refused with a
#'   `gsd_invalid_input` condition naming it.
#' @return `gsd_config()`: the config list (or its file path).
#'   `gsd_write_config()`: `file`, invisibly.
#' @export
#' @examples
#' d <- gsd_design(information_fractions = c(0.5, 1))
#' str(gsd_config(d))
#' f <- tempfile(fileext = ".json")
#' gsd_write_config(d, f)
#' identical(gsd_run(f), d$result)
gsd_config <- function(x, ...) {
  .check_given(missing(x), "x", paste("give", .gsd_object))
  .check_no_extra(list(...), "gsd_config")
  if (!inherits(x, c("gsd_design", "gsd_simulation", "gsd_monitoring", "gsd_simon"))) {
    .gsd_invalid("x", .describe(x), paste("must be", .gsd_object))
  }
  if (is.null(x$config)) .gsd_invalid("x", .describe(x), "has no config (a record keeps its own)")
  x$config
}

#' @rdname gsd_config
#' @export
gsd_write_config <- function(x, file, ...) {
  call <- sys.call()
  .check_given(missing(x), "x", paste("give", .gsd_object))
  .check_given(missing(file), "file", .name_json)
  .check_no_extra(list(...), "gsd_write_config")
  .check_file(file, "file", .name_json)
  text <- .gsd_value(.gsd_config_text(gsd_config(x), .gsd_map("run", gsd_config(x))))
  .write_atomically(text, file, "file", call)
  invisible(file)
}

# The text goes to a temporary file beside `file`, which is then renamed over
# it (a rename within one directory is atomic): a write that fails or is
# interrupted half-way leaves any earlier `file` as it was and no part of the
# new one, as the library replaces its reports and records. R's connection
# warning and error would reach the caller as a plain simpleError; a file
# that cannot be written is bad input, as for reports.
.write_atomically <- function(text, file, argument, call) {
  target <- .link_target(file)
  # As the library says it of a report or a plot named by a directory (R's
  # own reason would be a failed rename of the directory onto itself).
  if (dir.exists(target)) {
    .gsd_invalid(argument, .describe(file), "is a directory; name a file inside it", call = call)
  }
  # A FIFO or a device would be replaced by a regular file (the library's
  # rules for its own outputs).
  .gsd_value(.gsd_check_output(file, argument))
  tmp <- tempfile(paste0(".", basename(target), "."), tmpdir = dirname(target))
  # R's reason names the temporary file, which the caller never named.
  refuse <- function(why) {
    .gsd_invalid(argument, .describe(file),
                 paste0("cannot be written (", gsub(tmp, file, why, fixed = TRUE),
                        "); choose a writable file"), call = call)
  }
  # The replaced file's permissions stay, as install(1) and editors keep
  # them: a config made private (0600) or shared with a group stays so. A new
  # file gets the default mode (0666 less the umask), as writeLines() gives.
  mode <- file.info(target, extra_cols = FALSE)$mode
  done <- FALSE
  on.exit(if (!done) unlink(tmp))
  tryCatch(.write_text(text, tmp), warning = function(w) refuse(conditionMessage(w)))
  if (!is.na(mode) && !Sys.chmod(tmp, mode, use_umask = FALSE)) {
    refuse("its permissions cannot be kept")
  }
  renamed <- tryCatch(file.rename(tmp, target), warning = function(w) refuse(conditionMessage(w)))
  if (!renamed) refuse("it cannot replace the file there")
  done <- TRUE
}

.write_text <- function(text, path) writeLines(text, path, sep = "")

# The file a path stands for once the symbolic links of its last component
# are followed (a relative link from the link's directory), as the library
# does for its records and reports: the file is replaced and the link kept,
# where a rename onto the link would replace the link with a copy.
.link_target <- function(file) {
  for (i in seq_len(40L)) {  # Linux's MAXSYMLINKS
    link <- Sys.readlink(file)
    if (is.na(link) || !nzchar(link)) return(file)
    file <- if (startsWith(link, "/")) link else file.path(dirname(file), link)
  }
  file
}
