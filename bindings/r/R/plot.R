# Plots of gsd's results. The engine gives every curve (plot_data.hpp); this
# file only chooses what to draw. Each plot is first a "spec" (title, axis
# labels, series and reference lines), which .draw_base() draws with base
# graphics and .draw_ggplot() with ggplot2.

#' @importFrom utils globalVariables
NULL
globalVariables(c("x", "y", "series"))  # the columns named in ggplot2's aes()

.colours <- function(n) grDevices::palette.colors(max(n, 1L), "Tableau 10")[seq_len(n)]

.series <- function(x, y, label, type = "l", lty = 1, pch = 19) {
  ok <- !is.na(x) & !is.na(y)
  list(x = as.numeric(x[ok]), y = as.numeric(y[ok]), label = label, type = type, lty = lty, pch = pch)
}

# `xat`: where the x axis has its ticks (the looks of a stopping chart);
# NULL leaves them to the plotting system.
.spec <- function(main, xlab, ylab, series, hlines = NULL, vlines = NULL, log = "", ylim = NULL,
                  xat = NULL) {
  series <- Filter(function(s) length(s$x) > 0L, series)
  list(main = main, xlab = xlab, ylab = ylab, series = series, hlines = hlines, vlines = vlines,
       log = log, ylim = ylim, xat = xat)
}

.nums <- function(v) vapply(v, function(e) if (is.null(e) || is.na(e)) NA_real_ else as.numeric(e), 0)

# Design and survival-plan plots, from the engine's design_plot_data().
.design_spec <- function(x, type, scale) {
  pd <- .gsd_value(.gsd_plot_data(x$config, "design", .gsd_map("run", x$config)))
  b <- pd$boundaries
  if (type == "boundaries") {
    if (scale == "z") {
      return(.spec("Boundaries (z scale)", "information fraction", "z",
                   list(.series(b$information_fraction, .nums(b$efficacy_z), "efficacy", "b"),
                        .series(b$information_fraction, .nums(b$lower_z), "lower (harm)", "b", 2),
                        .series(b$information_fraction, .nums(b$futility_z), "futility", "b", 2),
                        # A two-sided design stops for futility when |z| is below the bound.
                        .series(b$information_fraction, .nums(b$futility_lower_z),
                                "futility (|z| below)", "b", 2)),
                   hlines = list(y = 0, label = "")))
    }
    if (scale == "p") {
      # A two-sided design's p is two-sided: 2 P(Z >= |z|); it stops for
      # futility when its p is above the futility line (|z| below the bound).
      two_sided <- any(!is.na(.nums(b$lower_z)))
      return(.spec("Boundaries (nominal p scale)", "information fraction",
                   paste0("nominal ", if (two_sided) "two" else "one", "-sided p at the bound"),
                   list(.series(b$information_fraction,
                                (if (two_sided) 2 else 1) * .nums(b$efficacy_p), "efficacy", "b"),
                        .series(b$information_fraction,
                                .nums(if (two_sided) b$futility_p_two_sided else b$futility_p),
                                "futility", "b", 2)),
                   log = "y"))
    }
    if (is.null(b$events)) {
      .gsd_invalid("scale", "\"hr\"", "needs a survival plan (gsd_survival()): the bounds on the hazard-ratio scale depend on the events at each look",
                   call = sys.call(-2L))
    }
    return(.spec("Boundaries (hazard-ratio scale)", "events", "hazard ratio at the bound",
                 list(.series(b$events, .nums(b$efficacy_hazard_ratio), "efficacy", "b"),
                      .series(b$events, .nums(b$lower_hazard_ratio), "lower (harm)", "b", 2),
                      .series(b$events, .nums(b$futility_hazard_ratio), "futility", "b", 2),
                      .series(b$events, .nums(b$futility_lower_hazard_ratio), "futility (between)", "b", 2)),
                 hlines = .margin_line(x$config, list(y = 1, label = ""))))
  }
  if (type == "spending") {
    s <- pd$spending
    if (length(s) == 0L) {
      .gsd_invalid("type", "\"spending\"", "needs a spending family: a classical boundary spends no alpha function",
                   call = sys.call(-2L))
    }
    return(.spec("Error spending", "information fraction", "cumulative error spent",
                 list(if (!is.null(s$alpha)) .series(s$alpha$x, s$alpha$y, "alpha"),
                      if (!is.null(s$beta)) .series(s$beta$x, s$beta$y, "beta", "l", 2))))
  }
  if (is.null(pd$survival)) {
    .gsd_invalid("type", paste0("\"", type, "\""), "needs a survival plan (gsd_survival())",
                 call = sys.call(-2L))
  }
  unit <- x$time_unit
  if (type == "survival") {
    s <- pd$survival
    return(.spec("Survival with the cure plateau", paste0("time (", unit, ")"), "S(t)",
                 list(.series(s$control$x, s$control$y, "control"),
                      .series(s$treatment$x, s$treatment$y, "treatment")),
                 hlines = list(y = c(s$control_cure, s$treatment_cure),
                               label = c("control cure fraction", "treatment cure fraction")),
                 ylim = c(0, 1)))
  }
  if (type == "events") {
    e <- pd$events
    looks <- e$looks
    return(.spec("Expected events over time", paste0("calendar time (", unit, ")"), "expected events",
                 list(.series(e$x, e$y, "expected events")),
                 hlines = list(y = e$event_limit, label = "events the patients can produce"),
                 vlines = list(x = .nums(lapply(looks, `[[`, "calendar_time")),
                               label = paste("look at", vapply(looks, function(l) format(l$events), "")))))
  }
  if (type == "hazard_ratio") {
    h <- pd$hazard_ratio
    return(.spec("Hazard ratio over time (treatment / control)", paste0("time (", unit, ")"),
                 "hazard ratio", list(.series(h$x, h$y, "hazard ratio")),
                 hlines = list(y = 1, label = "")))
  }
  p <- pd$power_by_hazard_ratio
  .spec("Power against the noncured hazard ratio", "hazard ratio among the noncured", "power",
        list(.series(p$x, p$y, "power")),
        vlines = .margin_line(x$config, if (!is.null(x$config$survival$hazard_ratio_noncured)) {
          list(x = x$config$survival$hazard_ratio_noncured, label = "planned")
        }, "x"),
        hlines = list(y = x$power, label = "plan's power"), ylim = c(0, 1))
}

# Lines at `lines` and, with a non-inferiority margin (hazard_ratio_h0 other
# than 1), at the margin too, on axis `axis`.
.margin_line <- function(config, lines, axis = "y") {
  margin <- config$survival$hazard_ratio_h0
  if (is.null(margin) || margin == 1) return(lines)
  if (is.null(lines)) lines <- stats::setNames(list(numeric(), character()), c(axis, "label"))
  lines[[axis]] <- c(lines[[axis]], margin)
  lines$label <- c(lines$label, "margin")
  lines
}

# A simulation's plot type: NULL is Kaplan-Meier curves for a survival
# trial, where the trials stop for a normal or binary endpoint, which has no
# event times to draw curves of.
.simulation_type <- function(x, type, call = sys.call(-1L)) {
  if (is.null(type)) return(if (is.null(x$endpoint)) "km" else "stopping")
  type <- .choice(type, c("km", "stopping"), "type", call = call)
  if (type == "km" && !is.null(x$endpoint)) {
    .gsd_invalid("type", "\"km\"", paste0(
      "needs a survival simulation: a ", x$endpoint, " endpoint's trials have no event times ",
      "to draw Kaplan-Meier curves of; plot where they stop (type = \"stopping\")"), call = call)
  }
  type
}

# The stopping chart's series at one look are this far apart, in looks.
.dodge <- 0.08

.simulation_spec <- function(x, type) {
  if (type == "stopping") {
    p <- x$per_look
    # Looks are discrete: points, not lines through them, the series side by
    # side around each look (.dodge apart) so that equal values (often 0)
    # do not hide one another, as on the command line's chart.
    drawn <- Filter(Negate(is.null), list(
      .series(p$look, p$reject, "efficacy", "p"),
      if (!is.null(p$reject_lower)) .series(p$look, p$reject_lower, "harm", "p", 2, 17),
      .series(p$look, p$futility, "futility", "p", 2, 15),
      if (!is.null(p$capped)) .series(p$look, p$capped, "capped", "p", 3, 18)))
    for (i in seq_along(drawn)) drawn[[i]]$x <- drawn[[i]]$x + (i - (length(drawn) + 1) / 2) * .dodge
    return(.spec("Where simulated trials stop", "look", "probability", drawn, xat = p$look))
  }
  pd <- x$plot_data
  series <- list(.series(pd$model$control$x, pd$model$control$y, "model: control", "l", 2),
                 .series(pd$model$treatment$x, pd$model$treatment$y, "model: treatment", "l", 2))
  for (r in pd$replicates) {
    series <- c(series, list(
      .series(r$control$x, r$control$y, paste("trial", r$replicate, "control"), "s"),
      .series(r$treatment$x, r$treatment$y, paste("trial", r$replicate, "treatment"), "s")))
  }
  .spec("Kaplan-Meier curves of simulated trials",
        paste0("time (", x$result$simulation$time_unit, ")"), "survival", series, ylim = c(0, 1))
}

.monitoring_spec <- function(x, type) {
  pd <- if (!is.null(x$record)) {
    .gsd_value(.gsd_record_plot_data(x$record_document, .gsd_map("record")))
  } else {
    .gsd_value(.gsd_plot_data(x$config, "monitor", .gsd_map("run", x$config)))
  }
  if (type == "boundaries") {
    # A survival test's looks are at events, a binary or normal endpoint's at patients.
    at <- if (is.null(pd$bounds$events)) "patients" else "events"
    # Where the library set the bounds: a weighted, MaxCombo, RMST or milestone
    # test has each look's at that look's information.
    bound <- if (identical(pd$bounds$set_at, "each_look")) {
      "efficacy bound (at each look's information)"
    } else {
      "efficacy bound (at the last look's schedule)"
    }
    return(.spec("Bounds at the observed information and the observed z", at, "z",
                 list(.series(pd$bounds[[at]], .nums(pd$bounds$efficacy_z), bound, "b"),
                      .series(pd$observed[[at]], pd$observed$z, "observed z", "b", 1, 17)),
                 hlines = list(y = 0, label = "")))
  }
  cp <- pd$conditional_power_by_hazard_ratio
  if (is.null(cp)) {
    why <- if (!is.null(x$result$monitoring$test)) {
      paste0("is not available: the ", x$result$monitoring$test$type, " test is monitored on its own ",
             "information scale, without conditional power; plot the bounds (type = \"boundaries\")")
    } else {
      "is not available: the trial has stopped"
    }
    .gsd_invalid("type", "\"conditional_power\"", why, call = sys.call(-2L))
  }
  .spec("Conditional power to the end of the trial", "true hazard ratio", "conditional power",
        list(.series(cp$x, cp$y, "conditional power")),
        vlines = list(x = pd$observed$hazard_ratio[length(pd$observed$hazard_ratio)],
                      label = "current estimate"),
        ylim = c(0, 1))
}

.draw_base <- function(spec, ...) {
  xs <- unlist(lapply(spec$series, `[[`, "x"))
  ys <- c(unlist(lapply(spec$series, `[[`, "y")), spec$hlines$y)
  if (spec$log == "y") ys <- ys[ys > 0]
  xlim <- range(c(xs, spec$vlines$x), finite = TRUE)
  ylim <- if (is.null(spec$ylim)) range(ys, finite = TRUE) else spec$ylim
  graphics::plot.new()
  graphics::plot.window(xlim = xlim, ylim = ylim, log = spec$log)
  graphics::axis(1, at = spec$xat)
  graphics::axis(2)
  graphics::box()
  # The caller's main, xlab or ylab replace the plot's own (title() would
  # refuse them twice as "matched by multiple actual arguments").
  extra <- list(...)
  labels <- list(main = spec$main, xlab = spec$xlab, ylab = spec$ylab)
  do.call(graphics::title, c(labels[setdiff(names(labels), names(extra))], extra))
  if (!is.null(spec$hlines)) {
    graphics::abline(h = spec$hlines$y, col = "grey60", lty = 3)
    graphics::text(xlim[1], spec$hlines$y, spec$hlines$label, adj = c(0, -0.4), cex = 0.7,
                   col = "grey40")
  }
  if (!is.null(spec$vlines)) {
    graphics::abline(v = spec$vlines$x, col = "grey60", lty = 3)
    graphics::mtext(spec$vlines$label, side = 3, at = spec$vlines$x, cex = 0.7, line = 0.1)
  }
  cols <- .colours(length(spec$series))
  for (i in seq_along(spec$series)) {
    s <- spec$series[[i]]
    graphics::lines(s$x, s$y, type = s$type, col = cols[i], lty = s$lty, pch = s$pch, lwd = 2)
  }
  labels <- vapply(spec$series, `[[`, "", "label")
  if (length(labels) > 1L) {
    graphics::legend("topright", legend = labels, col = cols, bty = "n", cex = 0.8,
                     # A series of points alone has no line in its key (lty 0).
                     lty = ifelse(vapply(spec$series, `[[`, "", "type") == "p", 0,
                                  vapply(spec$series, `[[`, 0, "lty")),
                     pch = ifelse(vapply(spec$series, `[[`, "", "type") %in% c("b", "p"),
                                  vapply(spec$series, `[[`, 0, "pch"), NA))
  }
  invisible(spec)
}

.draw_ggplot <- function(spec) {
  if (!requireNamespace("ggplot2", quietly = TRUE)) {
    stop("autoplot() needs the ggplot2 package; plot() draws with base graphics")
  }
  rows <- lapply(spec$series, function(s) {
    data.frame(x = s$x, y = s$y, series = s$label, type = s$type, stringsAsFactors = FALSE)
  })
  df <- do.call(rbind, rows)
  df$series <- factor(df$series, levels = unique(df$series))
  g <- ggplot2::ggplot(df, ggplot2::aes(x = x, y = y, colour = series))
  for (t in unique(df$type)) {
    sub <- df[df$type == t, ]
    if (t == "s") g <- g + ggplot2::geom_step(data = sub)
    if (t %in% c("l", "b")) g <- g + ggplot2::geom_line(data = sub)
    if (t %in% c("b", "p")) g <- g + ggplot2::geom_point(data = sub)
  }
  if (!is.null(spec$hlines)) {
    g <- g + ggplot2::geom_hline(yintercept = spec$hlines$y, colour = "grey60", linetype = 3)
  }
  if (!is.null(spec$vlines)) {
    g <- g + ggplot2::geom_vline(xintercept = spec$vlines$x, colour = "grey60", linetype = 3)
  }
  if (spec$log == "y") g <- g + ggplot2::scale_y_log10()
  if (!is.null(spec$xat)) g <- g + ggplot2::scale_x_continuous(breaks = spec$xat)
  if (!is.null(spec$ylim)) g <- g + ggplot2::coord_cartesian(ylim = spec$ylim)
  g + ggplot2::scale_colour_manual(values = unname(.colours(nlevels(df$series)))) +
    ggplot2::labs(title = spec$main, x = spec$xlab, y = spec$ylab, colour = NULL) +
    ggplot2::theme_minimal()
}

.design_types <- c("boundaries", "spending", "survival", "events", "hazard_ratio", "power")
.simon_types <- c("probabilities", "patients")

# A Simon design over the true response rate, from the engine's plot data:
# its chances of being declared promising and of stopping after stage 1, or
# its expected patients.
.simon_spec <- function(x, type) {
  pd <- .gsd_value(.gsd_plot_data(x$config, "design", .gsd_map("run", x$config)))$simon
  .simon_curves(pd, x$design, type)
}

# `observed`: a series drawn at the foot of the plot (a monitored trial's rate).
.simon_curves <- function(pd, d, type, observed = NULL) {
  title <- paste0("Simon's two-stage design ", d$r1, "/", d$n1, ", ", d$r, "/", d$n)
  rates <- list(x = c(pd$rate_h0, pd$rate_h1), label = c("p0", "p1"))
  if (type == "probabilities") {
    return(.spec(title, "true response rate", "probability",
                 list(.series(pd$rate, .nums(pd$promising), "P(promising)"),
                      .series(pd$rate, .nums(pd$early_stop), "P(stop after stage 1)", lty = 2),
                      observed),
                 hlines = list(y = c(pd$alpha, pd$power_target), label = c("alpha", "1 - beta")),
                 vlines = rates, ylim = c(0, 1)))
  }
  .spec(paste0(title, ": expected patients"), "true response rate", "patients",
        list(.series(pd$rate, .nums(pd$expected_patients), "expected patients"), observed),
        hlines = list(y = c(d$n1, pd$patients), label = c("stage 1", "both stages")),
        vlines = rates, ylim = c(0, pd$patients))
}

# A monitored Simon trial: the design's curves (its plot data, from the
# record's looks for a record's result), with the last look's observed rate
# and, once the trial has ended, its confidence interval, at the foot of the
# plot.
.simon_monitoring_spec <- function(x, type) {
  pd <- if (!is.null(x$record)) {
    .gsd_value(.gsd_record_plot_data(x$record_document, .gsd_map("record")))
  } else {
    .gsd_value(.gsd_plot_data(x$config, "monitor", .gsd_map("run", x$config)))
  }
  rate <- pd$observed$rate[length(pd$observed$rate)]
  observed <- if (is.null(pd$ci_rate)) {
    .series(rate, 0, "stage 1's rate", "p", 1, 17)
  } else {
    .series(c(pd$ci_rate[1], rate, pd$ci_rate[2]), c(0, 0, 0),
            paste0("observed rate, ", format(100 * x$final$confidence_level), "% CI"), "b", 1, 17)
  }
  .simon_curves(pd$simon, x$design, type, observed)
}

#' Plot gsd results
#'
#' `plot()` draws with base graphics; `autoplot()` returns the same picture as
#' a ggplot2 object (when ggplot2 is installed). The curves come from the gsd
#' library (the same as the command line's `--plot` SVG charts); R computes
#' none of them.
#'
#' * Designs and survival plans: `type = "boundaries"` on the z, nominal p or
#'   hazard-ratio scale (`scale = "z"`, `"p"`, `"hr"`; the last needs a survival
#'   plan), `"spending"` (cumulative alpha and beta spent), and for survival
#'   plans `"survival"` (both arms with their cure plateaus), `"events"`
#'   (expected events over calendar time with the looks), `"hazard_ratio"` (the
#'   non-proportional hazard ratio over time) and `"power"` (power against the
#'   noncured hazard ratio).
#' * Simulations: `type = "km"` (Kaplan-Meier curves of three simulated trials
#'   against the model; the default for a survival trial) and `"stopping"`
#'   (where trials stop: the probabilities of stopping for efficacy, harm,
#'   futility and at the calendar cap at each look, side by side around it so
#'   that equal values stay visible; the default, and the only
#'   plot, for a normal or binary endpoint, whose trials have no event times).
#' * Simon's two-stage design ([gsd_simon()]): `type = "probabilities"` (the
#'   chances of being declared promising and of stopping after stage 1 over
#'   the true response rate, with p0, p1, alpha and 1 - beta marked) and
#'   `"patients"` (the expected patients over the true rate).
#' * Monitoring: `type = "boundaries"` (the bounds at the observed information
#'   with the observed z) and `"conditional_power"` (against the true hazard
#'   ratio). A weighted, MaxCombo, RMST or milestone test shows each look's z
#'   against its own bound, and has no conditional power.
#' * Monitoring of Simon's design ([gsd_monitor()] of a [gsd_simon()]
#'   design): the design's plots (`type = "probabilities"` or `"patients"`)
#'   with the last look's observed rate marked at the foot of the plot, and
#'   once the trial has ended its confidence interval.
#'
#' @param x,object a gsd object.
#' @param type what to draw (see Details). For a simulation, `NULL` (the
#'   default) is `"km"` for a survival trial and `"stopping"` for a normal or
#'   binary endpoint.
#' @param scale for boundaries: `"z"`, `"p"` (the nominal p at each bound,
#'   two-sided for a two-sided design) or `"hr"`.
#' @param ... passed to [graphics::title()] by `plot()` (`main`, `xlab` and
#'   `ylab` replace the plot's own; graphical parameters such as `cex.main`);
#'   any other argument, such as `scale` for a simulation or monitoring
#'   result, is refused with a `gsd_invalid_input` condition naming it.
#'   Ignored by `autoplot()`.
#' @return `plot()`: the plot's spec, invisibly. `autoplot()`: a ggplot object.
#' @name gsd_plots
#' @examples
#' d <- gsd_design(alpha = 0.05, sided = 2, beta = 0.16,
#'                 information_fractions = c(0.5, 0.75, 1))
#' plot(d)
#' plot(d, scale = "p")
#' plot(d, type = "spending")
#' plan <- gsd_survival(d, control = cure_model(cure_fraction = 0.40, median_noncured = 7),
#'                      treatment = cure_model(cure_fraction = 0.562),
#'                      hazard_ratio_noncured = 0.63, accrual = accrual(36),
#'                      patients = 202, events = 94)
#' plot(plan, scale = "hr")
#' plot(plan, type = "survival")
#' plot(plan, type = "events")
#' plot(plan, type = "power")
#' if (requireNamespace("ggplot2", quietly = TRUE)) ggplot2::autoplot(plan, type = "survival")
NULL

#' @rdname gsd_plots
#' @export
plot.gsd_design <- function(x, type = "boundaries", scale = "z", ...) {
  .check_title_arguments(list(...), class(x)[1L])
  .draw_base(.design_spec(x, .choice(type, .design_types, "type"), .choice(scale, c("z", "p", "hr"), "scale")), ...)
}

#' @rdname gsd_plots
#' @export
plot.gsd_simon <- function(x, type = "probabilities", ...) {
  .check_title_arguments(list(...), class(x)[1L])
  .draw_base(.simon_spec(x, .choice(type, .simon_types, "type")), ...)
}

#' @rdname gsd_plots
#' @export
plot.gsd_simon_monitoring <- function(x, type = "probabilities", ...) {
  .check_title_arguments(list(...), class(x)[1L])
  .draw_base(.simon_monitoring_spec(x, .choice(type, .simon_types, "type")), ...)
}

#' @rdname gsd_plots
#' @export
plot.gsd_simulation <- function(x, type = NULL, ...) {
  .check_title_arguments(list(...), class(x)[1L])
  .draw_base(.simulation_spec(x, .simulation_type(x, type)), ...)
}

#' @rdname gsd_plots
#' @export
plot.gsd_monitoring <- function(x, type = "boundaries", ...) {
  .check_title_arguments(list(...), class(x)[1L])
  .draw_base(.monitoring_spec(x, .choice(type, c("boundaries", "conditional_power"), "type")), ...)
}

#' @rdname gsd_plots
#' @exportS3Method ggplot2::autoplot
autoplot.gsd_simon <- function(object, type = "probabilities", ...) {
  .draw_ggplot(.simon_spec(object, .choice(type, .simon_types, "type")))
}

#' @rdname gsd_plots
#' @exportS3Method ggplot2::autoplot
autoplot.gsd_simon_monitoring <- function(object, type = "probabilities", ...) {
  .draw_ggplot(.simon_monitoring_spec(object, .choice(type, .simon_types, "type")))
}

#' @rdname gsd_plots
#' @exportS3Method ggplot2::autoplot
autoplot.gsd_design <- function(object, type = "boundaries", scale = "z", ...) {
  .draw_ggplot(.design_spec(object, .choice(type, .design_types, "type"), .choice(scale, c("z", "p", "hr"), "scale")))
}

#' @rdname gsd_plots
#' @exportS3Method ggplot2::autoplot
autoplot.gsd_simulation <- function(object, type = NULL, ...) {
  .draw_ggplot(.simulation_spec(object, .simulation_type(object, type)))
}

#' @rdname gsd_plots
#' @exportS3Method ggplot2::autoplot
autoplot.gsd_monitoring <- function(object, type = "boundaries", ...) {
  .draw_ggplot(.monitoring_spec(object, .choice(type, c("boundaries", "conditional_power"), "type")))
}

# plot()'s `...` go to title(): its own arguments and the graphical
# parameters (par()). Anything else, such as `scale` for a monitoring result,
# whose bounds have no other scale, would draw the plot regardless with R's
# warning "is not a graphical parameter"; it is refused by name before
# anything is drawn.
.check_title_arguments <- function(extra, class, call = sys.call(-1L)) {
  known <- c(setdiff(names(formals(graphics::title)), "..."),
             get(".Pars", envir = asNamespace("graphics")))
  given <- if (is.null(names(extra))) rep("", length(extra)) else names(extra)
  for (i in seq_along(extra)) {
    if (!(given[i] %in% known)) {
      name <- if (nzchar(given[i])) given[i] else "..."
      .gsd_invalid(name, .describe(extra[[i]]),
                   paste0("is not an argument of plot() for a ", class,
                          " object: give type, or main, sub, xlab, ylab or a graphical parameter for title()"),
                   call = call)
    }
  }
}

.choice <- function(x, choices, name, call = sys.call(-1L)) {
  if (!is.character(x) || length(x) != 1L || !(x %in% choices)) {
    .gsd_invalid(name, .describe(x), paste("is not one of:", paste(choices, collapse = ", ")),
                 call = call)
  }
  x
}
