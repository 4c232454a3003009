# gsd_simon(): Simon's two-stage design against Simon's (1989) Table 1 (the
# same values as clinfun's ph2simon), its admissible designs, its conditions
# naming the R arguments, and its text, JSON and CSV against the command line's.

test_that("the optimal and minimax designs are Simon's (1989) Table 1 designs", {
  s <- gsd_simon(rate = 0.3, margin = 0.1, alpha = 0.05, beta = 0.2)
  expect_s3_class(s, "gsd_simon")
  expect_identical(s$criterion, "optimal")
  d <- s$design
  expect_s3_class(d, "data.frame")
  expect_identical(nrow(d), 1L)
  expect_identical(names(d), c("r1", "n1", "r", "n", "alpha", "power", "early_stop_h0",
                               "expected_patients_h0", "early_stop_h1", "expected_patients_h1"))
  expect_identical(c(d$r1, d$n1, d$r, d$n), c(1L, 10L, 5L, 29L))
  expect_near(d$expected_patients_h0, 15.0141203471, 1e-12)
  expect_near(d$early_stop_h0, 0.7360989291, 1e-12)
  expect_near(d$alpha, 0.0470863066438913, 1e-12)
  expect_near(d$power, 0.805062913150325, 1e-12)

  m <- gsd_simon(rate = 0.3, margin = 0.1, criterion = "minimax")
  expect_identical(m$criterion, "minimax")
  expect_identical(c(m$design$r1, m$design$n1, m$design$r, m$design$n), c(1L, 15L, 5L, 25L))
  expect_near(m$design$expected_patients_h0, 19.5095698108094, 1e-12)
  # The same search: the same admissible designs, the other one chosen.
  expect_identical(m$designs, s$designs)
  expect_identical(m$config$design$criterion, "minimax")
  # The operating characteristics are the chosen design's: at p0 its alpha,
  # at p1 its power.
  for (x in list(s, m)) {
    oc <- x$operating_characteristics
    expect_identical(names(oc), c("rate", "promising", "early_stop", "expected_patients"))
    expect_identical(oc$promising[abs(oc$rate - 0.1) < 1e-12], x$design$alpha)
    expect_identical(oc$promising[abs(oc$rate - 0.3) < 1e-12], x$design$power)
    expect_identical(oc$expected_patients[abs(oc$rate - 0.1) < 1e-12], x$design$expected_patients_h0)
  }
  expect_identical(s$single_stage, list(n = 25L, r = 5L))
})

test_that("the admissible designs run from the minimax design to the optimal one", {
  s <- gsd_simon(rate = 0.3, margin = 0.1)
  a <- as.data.frame(s)
  expect_identical(a, s$designs)
  expect_identical(names(a), c("design", "r1", "n1", "r", "n", "alpha", "power", "early_stop_h0",
                               "expected_patients_h0", "early_stop_h1", "expected_patients_h1",
                               "weight_low", "weight_high"))
  expect_identical(nrow(a), 4L)
  expect_identical(a$n, c(25L, 26L, 27L, 29L))
  expect_identical(a$n1, c(15L, 12L, 11L, 10L))
  expect_identical(a$design, c("minimax", "admissible", "admissible", "optimal"))
  # The weights on n cover [0, 1] without a gap, from q = 1 (minimax) down.
  expect_identical(a$weight_high[1], 1)
  expect_identical(a$weight_low[4], 0)
  expect_identical(a$weight_low[-4], a$weight_high[-1])
  # The last row is the optimal design, the first the minimax one.
  expect_identical(as.list(a[4, names(s$design)]), as.list(s$design))
  # One design that is both minimax and optimal.
  both <- gsd_simon(rate = 0.7, margin = 0.1)
  expect_identical(both$designs$design, "both")
  expect_identical(both$designs$weight_low, 0)
  expect_identical(both$designs$weight_high, 1)
  # A bound at the minimax design's 25 patients leaves it alone: both.
  small <- gsd_simon(rate = 0.3, margin = 0.1, max_patients = 25)
  expect_identical(small$designs$design, "both")
  expect_identical(small$design, gsd_simon(rate = 0.3, margin = 0.1, criterion = "minimax")$design)
})

test_that("gsd_simon() writes the config it ran, with alpha, beta, criterion and the bound", {
  s <- gsd_simon(rate = 0.3, margin = 0.1, name = "phase II")
  cfg <- gsd_config(s)
  expect_identical(cfg$design, list(type = "simon-two-stage", alpha = 0.05, beta = 0.2,
                                    criterion = "optimal", max_patients = 100))
  expect_identical(cfg$endpoint, list(type = "binary", groups = 1L, rate = 0.3, margin = 0.1))
  expect_identical(s$name, "phase II")
  expect_identical(gsd_run(cfg), s$result)
  expect_identical(s$result$design_type, "simon-two-stage")
  expect_identical(s$result$simon_two_stage$max_patients, 100L)
  # A smaller bound that still holds the designs gives the same designs.
  expect_identical(gsd_simon(rate = 0.3, margin = 0.1, max_patients = 29)$designs, s$designs)
})

test_that("print(), format() and as.data.frame() are the command line's text and CSV", {
  f <- tempfile(fileext = ".json")
  for (s in list(gsd_simon(rate = 0.3, margin = 0.1),
                 gsd_simon(rate = 0.3, margin = 0.1, criterion = "minimax", name = "minimax trial"),
                 gsd_simon(rate = 0.7, margin = 0.1, alpha = 0.1, beta = 0.1),
                 gsd_simon(rate = 0.3, margin = 0.1, max_patients = 25))) {
    gsd_write_config(s, f)
    text <- cli_stdout(c("design", f, "--format", "text"))
    expect_identical(s$text, text)
    expect_identical(paste0(paste(format(s), collapse = "\n"), "\n"), text)
    printed <- capture.output(out <- print(s))
    expect_identical(out, s)
    expect_identical(paste0(paste(printed, collapse = "\n"), "\n"), text)
    expect_identical(s$result, cli_json(c("design", f)))
    csv <- utils::read.csv(text = cli_stdout(c("design", f, "--format", "csv")))
    expect_equal(as.data.frame(s), csv, tolerance = 0)
  }
  expect_match(format(gsd_simon(0.3, 0.1, name = "Ph II"))[1], "^Ph II$")
})

test_that("the repository's example runs as gsd_simon() with the same numbers", {
  src <- Sys.getenv("GSD_SOURCE_DIR")
  example <- file.path(src, "examples", "single-arm", "simon-two-stage.json")
  if (!nzchar(src) || !file.exists(example)) testthat::skip("needs GSD_SOURCE_DIR (the repository)")
  expect_identical(gsd_run(example)$simon_two_stage, gsd_simon(rate = 0.3, margin = 0.1)$result$simon_two_stage)
})

test_that("bad input is a gsd_invalid_input naming the R argument", {
  check <- function(expr, argument, path, pattern) {
    e <- invalid(expr)
    expect_identical(e$argument, argument)
    expect_identical(e$path, path)
    expect_match(conditionMessage(e), pattern)
  }
  check(gsd_simon(rate = 0.1, margin = 0.3), "rate", "endpoint.rate",
        "^rate = 0.1 must exceed the null rate 0.3")
  check(gsd_simon(rate = 0.3, margin = 0.1, max_patients = 20), "max_patients", "design.max_patients",
        "^max_patients = 20 is too small: .* raise max_patients$")
  check(gsd_simon(rate = 0.3, margin = 0.1, max_patients = 501), "max_patients", "design.max_patients",
        "^max_patients = 501 must lie in \\[2, 500\\]")
  check(gsd_simon(rate = 0.3, margin = 0.1, max_patients = 40.5), "max_patients", "design.max_patients",
        "^max_patients = 40.5 must be a whole number")
  check(gsd_simon(rate = 0.3, margin = 0), "margin", "endpoint.margin", "^margin = 0 must lie in \\(0, 1\\)")
  check(gsd_simon(rate = 1.2, margin = 0.1), "rate", "endpoint.rate", "^rate = 1.2 must lie in \\(0, 1\\)")
  check(gsd_simon(rate = 0.3, margin = 0.1, alpha = 0.7), "alpha", "design.alpha", "^alpha = 0.7 must lie")
  check(gsd_simon(rate = 0.3, margin = 0.1, alpha = "0.05"), "alpha", "design.alpha",
        "^alpha = \"0.05\" must be a number, not a string$")
  check(gsd_simon(rate = 0.3, margin = 0.1, beta = c(0.1, 0.2)), "beta", "design.beta",
        "^beta = c\\(0.1, 0.2\\) must be a number, not a vector$")
  check(gsd_simon(rate = 0.3, margin = 0.1, criterion = "best"), "criterion", "design.criterion",
        "^criterion = \"best\" is not one of: optimal, minimax$")
  check(gsd_simon(rate = 0.3, margin = 0.1, criterion = c("minimax", "optimal")), "criterion", NA_character_,
        "^criterion = c\\(\"minimax\", \"optimal\"\\) must be a single string$")
  check(gsd_simon(rate = factor("0.3"), margin = 0.1), "rate", NA_character_, "^rate = factor")
  check(gsd_simon(margin = 0.1), "rate", NA_character_, "^rate is missing: give the response rate")
  check(gsd_simon(rate = 0.3), "margin", NA_character_, "^margin is missing: give the response rate")
  check(gsd_simon(0.3, 0.1, maxpatients = 50), "maxpatients", NA_character_,
        "^maxpatients = 50 is not an argument of gsd_simon\\(\\): give rate, margin, alpha, beta")
  check(gsd_simon(0.3, 0.1, name = 1), "name", NA_character_, "^name = 1 must be a single string$")
})

test_that("gsd_plan() and gsd_simulate() refuse a Simon config as R conditions; gsd_monitor() asks for looks", {
  s <- gsd_simon(rate = 0.3, margin = 0.1)
  f <- tempfile(fileext = ".json")
  gsd_write_config(s, f)
  e <- invalid(gsd_plan(s$config))
  expect_identical(e$argument, "config")
  expect_match(conditionMessage(e),
               "^config is Simon's two-stage design .*gsd_simon\\(\\).*gsd_monitor\\(config\\).*gsd_run\\(config\\)")
  e <- invalid(gsd_plan(f))
  expect_match(conditionMessage(e), "^config = \".*\" is Simon's two-stage design")
  # The library's refusals (the command line's exit 2), named as given.
  e <- invalid(gsd_simulate(s$config, replicates = 100, progress = FALSE))
  expect_identical(e$argument, "plan$design$type")
  expect_identical(e$path, "design.type")
  expect_match(conditionMessage(e), "is not simulated")
  e <- invalid(gsd_simulate(f, replicates = 100, progress = FALSE))
  expect_identical(e$argument, "design.type")
  # The design is monitored (test-simon-monitoring.R), given its looks.
  e <- invalid(gsd_run(s$config, "monitor"))
  expect_identical(e$argument, "config$monitoring")
  expect_match(conditionMessage(e), "needs a monitoring section with its looks")
  expect_identical(invalid(gsd_monitor(s))$argument, "looks")
  # The object itself is not a plan to simulate.
  expect_identical(invalid(gsd_simulate(s))$argument, "plan")
})

test_that("plots draw the library's curves of a Simon design", {
  grDevices::pdf(NULL)
  on.exit(grDevices::dev.off())
  s <- gsd_simon(rate = 0.3, margin = 0.1)
  spec <- plot(s)
  expect_identical(spec$main, "Simon's two-stage design 1/10, 5/29")
  expect_length(spec$series, 2L)
  expect_length(spec$series[[1]]$x, 199L)
  # The engine's curve passes through the design's alpha at p0 and power at p1.
  at <- function(rate) which(abs(spec$series[[1]]$x - rate) < 1e-12)
  expect_equal(spec$series[[1]]$y[at(0.1)], s$design$alpha, tolerance = 1e-12)
  expect_equal(spec$series[[1]]$y[at(0.3)], s$design$power, tolerance = 1e-12)
  expect_identical(spec$vlines$x, c(0.1, 0.3))
  expect_identical(spec$hlines$y, c(0.05, 0.8))
  spec <- plot(s, type = "patients")
  expect_equal(spec$hlines$y, c(10, 29))
  expect_equal(spec$series[[1]]$y[at(0.1)], s$design$expected_patients_h0, tolerance = 1e-12)
  e <- invalid(plot(s, type = "boundaries"))
  expect_identical(e$argument, "type")
})
