# The one place where a config field becomes the R argument a user typed.
# The library names a bad field by its JSON path from the config's root
# ("survival.control.cure_fraction"); each R function passes its map to the
# C++ call, which rewrites the longest matching prefix into the R name and
# writes the rest in R's style (src/guard.cpp): "control$cure_fraction",
# "information_fractions[3]". An empty R name drops the prefix. A path that no
# entry matches is written in R's style from the config's root, or as the
# JSON path when the map has "*" = "json" (a config given as a file).

.map <- function(...) {
  pairs <- list(...)
  stats::setNames(vapply(pairs, `[[`, "", 2L), vapply(pairs, `[[`, "", 1L))
}

.gsd_arguments <- list(
  design = .map(
    c("design", ""),
    c("design.efficacy.spending", "efficacy"),
    c("design.efficacy.parameter", "efficacy_parameter"),
    c("design.efficacy.cumulative", "efficacy_parameter"),
    c("design.efficacy", "efficacy"),
    c("design.futility.spending", "futility"),
    c("design.futility.parameter", "futility_parameter"),
    c("design.futility.cumulative", "futility_parameter"),
    c("design.futility.binding", "binding"),
    c("design.futility", "futility")
  ),
  survival = .map(
    c("survival", ""),
    c("survival.accrual.piecewise", "accrual"),
    c("design", "design")
  ),
  simon = .map(
    c("design", ""),
    c("endpoint.rate", "rate"),
    c("endpoint.margin", "margin"),
    c("endpoint", "")
  ),
  plan = .map(
    c("survival", "config"),
    c("design", "config")
  ),
  simulate = .map(
    c("options", ""),
    c("simulation", ""),
    c("survival", "plan"),
    c("design", "plan")
  ),
  monitor = .map(
    c("monitoring", ""),
    c("monitoring.looks", "looks"),
    c("survival", "x"),
    c("design", "x")
  ),
  record = .map(
    c("monitoring", ""),
    c("monitoring.looks", "looks"),
    c("monitoring.looks.new", "look"),
    c("options", "")
  ),
  run = .map(
    c("", "config"),
    c("options", ""),
    c("command", "command"),
    c("batch", "batch"),
    c("plot", "plot"),
    c("replicate_data", "replicate_data"),
    c("report", "report"),
    c("record", "record"),
    c("monitoring.looks.new", "add_look")
  )
)

# The map of R function `fun`; a config given as a file keeps its JSON paths
# (the call's own arguments, such as replicates, keep their R names).
.gsd_map <- function(fun, config = NULL) {
  m <- .gsd_arguments[[fun]]
  if (.is_path(config)) m <- c(m[names(m) %in% c("options", "command", "batch", "plot", "replicate_data",
                                                  "report", "monitoring.looks.new")],
                               "*" = "json")
  m
}

.is_path <- function(x) is.character(x) && length(x) == 1L && is.null(names(x))

# The map of R function `fun` for a config the user gave as its argument
# `argument` (`source`, as given), where the call itself set the fields
# `given` (JSON path = R argument, see .given()). A gsd object's config was
# written by this package and `fun`'s map names its fields; a list is named as
# the user wrote it ("x$design$efficacy$parameter", not "x$efficacy$parameter",
# which names nothing the user has), a file by its JSON paths. Read into a
# list on the way, a file still speaks JSON: the map is made from `source`.
.source_map <- function(fun, source, argument, given = character()) {
  if (is.object(source)) return(c(.gsd_arguments[[fun]], given))
  own <- c(.map(c("options", "")), given)
  if (.is_path(source)) return(c(own, "*" = "json"))
  c(.map(c("", argument)), own)
}

# The fields a call set from its own arguments: `values` (a named list)
# written under `section`, each named by its argument.
.given <- function(section, values) {
  if (length(values) == 0L) return(character())
  stats::setNames(names(values), paste0(section, ".", names(values)))
}
