#' The monitoring record: an append-only file of a committee's looks
#'
#' A record is a JSON file for people that holds the config (design, survival
#' and monitoring settings) and every look as entered, with the time it was
#' recorded and the decision taken then. It is the command line's
#' `gsd monitor --record FILE` file: either tool can add to it and replay it.
#'
#' * `gsd_record_add()` appends a look, deciding it together with every
#'   earlier look. The first call creates the record from `config` (whose own
#'   `monitoring$looks`, if any, become its first entries). A look that
#'   contradicts the record (events going backwards, a look after a stop) is
#'   refused with a `gsd_invalid_input` condition naming `look`, and the file
#'   is left byte for byte as it was. The file is replaced atomically, under
#'   a lock that a concurrent writer (R or the command line) waits for.
#' * `gsd_record_replay()` recomputes every recorded look.
#' * `gsd_record_verify()` checks the record's structure, its hash
#'   chain (an edited record is refused with a `gsd_invalid_input` condition
#'   naming the first changed look), and that every decision recomputes as
#'   it was recorded. Its `chain$head` is the hash to note in the minutes;
#'   given such a noted `head` later, it is refused (a `gsd_invalid_input`
#'   condition naming `head`) unless the record still holds the look that
#'   head belonged to: looks removed from the end leave a valid, shorter
#'   chain, which only the noted head shows.
#' * `gsd_record_report()` writes the committee's HTML report of the record.
#'
#' @param record the record file.
#' @param head for `gsd_record_verify()`: a head of the chain noted in the
#'   committee's minutes (64 hex digits), or `NULL`.
#' @param key_file the file that holds the committee's secret key (its bytes
#'   are the key), or `NULL`. A new record written with a key is chained with
#'   HMAC-SHA-256 under it, so that only someone who holds the key can make a
#'   chain that verifies; such a keyed record is read, extended, verified and
#'   reported only with the key (the command line's `--key-file`).
#' @param look the new look: a named list (or a one-row data frame) with
#'   `events` and one of `z`, `p_two_sided` with `direction`, or
#'   `hazard_ratio` (a weighted log-rank, RMST or milestone `survival$test`:
#'   `z` and `variance`; MaxCombo: `tests` and `covariance`); optionally
#'   `final` (`TRUE` or `FALSE`; `NA` is refused), `date` and `note`. Simon's
#'   two-stage design: `n` and `responders`, the patients and responders so
#'   far, counted from the first patient (stage 1, then all patients);
#'   optionally `date` and `note`.
#' @param config for a new record: a [gsd_design()], [gsd_survival()] or
#'   [gsd_simon()] object, a [gsd_monitor()] result, or a config (list or
#'   JSON file). Must be `NULL` when the record exists.
#' @param planned_events,allocation_ratio,assumed_hazard_ratio,planned_variance,confidence_level
#'   for a new record: the monitoring settings (see [gsd_monitor()]).
#' @param ... none: an argument the function does not take is refused with a
#'   `gsd_invalid_input` condition naming it.
#' @return `gsd_record_add()` and `gsd_record_replay()`: a `gsd_monitoring`
#'   object (a `gsd_simon_monitoring` for Simon's design; see [gsd_monitor()])
#'   whose `result` equals the command line's JSON, with `record` (the file)
#'   and, from a replay, `changes`.
#'   `gsd_record_verify()`: an object of class `gsd_record_check` with `ok`,
#'   `changes` (a data frame of looks whose decision recomputes
#'   differently) and `chain` (the command line's `verify --format json`
#'   chain: `status`, `algorithm`, `looks_before_chain`, `head` and, given
#'   `head`, `noted_head` with its `hash` and `look`, 0 for the config hash). `gsd_record_report()`: the report's path, invisibly.
#' @export
#' @examples
#' d <- gsd_design(alpha = 0.05, sided = 2, beta = 0.16,
#'                 information_fractions = c(0.5, 0.75, 1))
#' file <- tempfile(fileext = ".json")
#' gsd_record_add(file, list(events = 49, z = 2.0, note = "first interim"),
#'                config = d, planned_events = 94, assumed_hazard_ratio = 0.63)
#' r <- gsd_record_add(file, list(events = 71, z = 2.6))
#' r$looks[, c("events", "z", "efficacy_z", "decision")]
#' gsd_record_verify(file)
#' # a look after the stop is refused, and the file is unchanged
#' try(gsd_record_add(file, list(events = 94, z = 3)))
#' gsd_record_replay(file)$decision
#' gsd_record_report(file, tempfile(fileext = ".html"))
#'
#' # Simon's two-stage design: stage 1, then both stages
#' simon <- tempfile(fileext = ".json")
#' gsd_record_add(simon, list(n = 10, responders = 3, note = "end of stage 1"),
#'                config = gsd_simon(rate = 0.3, margin = 0.1))
#' gsd_record_add(simon, list(n = 29, responders = 6))$final$p_value
gsd_record_add <- function(record, look, config = NULL, planned_events = NULL,
                           allocation_ratio = NULL, assumed_hazard_ratio = NULL,
                           planned_variance = NULL, key_file = NULL, confidence_level = NULL, ...) {
  .check_given(missing(record), "record", .name_record)
  .check_given(missing(look), "look", paste(
    "give the new look: a named list with events and one of z, p_two_sided with direction,",
    "or hazard_ratio (Simon's design: n and responders)"))
  .check_no_extra(list(...), "gsd_record_add")
  .check_file(record, "record", .name_record)
  .check_file(key_file, "key_file", .name_key, null_ok = TRUE)
  settings <- .monitoring_settings(planned_events, allocation_ratio, assumed_hazard_ratio,
                                   planned_variance, confidence_level)
  settings <- settings[!vapply(settings, is.null, TRUE)]
  map <- .gsd_map("record")
  if (!is.null(config)) {
    map <- .source_map("record", config, "config",
                       c(.given("monitoring", settings), monitoring.looks.new = "look",
                         record = "record"))
    config <- if (inherits(config, c("gsd_monitoring", "gsd_design", "gsd_simon"))) config$config
              else config
    .check_config(config)
    if (length(settings) > 0L) {
      if (.is_path(config)) config <- .gsd_value(.gsd_read_config(config))
      config$monitoring[names(settings)] <- settings
    }
  } else if (length(settings) > 0L) {
    .gsd_invalid(names(settings)[1L], NULL,
                 "belongs to a new record (with config); an existing record keeps its own")
  }
  if (is.data.frame(look)) {
    if (nrow(look) != 1L) .gsd_invalid("look", .describe(look), "must be one look (one row)")
    look <- as.list(look)
  }
  if (!is.list(look)) .gsd_invalid("look", .describe(look), "must be a named list")
  look <- .look(look, "look")
  if (is.null(config)) .check_record(record, "give config to start a new record")
  else .check_new_record(record)
  out <- .gsd_value(.gsd_record_add(record, config, look, key_file, map))
  .new_monitoring(NULL, out$result, list(record = record, text = out$text,
                                         record_document = out$document))
}

#' @rdname gsd_record_add
#' @export
gsd_record_replay <- function(record, key_file = NULL, ...) {
  .check_given(missing(record), "record", .name_record)
  .check_no_extra(list(...), "gsd_record_replay")
  .check_file(record, "record", .name_record)
  .check_file(key_file, "key_file", .name_key, null_ok = TRUE)
  .check_record(record)
  out <- .gsd_value(.gsd_record_replay(record, key_file, .gsd_map("record")))
  .new_monitoring(NULL, out$result, list(record = record, changes = .changes(out$changes),
                                         text = out$text, record_document = out$document))
}

#' @rdname gsd_record_add
#' @export
gsd_record_verify <- function(record, head = NULL, key_file = NULL, ...) {
  .check_given(missing(record), "record", .name_record)
  .check_no_extra(list(...), "gsd_record_verify")
  .check_file(record, "record", .name_record)
  .check_string(head, "head", null_ok = TRUE)
  .check_file(key_file, "key_file", .name_key, null_ok = TRUE)
  .check_record(record)
  # One read of the file: its looks replayed and its chain verified. A record
  # written without hashes (version 1) is replayed, unverified; a noted head
  # cannot be checked in it, and asking refuses it.
  out <- .gsd_value(.gsd_record_verify(record, head, key_file, .gsd_map("record")))
  changes <- .changes(out$changes)
  structure(list(ok = nrow(changes) == 0L, record = record, looks = out$looks,
                 changes = changes, chain = out$chain),
            class = "gsd_record_check")
}

#' @rdname gsd_record_add
#' @param file the HTML file to write.
#' @export
gsd_record_report <- function(record, file, key_file = NULL, ...) {
  .check_given(missing(record), "record", .name_record)
  .check_given(missing(file), "file", .name_html)
  .check_no_extra(list(...), "gsd_record_report")
  .check_file(record, "record", .name_record)
  .check_file(key_file, "key_file", .name_key, null_ok = TRUE)
  .check_record(record)
  .check_file(file, "file", .name_html)
  invisible(.gsd_value(.gsd_report(NULL, record, file, .gsd_map("record"), NULL, key_file, NULL)))
}

#' The data monitoring committee's HTML report
#'
#' One self-contained HTML file (inline CSS and SVG, no external resources):
#' the design summary and planned bounds, the table of looks with decisions
#' and inference, the boundaries on the z, nominal p and hazard-ratio scales
#' with the observed path, the spending function with the alpha spent so far,
#' and conditional power against the true hazard ratio. The command line's
#' `gsd monitor --report`.
#'
#' @param x a [gsd_monitor()] result (from a config or a record).
#' @param file the HTML file to write (replaced atomically).
#' @param ... none: an argument the function does not take is refused with a
#'   `gsd_invalid_input` condition naming it.
#' @return `file`, invisibly.
#' @export
#' @examples
#' d <- gsd_design(alpha = 0.05, sided = 2, beta = 0.16,
#'                 information_fractions = c(0.5, 0.75, 1))
#' m <- gsd_monitor(d, looks = data.frame(events = 49, z = 2), planned_events = 94)
#' gsd_report(m, tempfile(fileext = ".html"))
gsd_report <- function(x, file, ...) {
  .check_given(missing(x), "x", "give a gsd_monitoring object (see gsd_monitor())")
  .check_given(missing(file), "file", .name_html)
  .check_no_extra(list(...), "gsd_report")
  if (!inherits(x, "gsd_monitoring")) {
    .gsd_invalid("x", .describe(x), "must be a gsd_monitoring object (see gsd_monitor())")
  }
  .check_file(file, "file", .name_html)
  # A record's result is reported as it stood when made (the record it kept),
  # not as the file stands now; the file is still checked against `file`.
  if (!is.null(x$record)) {
    return(invisible(.gsd_value(.gsd_report(NULL, x$record, file, .gsd_map("record"),
                                            x$record_document, NULL, NULL))))
  }
  invisible(.gsd_value(.gsd_report(x$config, NULL, file, .gsd_arguments$monitor, NULL, NULL,
                                   attr(x, "source_file"))))
}

.changes <- function(changes) {
  if (length(changes) == 0L) {
    return(data.frame(look = integer(), recorded = character(), recomputed = character()))
  }
  data.frame(look = vapply(changes, `[[`, 0L, "look"),
             recorded = vapply(changes, `[[`, "", "recorded"),
             recomputed = vapply(changes, `[[`, "", "recomputed"))
}

# A config given for a record that exists: the library's refusal ("the
# record ... already holds its design") names no argument.
.check_new_record <- function(record, call = sys.call(-1L)) {
  if (file.exists(record) && !dir.exists(record)) {
    .gsd_invalid("config", NULL, paste0(
      "is given, but record = ", .describe(record), " already holds its design: ",
      "leave config out to add a look to it, or name a new record file"), call = call)
  }
}

# A record that is not there: the library would read it as a config file and
# say "cannot read the config file", naming neither the argument nor a record.
.check_record <- function(record, todo = NULL, call = sys.call(-1L)) {
  if (is.null(todo)) {
    todo <- "give the path of a monitoring record (gsd_record_add() with config starts one)"
  }
  if (!file.exists(record)) {
    .gsd_invalid("record", .describe(record), paste0("does not exist; ", todo), call = call)
  }
}
