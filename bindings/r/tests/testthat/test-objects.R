# The S3 objects: print, summary, as.data.frame, plot, and the config they keep.

test_that("a design prints, tabulates and keeps its config", {
  d <- seed_design()
  expect_output(print(d), "Lan-DeMets O'Brien-Fleming, two-sided alpha 0.05")
  df <- as.data.frame(d)
  expect_s3_class(df, "data.frame")
  expect_identical(names(df)[1:4], c("look", "information_fraction", "efficacy_z", "futility_z"))
  expect_identical(nrow(df), 3L)
  expect_identical(df$efficacy_z, vapply(d$result$boundaries$looks, `[[`, 0, "efficacy_z"))
  expect_output(print(summary(d)), "efficacy")
  expect_identical(gsd_run(gsd_config(d)), d$result)
  f <- tempfile(fileext = ".json")
  gsd_write_config(d, f)
  expect_identical(gsd_run(f), d$result)
})

test_that("a design with a futility bound prints the chances of stopping for futility", {
  d <- gsd_design(beta = 0.1, information_fractions = 1:5 / 5, futility = "hsd",
                  futility_parameter = -2)
  printed <- capture.output(print(d))
  expect_true(any(grepl("P(fut|H0)", printed, fixed = TRUE)))
  expect_true(any(grepl("P(fut|H1)", printed, fixed = TRUE)))
  # The printed numbers are the result's, rounded: look 1's chance under H0.
  expect_true(any(grepl(gsd:::.fmt(d$bounds$probability_futility_h0[1], 4), printed, fixed = TRUE)))
  expect_true(any(grepl("P(fut|H0) obeys the bound", printed, fixed = TRUE)))
  # The last look has no futility bound: "-" in both columns, as in the
  # command line's table; the data frame keeps the result's 0.
  expect_identical(d$bounds$probability_futility_h0[5], 0)
  expect_match(printed[grep("P(fut|H0)", printed, fixed = TRUE)[1] + 5], " - +-$")
  # A binding bound is obeyed by both columns: no note.
  binding <- gsd_design(beta = 0.1, information_fractions = 1:5 / 5, futility = "hsd",
                        futility_parameter = -2, binding = TRUE)
  expect_false(any(grepl("obeys", capture.output(print(binding)))))
  # Without a futility bound the columns stay out.
  expect_false(any(grepl("P(fut|", capture.output(print(seed_design())), fixed = TRUE)))
})

test_that("a plan with a futility bound prints it and its hazard ratio", {
  # rpact 3.3.4's futilityBoundsEffectScale and futilityPerStage
  # (tests/reference/rpact_futility_effect_scale.R).
  d <- gsd_design(alpha = 0.025, beta = 0.1, information_fractions = c(0.5, 0.75, 1),
                  futility = "hsd", futility_parameter = -2)
  plan <- gsd_survival(d, control = cure_model(median_noncured = 12), hazard_ratio_noncured = 0.7,
                       accrual = accrual(24), patients = 500, events = 300, method = "schoenfeld")
  expect_equal(plan$looks$hazard_ratio_at_futility[1:2], c(0.92841511, 0.85087543), tolerance = 1e-7)
  expect_equal(plan$looks$crossing_probability_lower[1:2], c(0.04187491235, 0.04388708596),
               tolerance = 1e-7)
  expect_true(is.na(plan$looks$futility_z[3]))
  expect_output(print(plan), "HR_at_fut")
  expect_output(print(plan), "P\\(lower\\)")
  # Without a futility bound the columns stay out.
  expect_false(any(grepl("HR_at_fut", capture.output(print(seed_plan())))))
})

test_that("a survival plan, a simulation and a monitoring print", {
  plan <- seed_plan()
  expect_s3_class(plan, c("gsd_survival", "gsd_design"), exact = TRUE)
  expect_output(print(plan), "202 patients, 94 events, power 0.8391")
  expect_identical(as.data.frame(plan)$events, c(47L, 71L, 94L))
  sim <- gsd_simulate(plan, replicates = 1000, seed = 2, progress = FALSE)
  expect_output(print(sim), "1000 replicates, seed 2")
  expect_output(print(summary(sim)), "expected events")
  expect_identical(as.data.frame(sim)$reject, sim$result$simulation$reject_per_look)
  # The analyses held: every trial holds look 1 at its 47 events; the means
  # are the JSON's, and print() shows them in a table of their own.
  looks <- as.data.frame(sim)
  expect_identical(looks$held[1], 1)
  expect_identical(looks$mean_events[1:2], c(47, 71))
  expect_identical(looks$mean_time, sim$result$simulation$mean_time_per_look)
  expect_identical(looks$mean_efficacy_z, sim$result$simulation$mean_efficacy_z_per_look)
  expect_output(print(sim), "analyses held (means over the trials that held each look)", fixed = TRUE)
  expect_output(print(sim), "P(held)", fixed = TRUE)
  m <- gsd_monitor(plan, looks = data.frame(events = 49, z = 2))
  expect_output(print(m), "continue to the next look at 71 events")
  expect_output(print(summary(m)), "Predictive power")
  expect_identical(as.data.frame(m)$z, 2)
})

test_that("a plan whose final look comes before accrual ends says how many are enrolled", {
  # 1000 patients for 94 events: the 94th event is expected at month 15.21 of
  # the 36 of accrual (tests/reference/final_look_before_accrual.py).
  plan <- gsd_survival(seed_design(), control = cure_model(cure_fraction = 0.40, median_noncured = 7),
                       treatment = cure_model(cure_fraction = 0.562), hazard_ratio_noncured = 0.63,
                       accrual = accrual(36), patients = 1000, events = 94)
  expect_equal(plan$patients_at_study_end, 422.4317501815945, tolerance = 1e-9)
  expect_output(print(plan), "20.79 before accrual ends: about 422.4 of the 1000 patients are enrolled")
  expect_equal(seed_plan()$patients_at_study_end, 202)
})

test_that("plots draw the library's curves", {
  grDevices::pdf(NULL)
  on.exit(grDevices::dev.off())
  plan <- seed_plan()
  # The seed design is two-sided: so is its p scale, with the futility line
  # at the two-sided p of its |z| bound; a one-sided design's p is one-sided.
  spec <- plot(plan, scale = "p")
  expect_identical(spec$series[[1]]$y, plan$bounds$nominal_p_two_sided)
  expect_identical(spec$ylab, "nominal two-sided p at the bound")
  two <- gsd_design(alpha = 0.05, sided = 2, futility = "hsd", futility_parameter = -2)
  spec <- plot(two, scale = "p")
  futility <- function(d) d$bounds$futility_z[!is.na(d$bounds$futility_z)]  # none at the final look
  expect_equal(spec$series[[2]]$y, 2 * stats::pnorm(futility(two), lower.tail = FALSE),
               tolerance = 1e-14)
  one <- gsd_design(futility = "hsd", futility_parameter = -2)
  spec <- plot(one, scale = "p")
  expect_identical(spec$series[[1]]$y, one$bounds$nominal_p_one_sided)
  expect_identical(spec$ylab, "nominal one-sided p at the bound")
  expect_equal(spec$series[[2]]$y, stats::pnorm(futility(one), lower.tail = FALSE),
               tolerance = 1e-14)
  spec <- plot(plan, scale = "hr")
  expect_identical(spec$series[[1]]$y, plan$looks$hazard_ratio_at_bound)
  expect_identical(spec$series[[1]]$x, c(47, 71, 94))
  spec <- plot(plan)
  expect_identical(spec$series[[1]]$y, plan$bounds$efficacy_z)
  expect_identical(spec$series[[2]]$y, -plan$bounds$efficacy_z)
  spec <- plot(plan, type = "survival")
  expect_equal(range(spec$series[[1]]$y)[1], 0.4, tolerance = 0.01)  # the control's plateau
  expect_identical(spec$hlines$y, c(0.4, 0.562))
  spec <- plot(plan, type = "events")
  expect_equal(spec$vlines$x, plan$looks$calendar_time)
  spec <- plot(plan, type = "power")
  expect_true(all(diff(spec$series[[1]]$y) < 0))  # power falls as the ratio rises
  for (type in c("spending", "hazard_ratio")) expect_type(plot(plan, type = type), "list")
  sim <- gsd_simulate(plan, replicates = 500, seed = 1, progress = FALSE)
  expect_length(plot(sim)$series, 2 + 2 * 3)  # the model's arms and three trials' arms
  stops <- plot(sim, type = "stopping")
  expect_identical(stops$series[[1]]$y, sim$per_look$reject)
  # Side by side around each look: efficacy, harm, futility and capped at
  # -0.12, -0.04, 0.04 and 0.12 of a look.
  expect_equal(vapply(stops$series, function(s) s$x[1], 0), 1 + c(-0.12, -0.04, 0.04, 0.12))
  # Looks are discrete: each series is points alone.
  expect_true(all(vapply(stops$series, `[[`, "", "type") == "p"))
  if (requireNamespace("ggplot2", quietly = TRUE)) {
    layers <- vapply(ggplot2::autoplot(sim, type = "stopping")$layers,
                     function(l) class(l$geom)[1], "")
    expect_true(all(layers == "GeomPoint"))
  }
  m <- gsd_monitor(plan, looks = data.frame(events = 49, z = 2))
  expect_identical(plot(m)$series[[2]]$y, 2)
  expect_identical(plot(m)$series[[1]]$label, "efficacy bound (at the last look's schedule)")
  expect_type(plot(m, type = "conditional_power"), "list")
  d <- seed_design()
  expect_error(plot(d, scale = "hr"), class = "gsd_invalid_input")
  expect_error(plot(d, type = "survival"), class = "gsd_invalid_input")
  expect_error(plot(d, type = "bounds"), class = "gsd_invalid_input")
})

test_that("plot() refuses by name an argument that neither it nor title() takes", {
  grDevices::pdf(NULL)
  on.exit(grDevices::dev.off())
  plan <- seed_plan()
  m <- gsd_monitor(plan, looks = data.frame(events = 49, z = 2))
  # Only a design's or a plan's bounds have other scales; a monitoring plot
  # drew its z-scale bounds with R's "not a graphical parameter" warning.
  e <- tryCatch(plot(m, scale = "p"), gsd_invalid_input = function(e) e, warning = function(w) w)
  expect_s3_class(e, "gsd_invalid_input")
  expect_identical(e$argument, "scale")
  expect_match(conditionMessage(e),
               "^scale = \"p\" is not an argument of plot\\(\\) for a gsd_monitoring object: give type")
  sim <- gsd_simulate(plan, replicates = 200, seed = 1, progress = FALSE)
  e <- tryCatch(plot(sim, scale = "p"), gsd_invalid_input = function(e) e)
  expect_identical(e$argument, "scale")
  e <- tryCatch(plot(plan, scael = "p"), gsd_invalid_input = function(e) e)
  expect_identical(e$argument, "scael")
  expect_match(conditionMessage(e), "for a gsd_survival object", fixed = TRUE)
  e <- tryCatch(plot(m, "boundaries", "p"), gsd_invalid_input = function(e) e)
  expect_identical(e$argument, "...")
  # title()'s own arguments and graphical parameters still go through.
  spec <- tryCatch(plot(m, main = "Look 1", sub = "z", cex.main = 0.8, col.lab = "grey40"),
                   warning = function(w) w)
  expect_identical(spec$series[[2]]$y, 2)
})

test_that("a non-inferiority plan's plots draw the margin", {
  grDevices::pdf(NULL)
  on.exit(grDevices::dev.off())
  path <- example_file("examples/non-inferiority/survival-margin-1.3.json", "no-such-file.json")
  skip_if(!nzchar(path) || !file.exists(path), "needs the repository's examples")
  plan <- gsd_run(path, "design")
  ni <- gsd_survival(gsd_design(alpha = 0.025, beta = 0.2, information_fractions = c(0.5, 1)),
                     control = cure_model(median_noncured = 12), hazard_ratio_noncured = 1,
                     hazard_ratio_h0 = 1.3, method = "schoenfeld", accrual = accrual(24),
                     follow_up = 12, power = 0.8)
  expect_identical(ni$events, plan$sample_size$events)
  # The bounds on the hazard-ratio scale are margin x exp(-z / sqrt(I)), as
  # the plan's own column, and the margin is drawn beside HR 1.
  spec <- plot(ni, scale = "hr")
  expect_equal(spec$series[[1]]$y, ni$looks$hazard_ratio_at_bound, tolerance = 1e-12)
  expect_equal(spec$hlines$y, c(1, 1.3))
  # The power curve runs up to the margin, marked beside the planned ratio.
  spec <- plot(ni, type = "power")
  expect_gt(max(spec$series[[1]]$x), 1.25)
  expect_equal(spec$vlines$x, c(1, 1.3))
})

test_that("autoplot() gives ggplot objects when ggplot2 is installed", {
  skip_if_not_installed("ggplot2")
  plan <- seed_plan()
  for (type in c("boundaries", "spending", "survival", "events", "power")) {
    expect_s3_class(ggplot2::autoplot(plan, type = type), "ggplot")
  }
  sim <- gsd_simulate(plan, replicates = 300, seed = 1, progress = FALSE)
  expect_s3_class(ggplot2::autoplot(sim), "ggplot")
})

test_that("the monitoring report is one self-contained HTML file", {
  m <- gsd_monitor(seed_design(), looks = data.frame(events = 49, z = 2), planned_events = 94)
  f <- tempfile(fileext = ".html")
  expect_identical(gsd_report(m, f), f)
  html <- paste(readLines(f), collapse = "\n")
  expect_match(html, "<svg")
  expect_false(grepl("<script|src=\"http", html))
})

test_that("format() returns the lines print() shows", {
  d <- seed_design()
  plan <- seed_plan(d)
  sim <- gsd_simulate(plan, replicates = 200, seed = 2, progress = FALSE)
  m <- gsd_monitor(plan, looks = list(list(events = 49, z = 2.0)))
  check <- function(x, first) {
    lines <- format(x)
    expect_type(lines, "character")
    expect_identical(lines[1], first)
    expect_identical(capture.output(print(x)), lines)
    expect_identical(capture.output(res <- print(x)), lines)
    expect_identical(res, x)
  }
  check(d, "<gsd design>")
  expect_identical(format(d)[2], "Lan-DeMets O'Brien-Fleming, two-sided alpha 0.05, beta 0.16 (power 0.84), 3 looks")
  expect_length(format(d), 7L)  # title, header, table heading, three looks, drift line
  check(plan, "<gsd design>")
  expect_match(format(plan)[3], "202 patients, 94 events, power 0.8391")
  check(sim, "<gsd simulation>")
  check(m, "<gsd monitoring>")
  check(summary(d), "Group-sequential design, 3 looks")
  expect_identical(format(cure_model(cure_fraction = 0.4, median_noncured = 7)),
                   "<gsd arm> cure_fraction = 0.4; median_noncured = 7")
  # A latency's parts by name: they printed as "weibull = 12.0,  1.5" and
  # "piecewise = 0.00, 6.00, 0.10, 0.05", the starts and rates run together.
  expect_identical(format(cure_model(cure_fraction = 0.3, weibull = c(scale = 12, shape = 1.5))),
                   "<gsd arm> cure_fraction = 0.3; weibull = (scale 12; shape 1.5)")
  expect_identical(format(cure_model(piecewise = list(starts = c(0, 6), rates = c(0.1, 0.05)))),
                   "<gsd arm> piecewise = (starts 0, 6; rates 0.10, 0.05)")
  # digits reach the numbers, as print's
  expect_false(identical(format(d, digits = 6), format(d)))
  expect_identical(capture.output(print(d, digits = 6)), format(d, digits = 6))
})

test_that("plot() takes the caller's main, xlab and ylab in place of its own", {
  # title() saw main twice and refused: "matched by multiple actual arguments".
  drawn_title <- function(expr) {
    grDevices::pdf(NULL)
    on.exit(grDevices::dev.off())
    grDevices::dev.control("enable")
    force(expr)
    items <- grDevices::recordPlot()[[1]]
    calls <- Filter(function(i) identical(i[[2]][[1]]$name, "C_title"), items)
    expect_length(calls, 1L)
    calls[[1]][[2]][2:5]  # main, sub, xlab, ylab
  }
  d <- gsd_design(information_fractions = c(0.5, 1))
  own <- drawn_title(plot(d))
  expect_identical(own[[1]], "Boundaries (z scale)")
  mine <- drawn_title(plot(d, main = "Trial 42", ylab = "z"))
  expect_identical(mine[[1]], "Trial 42")
  expect_identical(mine[[3]], own[[3]])
  expect_identical(mine[[4]], "z")
})

test_that("print() and format() refuse digits that are no number of significant digits", {
  # NA reached formatC() as R's "missing value where TRUE/FALSE needed"; 0
  # printed every number to no digits ("drift 3.").
  d <- seed_design()
  for (digits in list(NA, "a", 0, -1, 2.5, 23, c(3, 4))) {
    e <- tryCatch(print(d, digits = digits), gsd_invalid_input = function(e) e)
    expect_s3_class(e, "gsd_invalid_input")
    expect_identical(e$argument, "digits")
    expect_identical(e$rule, "must be a whole number from 1 to 22")
  }
  expect_s3_class(tryCatch(format(seed_plan(), digits = NA), gsd_invalid_input = function(e) e),
                  "gsd_invalid_input")
  expect_identical(format(d, digits = 1L)[3], format(d, digits = 1)[3])
})

test_that("one look is counted in the singular", {
  expect_match(format(gsd_design(information_fractions = 1))[2], ", 1 look$")
  expect_match(format(seed_design())[2], ", 3 looks$")
})

test_that("an endpoint's monitoring shows patients, the effect and its repeated CI", {
  # print() said "median-unbiased HR , 95% CI  to " after a stop (the
  # endpoint has an effect, no hazard ratio), and the repeated CI of the
  # effect stayed a list column while the hazard ratio's is rci_lower/upper.
  src <- Sys.getenv("GSD_SOURCE_DIR")
  file <- file.path(src, "examples", "endpoint-monitoring", "binary-noninferiority.json")
  if (!nzchar(src) || !file.exists(file)) skip("GSD_SOURCE_DIR does not name the repository")
  m <- gsd_monitor(file)
  looks <- m$result$monitoring$looks
  expect_identical(names(m$looks)[1:2], c("look", "patients"))
  expect_false("repeated_ci_effect" %in% names(m$looks))
  expect_identical(m$looks$rci_lower, vapply(looks, function(l) l$repeated_ci_effect[1], 0))
  expect_identical(m$looks$rci_upper, vapply(looks, function(l) l$repeated_ci_effect[2], 0))
  expect_identical(match("rci_lower", names(m$looks)), match("effect", names(m$looks)) + 1L)
  f <- m$result$monitoring$final
  last <- utils::tail(format(m), 1L)
  expect_identical(last, paste0(
    "After the stop at look 2 (stage-wise ordering): p-value ", formatC(f$p_value, 4, format = "fg", flag = "#"),
    ", median-unbiased effect ", formatC(f$median_unbiased_effect, 4, format = "fg", flag = "#"),
    ", 95% CI ", formatC(f$ci_effect[1], 4, format = "fg", flag = "#"), " to ",
    formatC(f$ci_effect[2], 4, format = "fg", flag = "#")))
})

test_that("an endpoint's monitoring plot is drawn at its patients", {
  # The series were read at events, which an endpoint's plot data does not
  # have: an empty plot and "no non-missing arguments to min" warnings.
  src <- Sys.getenv("GSD_SOURCE_DIR")
  file <- file.path(src, "examples", "endpoint-monitoring", "normal-two-sample.json")
  if (!nzchar(src) || !file.exists(file)) skip("GSD_SOURCE_DIR does not name the repository")
  grDevices::pdf(NULL)
  on.exit(grDevices::dev.off())
  m <- gsd_monitor(file)
  spec <- expect_silent(plot(m))
  expect_identical(spec$xlab, "patients")
  expect_identical(spec$series[[2]]$x, m$looks$patients)
  expect_identical(spec$series[[2]]$y, m$looks$z)
  expect_length(spec$series[[1]]$x, length(spec$series[[1]]$y))
})

test_that("a weighted test's monitoring plots each look's z against its own bound", {
  src <- Sys.getenv("GSD_SOURCE_DIR")
  file <- file.path(src, "examples", "weighted-monitoring", "fh01.json")
  if (!nzchar(src) || !file.exists(file)) skip("GSD_SOURCE_DIR does not name the repository")
  grDevices::pdf(NULL)
  on.exit(grDevices::dev.off())
  m <- gsd_monitor(file)
  looks <- m$result$monitoring$looks
  spec <- plot(m)
  expect_identical(spec$series[[1]]$y, vapply(looks, function(l) l$efficacy_z, 0))
  expect_identical(spec$series[[1]]$label, "efficacy bound (at each look's information)")
  expect_identical(spec$series[[2]]$y, vapply(looks, function(l) l$z, 0))
  expect_identical(spec$series[[2]]$x, vapply(looks, function(l) as.numeric(l$events), 0))
  e <- invalid(plot(m, type = "conditional_power"))
  expect_identical(e$argument, "type")
  expect_match(conditionMessage(e), "fleming-harrington test is monitored on its own information scale")
})

test_that("an endpoint's simulation prints its patients, power and stopping, no survival fields", {
  # It printed "expected events , patients 133.9, duration ; capped ".
  file <- example_file("configs/normal-two-sample.json", "no-such-file.json")
  skip_if(!file.exists(file), "needs the repository's configs")
  s <- gsd_simulate(file, replicates = 200, seed = 1, progress = FALSE)
  expect_identical(s$endpoint, "normal")
  expect_identical(as.data.frame(s)$patients, c(92L, 138L, 184L))
  expect_false(any(c("events", "capped", "held", "mean_time") %in% names(as.data.frame(s))))
  expect_identical(format(s), c(
    "<gsd simulation> Two-sample comparison of means: difference 0.5 sd, power 0.9, three looks",
    "200 replicates, seed 1, normal endpoint, 184 patients: power 0.9150 (MC SE 0.020), analytic 0.9004",
    " look patients reject cumulative futility",
    "    1       92 0.2650     0.2650  0.02000",
    "    2      138 0.5000     0.7650  0.02000",
    "    3      184 0.1500     0.9150        0",
    "expected patients 133.9 (the plan's under H1 134.4)"))
  for (path in c("configs/binary-noninferiority.json", "examples/boundaries/endpoint-futility.json")) {
    lines <- format(gsd_simulate(example_file(path, "no-such-file.json"), replicates = 200, seed = 1,
                                 progress = FALSE))
    expect_match(lines[2], "binary endpoint", fixed = TRUE, label = path)
    expect_match(lines[length(lines)], "^expected patients [0-9.]+ \\(the plan's under H1 [0-9.]+\\)$")
    expect_false(any(grepl("expected events|duration|capped| ,|, ;", lines)), label = path)
  }
  # A survival simulation keeps its events, duration and capping.
  sim <- gsd_simulate(seed_plan(), replicates = 200, seed = 1, progress = FALSE)
  expect_null(sim$endpoint)
  expect_identical(utils::tail(format(sim), 1L),
                   "expected events 71.62, patients 186.6, duration 40.36; capped 0.0300")
})

test_that("a single-arm simulation carries and prints its exact power", {
  # The responder count enumerated over the looks at the 73 patients
  # simulated (tests/simulate/exact_binomial_test.cpp has the value from an
  # independent enumeration); other trials have none.
  file <- example_file("examples/single-arm/response-rate.json", "no-such-file.json")
  skip_if(!file.exists(file), "needs the repository's examples")
  s <- gsd_simulate(file, replicates = 2000, seed = 1, progress = FALSE)
  expect_equal(s$exact_power, 0.823243710555436, tolerance = 1e-12)
  expect_lt(abs(s$power - s$exact_power), 4 * sqrt(0.18 * 0.82 / 2000))
  expect_match(format(s)[2], ", exact 0.8232$")
  other <- gsd_simulate(example_file("configs/binary-noninferiority.json", "no-such-file.json"),
                        replicates = 100, seed = 1, progress = FALSE)
  expect_null(other$exact_power)
})

test_that("an endpoint's simulation plots where its trials stop, and refuses Kaplan-Meier curves by type", {
  # plot() failed with "need finite 'xlim' values" and warnings, autoplot()
  # with "`data` must be a <data.frame>": there are no survival curves.
  file <- example_file("configs/normal-two-sample.json", "no-such-file.json")
  skip_if(!file.exists(file), "needs the repository's configs")
  grDevices::pdf(NULL)
  on.exit(grDevices::dev.off())
  s <- gsd_simulate(file, replicates = 200, seed = 1, progress = FALSE)
  spec <- expect_silent(plot(s))
  expect_identical(spec$main, "Where simulated trials stop")
  expect_identical(vapply(spec$series, `[[`, "", "label"), c("efficacy", "futility"))
  expect_identical(spec$series[[1]]$y, c(0.265, 0.5, 0.15))
  expect_identical(spec$series[[2]]$y, c(0.02, 0.02, 0))
  expect_identical(plot(s, type = "stopping"), spec)
  e <- invalid(plot(s, type = "km"))
  expect_identical(e$argument, "type")
  expect_identical(conditionMessage(e), paste0(
    "type = \"km\" needs a survival simulation: a normal endpoint's trials have no event times to ",
    "draw Kaplan-Meier curves of; plot where they stop (type = \"stopping\")"))
  for (path in c("configs/binary-noninferiority.json", "examples/boundaries/endpoint-futility.json")) {
    b <- gsd_simulate(example_file(path, "no-such-file.json"), replicates = 200, seed = 1,
                      progress = FALSE)
    expect_identical(expect_silent(plot(b))$series[[1]]$y, b$per_look$reject, label = path)
  }
  skip_if_not_installed("ggplot2")
  g <- ggplot2::autoplot(s)
  expect_s3_class(g, "ggplot")
  expect_identical(g$labels$title, "Where simulated trials stop")
  expect_identical(invalid(ggplot2::autoplot(s, type = "km"))$argument, "type")
})

test_that("very small and very large numbers print in scientific notation, whole numbers without a point", {
  # p-values printed as 0.000...0003553 (z = 12) or some 300 characters (z =
  # 40), a K = 25 design's columns 130 characters wide, hazard ratios as "91911.".
  d <- seed_design()
  m <- gsd_monitor(d, looks = data.frame(events = 49, z = 12), planned_events = 94)
  expect_identical(utils::tail(format(m), 1L), paste(
    "After the stop at look 1 (stage-wise ordering): p-value 3.553e-33, median-unbiased HR 0.03243,",
    "95% CI 0.01853 to 0.05678"))
  m <- gsd_monitor(d, looks = data.frame(events = 49, z = 40), planned_events = 94)
  expect_identical(utils::tail(format(m), 1L), paste(
    "After the stop at look 1 (stage-wise ordering): p-value 1.000e-300, median-unbiased HR 1.088e-05,",
    "95% CI 6.215e-06 to 1.905e-05"))
  m <- gsd_monitor(d, looks = data.frame(events = 49, z = -40), planned_events = 94)
  expect_identical(utils::tail(format(m), 1L), paste(
    "After the stop at look 1 (stage-wise ordering): p-value 1.000e-300, median-unbiased HR 91911,",
    "95% CI 52501 to 160904"))
  tight <- gsd_design(alpha = 1e-6, beta = 1e-4, information_fractions = 1:25 / 25)
  lines <- format(tight)
  expect_lte(max(nchar(lines[3:(length(lines) - 1L)])), 80L)  # the table
  expect_identical(lines[4], "    1  0.04000      24.43          - 4.117e-132 4.117e-132 4.117e-132")
  # The usual numbers print as before: four significant digits, trailing zeros kept.
  expect_identical(format(d)[4:6], c(
    "    1   0.5000      2.963          -  0.003051  0.003051  0.003051    0.1967",
    "    2   0.7500      2.359          -   0.01832   0.01930   0.01625    0.3955",
    "    3    1.000      2.014          -   0.04400   0.05000   0.03070    0.2478"))
  # As format() does, a scipen penalty keeps fixed notation.
  old <- options(scipen = 100)
  on.exit(options(old))
  expect_match(utils::tail(format(gsd_monitor(d, looks = data.frame(events = 49, z = 12),
                                              planned_events = 94)), 1L),
               "p-value 0\\.0{32}3553,")
})

test_that("gsd_plan() gives a config's design or survival plan as the R functions build it", {
  seed <- system.file("extdata", "blinatumomab-20120215.json", package = "gsd")
  p <- gsd_plan(seed)
  expect_s3_class(p, "gsd_survival")
  built <- seed_plan()
  # The file's plan is the one gsd_survival() builds from the same numbers:
  # the same bounds and sample size to the bit (the names differ).
  expect_identical(p$result$boundaries, built$result$boundaries)
  expect_identical(p$result$sample_size, built$result$sample_size)
  expect_identical(p$looks, built$looks)
  expect_output(print(p), "202 patients, 94 events, power 0.8391")
  # Its config is the file's, as a list that gsd_simulate() and gsd_run() take.
  expect_type(p$config, "list")
  expect_identical(p$config$survival$events, 94L)
  expect_identical(gsd_run(p$config), gsd_run(seed))
  # A design-only config gives a gsd_design, equal to gsd_design()'s.
  d <- gsd_plan(list(design = list(alpha = 0.05, sided = 2, beta = 0.16,
                                   information_fractions = c(0.5, 0.75, 1))))
  expect_identical(class(d), "gsd_design")
  expect_identical(d$result$boundaries, seed_design()$result$boundaries)
})

test_that("gsd_plan() names a bad field as the config was given, and refuses other tests", {
  err <- function(expr) tryCatch(expr, gsd_invalid_input = function(e) conditionMessage(e))
  expect_match(err(gsd_plan(list(design = list(alpha = 2)))), "^config\\$design\\$alpha = 2 must lie")
  f <- tempfile(fileext = ".json")
  writeLines('{"design": {"alpha": 7}}', f)
  expect_match(err(gsd_plan(f)), "^design\\.alpha = 7 must lie")
  expect_match(err(gsd_plan(file.path(tempdir(), "none.json"))), "^config = \".*none.json\" does not exist")
  expect_match(err(gsd_plan()), "^config is missing")
  expect_match(err(gsd_plan(f, seed = 1)), "^seed = 1 is not an argument of gsd_plan\\(\\): give config$")
  endpoint <- list(design = list(information_fractions = c(0.5, 1)),
                   endpoint = list(type = "normal", mean_difference = 0.3, sd = 1, power = 0.9))
  expect_match(err(gsd_plan(endpoint)), "^config has an endpoint section .*gsd_run\\(config\\)")
  test <- gsd_config(seed_plan())
  test$survival$test <- list(type = "maxcombo")
  expect_match(err(gsd_plan(test)), "^config has a survival test other than the log-rank test")
  # The log-rank test named explicitly is the default test, not another one.
  test$survival$test <- list(type = "log-rank")
  expect_identical(gsd_plan(test)$result$sample_size$power, seed_plan()$result$sample_size$power)
  # A survival section that is no object reaches the library, which names it.
  test$survival <- "x"
  expect_error(gsd_plan(test), class = "gsd_invalid_input", regexp = "config\\$survival")
})

test_that("a simulation's side tests are data frames of the JSON's values", {
  # Two tests on the same replicates; the log-rank test meets the design's
  # bounds at looks 1 and 2 (no trial reaches the cap by then).
  plan <- seed_plan()
  fh01 <- list(type = "fleming-harrington", rho = 0, gamma = 1)
  sim <- gsd_simulate(plan, replicates = 300, seed = 5, progress = FALSE,
                      tests = list(fh01, list(type = "log-rank")))
  tests <- sim$result$simulation$tests
  expect_identical(sim$tests$test, 1:2)
  expect_identical(sim$tests$label, c("FH(0, 1)", "log-rank"))
  expect_identical(sim$tests$power, c(tests[[1]]$power, tests[[2]]$power))
  expect_identical(sim$tests$analytic_power, c(tests[[1]]$analytic_power, tests[[2]]$analytic_power))
  looks <- sim$test_looks
  expect_identical(looks$test, rep(1:2, each = 3L))
  expect_identical(looks$look, rep(1:3, 2L))
  expect_identical(looks$reject[1:3], tests[[1]]$reject_per_look)
  expect_identical(looks$mean_efficacy_z[1:3], tests[[1]]$mean_efficacy_z_per_look)
  expect_identical(looks$efficacy_z[4:6], vapply(plan$result$boundaries$looks, `[[`, 0, "efficacy_z"))
  # (means of fixed-point sums, 2^-32 per trial: equal within 1e-9)
  expect_equal(looks$mean_efficacy_z[4:5], looks$efficacy_z[4:5], tolerance = 1e-9)
  expect_output(print(sim), "tests on the same replicates", fixed = TRUE)
  expect_output(print(sim), "FH(0, 1)", fixed = TRUE)
  expect_output(print(summary(sim)), "efficacy z met", fixed = TRUE)
  # Without such tests: no rows, the same columns.
  plain <- gsd_simulate(plan, replicates = 50, seed = 5, progress = FALSE)
  expect_identical(nrow(plain$tests), 0L)
  expect_identical(names(plain$tests), names(sim$tests))
  expect_identical(nrow(plain$test_looks), 0L)
  expect_identical(names(plain$test_looks), names(looks))
  expect_output(print(plain), "analyses held")
})
