# The library's failures as R conditions. Every C++ call returns either its
# value or a "gsd_failure" (src/guard.hpp); .gsd_value() turns the latter into
# a condition of class
#   gsd_invalid_input:   bad input; fields argument (the R argument, e.g.
#                        "control$cure_fraction"), path (the config's JSON
#                        path), value and rule;
#   gsd_numerical_error: a method that did not reach its target; fields best,
#                        residual and iterations;
# each also of class "gsd_error", "error" and "condition".

.gsd_value <- function(x, call = sys.call(-1L)) {
  if (!inherits(x, "gsd_failure")) return(x)
  cond <- structure(
    c(list(message = x$message, call = call), x$fields),
    class = c(x$class, "gsd_error", "error", "condition")
  )
  stop(cond)
}

# Bad input found on the R side, before the library is called.
.gsd_invalid <- function(argument, value, rule, call = sys.call(-1L)) {
  msg <- if (is.null(value)) paste(argument, rule) else paste(argument, "=", value, rule)
  stop(structure(
    list(message = msg, call = call, argument = argument, path = NA_character_,
         value = if (is.null(value)) NA_character_ else value, rule = rule),
    class = c("gsd_invalid_input", "gsd_error", "error", "condition")
  ))
}

#' Conditions raised by gsd
#'
#' Every gsd function signals its failures as R conditions that can be caught
#' by class with [tryCatch()] or [withCallingHandlers()]:
#'
#' * `gsd_invalid_input`: bad input. The message names the R argument, the
#'   value and the rule it breaks, e.g.
#'   `control$cure_fraction = 1.2 must lie in [0, 1)`. The condition carries
#'   `argument` (the R argument, as in the message), `path` (the field of the
#'   config JSON, as the command line names it), `value` and `rule`.
#' * `gsd_numerical_error`: a method that did not reach its target (no bracket,
#'   iterations exhausted). It carries `best`, `residual` and `iterations`.
#'
#' Both also have class `gsd_error`. A user interrupt of [gsd_simulate()]
#' (Ctrl-C, Esc) is R's own `interrupt` condition.
#'
#' @name gsd_conditions
#' @examples
#' e <- tryCatch(gsd_design(information_fractions = c(0.6, 0.4, 1)),
#'               gsd_invalid_input = function(e) e)
#' conditionMessage(e)
#' e$argument
#' e$path
NULL
