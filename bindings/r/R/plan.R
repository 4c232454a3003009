#' The design or survival plan of a config
#'
#' What `gsd design CONFIG` computes, as an R object: a config's `design`
#' section gives a [gsd_design()] object and, with a `survival` section for
#' the log-rank test, a [gsd_survival()] plan, with their print, plot,
#' `as.data.frame()` and `summary()` methods. Designers who keep a trial's
#' config in a file (the repository's `configs/blinatumomab-20120215.json`,
#' or one written by [gsd_write_config()]) get the same object the R
#' functions build, and can pass it on to [gsd_simulate()] and
#' [gsd_monitor()].
#'
#' A survival section with another `test` (weighted log-rank, MaxCombo, RMST,
#' milestone) or a normal or binary `endpoint` section is refused: its plan
#' is not a log-rank plan, and [gsd_run()] returns all of it (the command
#' line's JSON), [gsd_simulate()] simulates it. Simon's two-stage design
#' (`design$type = "simon-two-stage"`) is refused too: [gsd_simon()] designs
#' it, [gsd_monitor()] monitors its looks, and [gsd_run()] returns it.
#'
#' @param config a JSON config file (its path), or a config as a list with
#'   a `design` section (and optionally `survival`).
#' @param ... nothing: a misspelt argument is refused rather than ignored.
#' @return A `gsd_design`, or a `gsd_survival` (also a `gsd_design`) when the
#'   config has a survival section; their `$config` is the config as a list.
#' @seealso [gsd_design()], [gsd_survival()], [gsd_run()] for the command
#'   line's JSON of any config.
#' @export
#' @examples
#' seed <- system.file("extdata", "blinatumomab-20120215.json", package = "gsd")
#' plan <- gsd_plan(seed)
#' plan                 # 202 patients, 94 events, power 0.8391 (event-driven)
#' plan$looks$calendar_time
#' gsd_plan(list(design = list(alpha = 0.05, sided = 2, information_fractions = c(0.5, 1))))
gsd_plan <- function(config, ...) {
  .check_given(missing(config), "config", "give a config: a JSON file path or a list")
  .check_no_extra(list(...), "gsd_plan")
  cfg <- .plan_config(config, "config")
  if (.is_path(cfg)) cfg <- .gsd_value(.gsd_read_config(cfg))
  # An explicit {"type": "log-rank"} is the default test; a type that is no
  # string, or a survival section that is no object, is left to the library,
  # which names it.
  test <- if (is.list(cfg$survival) && is.list(cfg$survival$test)) cfg$survival$test$type
  given <- if (.is_path(config)) .describe(config)
  # Simon's two-stage design has counts for bounds and exact probabilities:
  # neither a plan here nor a trial to simulate (gsd_monitor() takes its looks).
  if (is.list(cfg$design) && identical(cfg$design$type, "simon-two-stage")) {
    .gsd_invalid("config", given,
                 paste("is Simon's two-stage design (design$type = \"simon-two-stage\"); gsd_plan()",
                       "gives group-sequential designs and log-rank plans: gsd_simon() designs it",
                       "from its rates, gsd_monitor(config) monitors its looks, and gsd_run(config)",
                       "returns it as the command line's JSON"))
  }
  other <- if (!is.null(cfg$endpoint)) {
    "has an endpoint section (a normal or binary endpoint)"
  } else if (is.character(test) && length(test) == 1L && !identical(test, "log-rank")) {
    paste0("has a survival test other than the log-rank test (survival$test$type = ",
           .describe(test), ")")
  }
  if (!is.null(other)) {
    .gsd_invalid("config", given,
                 paste0(other, "; gsd_plan() gives designs and log-rank plans: gsd_run(config) ",
                        "returns its plan as the command line's JSON, gsd_simulate(config) simulates it"))
  }
  map <- .source_map("plan", config, "config")
  out <- .gsd_value(.gsd_run(cfg, "design", list(), map, .tables))
  if (is.null(cfg$survival)) .new_design(cfg, out) else .new_survival(cfg, out)
}
