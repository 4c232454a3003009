#' Run a gsd config as the command line does
#'
#' `gsd_run()` takes a config in the command line's JSON (a file path, or the
#' same structure as an R list) and returns what `gsd <command> CONFIG
#' --format json` prints, as the R list that
#' `jsonlite::fromJSON(text, simplifyDataFrame = FALSE, simplifyMatrix = FALSE)`
#' makes of it: value for value equal to the command line's output. Objects
#' become named lists, arrays of numbers, strings or logicals become vectors
#' (JSON `null` in them becomes `NA`; whole numbers become integers), other
#' arrays stay lists, and `null` is `NULL`.
#'
#' In a config given as a list, a vector of length one is a JSON scalar; wrap
#' it in [I()] (or use [list()]) where the JSON needs an array, e.g.
#' `information_fractions = I(1)`. Named vectors become JSON objects and
#' `NULL` elements are left out.
#'
#' Every feature of the command line is reachable here, by the same names:
#' `format = "text"` and `"csv"` return what `--format text` and `--format
#' csv` print (one string); `plot` writes the SVG charts of `--plot`;
#' `replicate_data` the CSV of `--replicate-data`; `report` the HTML report
#' of `--report`; `record` replays a monitoring record (`--record FILE`) or,
#' with `add_look`, appends a look to it (`--record FILE add-look`); `batch`
#' runs `--batch FILE.jsonl --format jsonl --threads threads`; `log_level` writes the solver
#' diagnostics of `--log-level` on R's error stream. Files are written as the
#' command line writes them (atomically, nothing on failure or interrupt).
#'
#' @param config a path to a JSON config file, or the config as a list
#'   (`NULL` with `batch`, or with `record` to replay or extend an existing
#'   record).
#' @param command `"design"`, `"simulate"` or `"monitor"`.
#' @param replicates,seed,max_duration for `"simulate"`: the number of
#'   simulated trials, the random seed and the calendar cap, overriding the
#'   config's `simulation` section (`NULL`: the config's, else 10000, 1 and the
#'   default cap). A seed of 2^53 or more is given as a string of digits, as
#'   for [gsd_simulate()].
#' @param threads OpenMP threads for `"simulate"`; with `batch`, the lines run
#'   at once (each simulation then on one thread). The results do not depend
#'   on it.
#' @param format `"json"` (the list), `"text"` or `"csv"` (the printed text).
#' @param plot for `"design"` and `"simulate"`: an SVG file to write the
#'   command line's charts to.
#' @param replicate_data for `"simulate"`: a CSV file to write one row per
#'   replicate and look to.
#' @param report for `"monitor"`: an HTML file to write the committee's report
#'   to.
#' @param record for `"monitor"`: a monitoring record file to replay, or to
#'   append `add_look` to (`config` then starts a new record).
#' @param add_look with `record`: the look to append, a named list (or a
#'   one-row data frame) with `events` and one of `z`, `p_two_sided` with
#'   `direction`, or `hazard_ratio`; optionally `final`, `date` and `note`
#'   (Simon's two-stage design: `n` and `responders`, optionally `date` and
#'   `note`).
#' @param key_file with `record`: the file that holds the committee's secret
#'   key for a keyed record (HMAC-SHA-256 chain; the command line's
#'   `--key-file`), as for [gsd_record_add()]; a new record started with it is
#'   keyed.
#' @param batch for `"design"` and `"simulate"`: a file of configs, one JSON
#'   object per line (`--batch FILE.jsonl --format jsonl`); the result is a
#'   list with one command-line result (or `list(error = "...")`) per line, in
#'   input order. With `"simulate"`, `replicates`, `seed` and `max_duration`
#'   apply to every line. Ctrl-C stops a batch: no line starts after it, a
#'   simulation line stops after its chunk of replicates in flight, and the
#'   call ends with R's interrupt and no result.
#' @param log_level `"off"`, `"info"` (phases and their times) or `"debug"`
#'   (every root search, grid and simulation chunk), on R's error stream.
#' @param progress show a progress bar while simulating.
#' @param ... none: an argument the function does not take is refused with a
#'   `gsd_invalid_input` condition naming it.
#' @return The command line's JSON result as a list, or with `format =
#'   "text"` or `"csv"` the printed text as one string.
#' @seealso [gsd_design()], [gsd_survival()], [gsd_simulate()] and
#'   [gsd_monitor()] for the same computations with R arguments and S3 results.
#' @export
#' @examples
#' seed <- system.file("extdata", "blinatumomab-20120215.json", package = "gsd")
#' res <- gsd_run(seed)
#' res$boundaries$drift
#' res$sample_size$power
#' sapply(res$boundaries$looks, `[[`, "efficacy_z")
#'
#' # the same config as a list
#' cfg <- list(design = list(alpha = 0.025, information_fractions = c(0.5, 0.75, 1),
#'                           efficacy = list(spending = "lan-demets-obf")))
#' gsd_run(cfg)$boundaries$inflation_factor
#'
#' sim <- gsd_run(seed, "simulate", replicates = 2000, seed = 1)
#' sim$simulation$power
#'
#' # the command line's text, CSV, charts and diagnostics
#' cat(gsd_run(seed, format = "text"))
#' read.csv(text = gsd_run(seed, format = "csv"))[, 1:4]
#' gsd_run(seed, plot = tempfile(fileext = ".svg"), log_level = "info")$boundaries$drift
#'
#' # a monitoring record: two looks, then the replay and its report
#' rec <- tempfile(fileext = ".json")
#' gsd_run(seed, "monitor", record = rec, add_look = list(events = 49, z = 2))
#' gsd_run(NULL, "monitor", record = rec, add_look = list(events = 71, z = 2.6))
#' gsd_run(NULL, "monitor", record = rec, report = tempfile(fileext = ".html"),
#'         format = "csv")
gsd_run <- function(config, command = "design", replicates = NULL, seed = NULL,
                    threads = 1L, max_duration = NULL, format = "json", plot = NULL,
                    replicate_data = NULL, report = NULL, record = NULL, add_look = NULL,
                    key_file = NULL, batch = NULL, log_level = "off", progress = interactive(),
                    ...) {
  if (missing(config)) config <- NULL
  .check_no_extra(list(...), "gsd_run")
  .check_string(command, "command")
  .choice(format, c("json", "text", "csv"), "format")
  .choice(log_level, c("off", "info", "debug"), "log_level")
  files <- list(plot = plot, replicate_data = replicate_data, report = report, record = record,
                batch = batch)
  what <- c(plot = "name an SVG file", replicate_data = "name a CSV file", report = .name_html,
            record = .name_record, batch = "name a batch file (JSON lines)")
  for (name in names(files)) .check_file(files[[name]], name, what[[name]], null_ok = TRUE)
  .only(command, "simulate", list(replicates = replicates, seed = seed,
                                  max_duration = max_duration, replicate_data = replicate_data))
  if (!(is.numeric(threads) && length(threads) == 1L && isTRUE(threads == 1)) && is.null(batch)) {
    .only(command, "simulate", list(threads = threads))
  }
  if (!is.null(batch) && !(command %in% c("design", "simulate"))) {
    .gsd_invalid("batch", batch, "applies to command = \"design\" or \"simulate\" only")
  }
  .only(command, "monitor", list(report = report, record = record, add_look = add_look,
                                 key_file = key_file))
  .check_file(key_file, "key_file", .name_key, null_ok = TRUE)
  if (!is.null(key_file) && is.null(record)) {
    .gsd_invalid("key_file", key_file, "needs record = : the keyed record file it reads and extends")
  }
  if (!is.null(add_look) && is.null(record)) {
    # Without a record the look would be dropped and the config's looks
    # decided as if it had never been given (the command line refuses it too).
    .gsd_invalid("add_look", NULL, "needs record = : the record file to append the look to")
  }
  if (!is.null(plot) && command == "monitor") {
    .gsd_invalid("plot", plot, paste("applies to command = \"design\" or \"simulate\" only;",
                                     "a monitoring report is report ="))
  }
  if (!is.null(batch)) {
    if (!is.null(config) || !is.null(plot) || !is.null(replicate_data) || format != "json") {
      .gsd_invalid("batch", batch, "runs alone: give no config, plot, replicate_data or format")
    }
  } else if (!is.null(record) && is.null(add_look)) {
    if (!is.null(config)) {
      .gsd_invalid("config", .describe(config), "give either a config or a record to replay, not both")
    }
  } else if (!is.null(config) || is.null(record)) {
    if (is.null(config)) .gsd_invalid("config", NULL, "is missing: give a config (a path or a list)")
    .check_config(config)
  }
  if (!is.null(add_look)) add_look <- .add_look(add_look)
  if (!is.null(add_look) && !is.null(config)) .check_new_record(record)
  request <- .simulation_request(replicates, seed, threads, max_duration, progress)
  options <- c(request, list(format = format, log_level = log_level, plot = plot,
                             replicate_data = replicate_data, report = report, record = record,
                             add_look = add_look, key_file = key_file, batch = batch))
  .gsd_value(.gsd_cli(config, command, options, .gsd_map("run", config)))
}

# Options given to a command they do not belong to.
.only <- function(command, wanted, values, call = sys.call(-1L)) {
  for (name in names(values)) {
    if (!is.null(values[[name]]) && command != wanted) {
      .gsd_invalid(name, .describe(values[[name]]),
                   paste0("applies to command = \"", wanted, "\" only"), call = call)
    }
  }
}

# The look of add_look: a named list or a one-row data frame.
.add_look <- function(look, call = sys.call(-1L)) {
  if (is.data.frame(look)) {
    if (nrow(look) != 1L) {
      .gsd_invalid("add_look", .describe(look), "must be one look (one row)", call = call)
    }
    look <- as.list(look)
  }
  if (!is.list(look) || is.null(names(look)) || any(names(look) == "")) {
    .gsd_invalid("add_look", .describe(look), "must be a named list", call = call)
  }
  .look(look, "add_look", call = call)
}

.simulation_request <- function(replicates, seed, threads, max_duration, progress,
                                 call = sys.call(-1L)) {
  .check_number(replicates, "replicates", null_ok = TRUE, call = call)
  # A seed of 2^53 or more is exact only as a string of digits (R's doubles).
  if (!(is.character(seed) && length(seed) == 1L && !is.na(seed))) {
    .check_number(seed, "seed", null_ok = TRUE, call = call)
  }
  .check_number(threads, "threads", call = call)
  .check_number(max_duration, "max_duration", null_ok = TRUE, call = call)
  .check_flag(progress, "progress", call = call)
  list(replicates = if (is.null(replicates)) NULL else as.double(replicates),
       seed = if (is.null(seed) || is.character(seed)) seed else as.double(seed),
       threads = as.double(threads),
       max_duration = if (is.null(max_duration)) NULL else as.double(max_duration),
       progress = progress)
}

#' The version of the gsd library the package runs
#'
#' The command line's `gsd --version`: the version of the C++ library that the
#' package was linked against (see `docs/r.md`, "How the package gets the
#' engine").
#'
#' @param ... none: an argument the function does not take is refused with a
#'   `gsd_invalid_input` condition naming it.
#' @return The version as a string, e.g. `"0.1.0"`.
#' @export
#' @examples
#' gsd_version()
gsd_version <- function(...) {
  .check_no_extra(list(...), "gsd_version")
  .gsd_version()
}
