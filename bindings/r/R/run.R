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
#' @param config a path to a JSON config file, or the config as a list.
#' @param command `"design"`, `"simulate"` or `"monitor"`.
#' @param replicates,seed,max_duration for `"simulate"`: the number of
#'   simulated trials, the random seed and the calendar cap, overriding the
#'   config's `simulation` section (`NULL`: the config's, else 10000, 1 and the
#'   default cap).
#' @param threads OpenMP threads for `"simulate"`. The results do not depend on
#'   it.
#' @param progress show a progress bar while simulating.
#' @return The command line's JSON result as a list.
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
gsd_run <- function(config, command = "design", replicates = NULL, seed = NULL,
                    threads = 1L, max_duration = NULL, progress = interactive()) {
  .check_config(config)
  .check_string(command, "command")
  request <- .simulation_request(replicates, seed, threads, max_duration, progress)
  .gsd_value(.gsd_run(config, command, request, .gsd_map("run", config), character()))
}

.simulation_request <- function(replicates, seed, threads, max_duration, progress,
                                 call = sys.call(-1L)) {
  .check_number(replicates, "replicates", null_ok = TRUE, call = call)
  .check_number(seed, "seed", null_ok = TRUE, call = call)
  .check_number(threads, "threads", call = call)
  .check_number(max_duration, "max_duration", null_ok = TRUE, call = call)
  .check_flag(progress, "progress", call = call)
  list(replicates = if (is.null(replicates)) NULL else as.double(replicates),
       seed = if (is.null(seed)) NULL else as.double(seed),
       threads = as.double(threads),
       max_duration = if (is.null(max_duration)) NULL else as.double(max_duration),
       progress = progress)
}
