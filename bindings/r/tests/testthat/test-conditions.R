# Bad input raises gsd_invalid_input naming the R argument, the value and the
# rule; a numerical failure raises gsd_numerical_error.

test_that("design arguments are named as in the call", {
  e <- invalid(gsd_design(information_fractions = c(0.5, 0.4, 1)))
  expect_identical(conditionMessage(e),
                   "information_fractions[2] = 0.4 must be greater than the previous fraction 0.5")
  expect_identical(e$argument, "information_fractions[2]")
  expect_identical(e$path, "design.information_fractions[1]")
  expect_identical(e$value, "0.4")
  e <- invalid(gsd_design(efficacy = "hsd"))
  expect_identical(e$argument, "efficacy_parameter")
  expect_match(conditionMessage(e), "^efficacy_parameter is missing: hsd needs gamma")
  e <- invalid(gsd_design(efficacy = "hsd", efficacy_parameter = "a"))
  expect_identical(conditionMessage(e), "efficacy_parameter = \"a\" must be a number, not a string")
  e <- invalid(gsd_design(efficacy = "poccock"))
  expect_identical(e$argument, "efficacy")
  expect_match(conditionMessage(e), "did you mean \"pocock\"")
  expect_identical(invalid(gsd_design(alpha = 0.7))$argument, "alpha")
  expect_identical(invalid(gsd_design(sided = 3))$argument, "sided")
  e <- invalid(gsd_design(efficacy = "user", efficacy_parameter = c(0.1, 1)))
  expect_identical(e$argument, "efficacy_parameter")
  e <- invalid(gsd_design(futility = "hsd", futility_parameter = -2, beta = 0.9))
  expect_identical(e$argument, "beta")
  expect_identical(invalid(gsd_design(binding = TRUE))$argument, "binding")
  expect_identical(invalid(gsd_design(information_fractions = "a"))$argument,
                   "information_fractions")
  e <- invalid(gsd_design(solver = list(grid_r = 2)))
  expect_identical(conditionMessage(e), "solver$grid_r = 2 must lie in [4, 200]")
})

test_that("survival arguments name the arm and its field", {
  d <- seed_design()
  plan <- function(...) {
    args <- list(design = d, control = cure_model(cure_fraction = 0.4, median_noncured = 7),
                 hazard_ratio_noncured = 0.63, accrual = accrual(36), patients = 202, events = 94)
    new <- list(...)
    args[names(new)] <- new
    do.call(gsd_survival, args)
  }
  e <- invalid(plan(control = cure_model(cure_fraction = 1.2, median_noncured = 7)))
  expect_identical(conditionMessage(e), "control$cure_fraction = 1.2 must lie in [0, 1)")
  expect_identical(e$path, "survival.control.cure_fraction")
  e <- invalid(plan(control = cure_model(weibull = c(shape = -1, scale = 3))))
  expect_identical(e$argument, "control$weibull$shape")
  e <- invalid(plan(accrual = accrual(durations = c(6, 30), rates = c(1, -3))))
  expect_identical(e$argument, "accrual$rates[2]")
  # 202 patients, cure 40% in both arms: at most 121.2 events.
  e <- invalid(plan(events = 130))
  expect_identical(e$argument, "events")
  expect_match(conditionMessage(e), "exceeds the .* events that 202 patients can ever produce")
  e <- invalid(plan(treatment = cure_model(cure_fraction = NaN)))
  expect_identical(conditionMessage(e), "treatment$cure_fraction = NaN must be a finite number")
  expect_identical(invalid(plan(time_unit = "fortnights"))$argument, "time_unit")
  expect_identical(invalid(plan(dropout = c(control = -1)))$argument, "dropout$control")
  # Sizes that fit no solve mode concern the call as a whole.
  e <- invalid(plan(power = 0.8))
  expect_identical(e$argument, NA_character_)
  expect_identical(e$path, "survival")
  expect_match(conditionMessage(e), "^give patients and events \\(for the power\\)")
  expect_identical(invalid(gsd_survival("x", control = cure_model()))$argument, "design")
})

test_that("simulation and run options keep their R names", {
  plan <- seed_plan()
  expect_identical(conditionMessage(invalid(gsd_simulate(plan, replicates = 0, progress = FALSE))),
                   "replicates = 0 must be a whole number in [1, 9223372036854775807]")
  expect_identical(invalid(gsd_simulate(plan, seed = -1, progress = FALSE))$argument, "seed")
  expect_identical(invalid(gsd_simulate(plan, threads = 0, progress = FALSE))$argument, "threads")
  expect_identical(invalid(gsd_simulate(plan, max_duration = -5, progress = FALSE))$argument,
                   "max_duration")
  expect_identical(invalid(gsd_simulate(plan, block_size = 3, progress = FALSE))$argument,
                   "block_size")
  expect_identical(invalid(gsd_simulate(seed_design(), progress = FALSE))$argument, "plan")
  # Non-finite values as R writes them (they read "inf" and "-inf").
  expect_identical(conditionMessage(invalid(gsd_simulate(plan, replicates = Inf, progress = FALSE))),
                   "replicates = Inf must be a whole number in [1, 9223372036854775807]")
  e <- invalid(gsd_simulate(plan, replicates = 10, max_duration = Inf, progress = FALSE))
  expect_identical(conditionMessage(e), "max_duration = Inf must lie in (0, 1e6]")
  expect_identical(e$value, "Inf")
  expect_identical(invalid(gsd_simulate(plan, threads = -Inf, progress = FALSE))$value, "-Inf")
  e <- invalid(gsd_run(list(design = list(alpha = 0.025, information_fractions = c(0.6, 0.4, 1)))))
  expect_identical(e$argument, "config$design$information_fractions[2]")
  expect_identical(invalid(gsd_run(plan$config, "desgn"))$argument, "command")
  f <- tempfile(fileext = ".json")
  writeLines('{"design": {"alpha": 2}}', f)
  # A config file speaks of its own JSON fields, as the command line does.
  expect_identical(conditionMessage(invalid(gsd_run(f))), "design.alpha = 2 must lie in (0, 0.5); give the type I error from 1e-06 up to below 0.5, e.g. 0.025 one-sided or 0.05 with sided = 2 (alpha is then the total of both sides)")
  expect_identical(invalid(gsd_run(file.path(tempdir(), "absent.json")))$argument, "config")
})

test_that("monitoring looks are named by row", {
  d <- seed_design()
  e <- invalid(gsd_monitor(d, looks = data.frame(events = c(49, 40), z = c(1, 2)),
                           planned_events = 94))
  expect_identical(conditionMessage(e), "looks[2]$events = 40 must exceed the previous look's 49 events")
  e <- invalid(gsd_monitor(d, looks = data.frame(events = 49, z = NaN), planned_events = 94))
  expect_identical(e$argument, "looks[1]$z")
  e <- invalid(gsd_monitor(d, looks = list(list(events = 49, p_two_sided = 0.01)), planned_events = 94))
  expect_match(e$argument, "^looks\\[1\\]")
  expect_identical(invalid(gsd_monitor(d, looks = list(list(events = 49, z = 1))))$argument,
                   "planned_events")
})

test_that("a refused look names `look` and leaves the record as it was", {
  f <- tempfile(fileext = ".json")
  gsd_record_add(f, list(events = 49, z = 3.5), config = seed_design(), planned_events = 94)
  before <- readBin(f, "raw", file.size(f))
  e <- invalid(gsd_record_add(f, list(events = 71, z = 2)))
  expect_identical(e$argument, "look$events")
  expect_match(conditionMessage(e), "after the trial stopped")
  # gsd_run()'s add_look is named the same way by the library's refusal.
  e <- invalid(gsd_run(NULL, "monitor", record = f, add_look = list(events = 71, z = 2)))
  expect_identical(e$argument, "add_look$events")
  expect_match(conditionMessage(e), "after the trial stopped")
  e <- invalid(gsd_record_add(f, list(events = 30, z = NaN)))
  expect_identical(conditionMessage(e), "look$z = NaN must be a finite number")
  expect_identical(readBin(f, "raw", file.size(f)), before)
  expect_identical(invalid(gsd_record_add(f, list(events = 71, z = 2), planned_events = 90))$argument,
                   "planned_events")
})

test_that("a numerical failure is a gsd_numerical_error with what was reached", {
  # No valid input is known to make the library fail, so the failure is
  # thrown by a test helper inside the same guard as every call.
  e <- tryCatch(gsd:::.gsd_value(gsd:::.gsd_throw("numerical")),
                gsd_numerical_error = function(e) e)
  expect_s3_class(e, c("gsd_numerical_error", "gsd_error", "error", "condition"), exact = TRUE)
  expect_match(conditionMessage(e), "^numerical failure: no bracket for a test")
  expect_identical(c(e$best, e$residual, e$iterations), c(1.5, 0.25, 7))
})

test_that("time scales a billion apart are refused as input, naming the arm", {
  d <- gsd_design(information_fractions = c(0.5, 0.75, 1))
  # A noncured median of 1e12 months against 36 of accrual: once a failed
  # root search, now the rule on the model's time scales.
  e <- tryCatch(gsd_survival(d, control = cure_model(median_noncured = 1e12),
                             hazard_ratio_noncured = 0.63, accrual = accrual(36),
                             patients = 202, events = 94),
                gsd_invalid_input = function(e) e)
  expect_s3_class(e, "gsd_invalid_input")
  expect_match(conditionMessage(e), "within a factor of 1e9 of each other")
})

test_that("NA is refused, not replaced by the default", {
  # Written as JSON null, NA read as "not given": a cure fraction of NA was 0
  # and the seed plan's power 0.9999994 instead of 0.8391.
  d <- seed_design()
  plan <- function(...) {
    args <- list(design = d, control = cure_model(cure_fraction = 0.4, median_noncured = 7),
                 treatment = cure_model(cure_fraction = 0.562), hazard_ratio_noncured = 0.63,
                 accrual = accrual(36), patients = 202, events = 94)
    new <- list(...)
    args[names(new)] <- new
    do.call(gsd_survival, args)
  }
  rule <- "is not a value: give a number, or leave the argument out (NULL) for its default"
  e <- invalid(plan(control = cure_model(cure_fraction = NA, median_noncured = 7)))
  expect_identical(conditionMessage(e), paste("control$cure_fraction = NA", rule))
  expect_identical(e$argument, "control$cure_fraction")
  expect_identical(e$path, "survival.control.cure_fraction")
  expect_identical(e$value, "NA")
  expect_identical(conditionMessage(invalid(gsd_design(alpha = NA))), paste("alpha = NA", rule))
  expect_identical(conditionMessage(invalid(gsd_design(sided = NA_integer_))), paste("sided = NA", rule))
  expect_identical(conditionMessage(invalid(gsd_design(alpha = NA_real_))), paste("alpha = NA", rule))
  expect_identical(invalid(gsd_design(solver = list(grid_r = NA)))$argument, "solver$grid_r")
  expect_identical(conditionMessage(invalid(gsd_design(information_fractions = c(0.5, NA, 1)))),
                   "information_fractions[2] = NA is not a value: give a number")
  expect_identical(invalid(plan(allocation_ratio = NA))$argument, "allocation_ratio")
  expect_identical(invalid(plan(time_unit = NA_character_))$argument, "time_unit")
  expect_identical(invalid(plan(time_unit = NA))$argument, "time_unit")
  expect_identical(invalid(plan(dropout = c(control = NA, treatment = 0.01)))$argument,
                   "dropout$control")
  for (arg in c("planned_events", "allocation_ratio", "assumed_hazard_ratio")) {
    args <- list(d, looks = list(list(events = 49, z = 2)), planned_events = 94)
    args[[arg]] <- NA
    expect_identical(conditionMessage(invalid(do.call(gsd_monitor, args))), paste(arg, "= NA", rule))
  }
  e <- invalid(gsd_run(list(design = list(alpha = NA_real_))))
  expect_identical(e$argument, "config$design$alpha")
  expect_match(conditionMessage(invalid(gsd_run(list(design = list(efficacy = list(spending = NA_character_)))))),
               "= NA is not a value: give a string", fixed = TRUE)
  # NULL still leaves an argument out: the seed plan's power (docs/r.md).
  expect_equal(plan(dropout = NULL)$power, 0.8391, tolerance = 1e-4)
})

test_that("a runaway nesting is refused at 256 levels, at once", {
  # Without a cap a list nested 50,000 deep took over a minute before its error.
  nest <- function(depth) {
    x <- 0.5
    for (i in seq_len(depth)) x <- list(x)
    x
  }
  t <- system.time(e <- invalid(gsd_run(list(design = list(information_fractions = nest(50000))))))
  expect_lt(t[["elapsed"]], 5)
  expect_identical(e$rule, "nests deeper than 256 levels")
  expect_identical(e$argument, paste0("config$design$information_fractions",
                                      strrep("[1]", 254)))
  # Below the cap the value reaches the library's own checks.
  e <- invalid(gsd_run(list(design = list(information_fractions = nest(10)))))
  expect_false(identical(e$rule, "nests deeper than 256 levels"))
})

test_that("counts and seeds state the real rule and the value given", {
  plan <- seed_plan()
  msg <- function(...) conditionMessage(invalid(gsd_simulate(plan, progress = FALSE, ...)))
  # The command line's rules for --seed, --replicates and --threads.
  expect_identical(msg(seed = -1), "seed = -1 must be a whole number in [0, 18446744073709551615]")
  expect_identical(msg(seed = 2^53), paste0(
    "seed = 9007199254740992 is 2^53 or more, where R's numbers skip whole numbers: ",
    "give the seed as a string of digits, e.g. seed = \"18446744073709551615\""))
  expect_match(msg(seed = 2^64 - 1), "give the seed as a string of digits", fixed = TRUE)
  expect_identical(msg(seed = "18446744073709551616"), paste(
    "seed = \"18446744073709551616\" must be a whole number in [0, 18446744073709551615]",
    "written in decimal digits"))
  expect_match(msg(seed = "1e5"), "written in decimal digits$")
  expect_identical(msg(replicates = 1.5),
                   "replicates = 1.5 must be a whole number in [1, 9223372036854775807]")
  expect_identical(msg(threads = 1e300), "threads = 1e+300 must be a whole number in [1, 1024]")
  # Not clamped to 1e6 before the check: the value given.
  expect_identical(msg(threads = 2^31), "threads = 2147483648 must be a whole number in [1, 1024]")
  expect_identical(conditionMessage(invalid(gsd_run(plan$config, "simulate", threads = 2^31))),
                   "threads = 2147483648 must be a whole number in [1, 1024]")
})

test_that("a seed given as digits reaches the full 64-bit range", {
  plan <- seed_plan()
  a <- gsd_simulate(plan, replicates = 200, seed = "7", progress = FALSE)$result
  expect_identical(a, gsd_simulate(plan, replicates = 200, seed = 7, progress = FALSE)$result)
  top <- gsd_run(plan$config, "simulate", replicates = 200, seed = "18446744073709551615")
  expect_identical(top$simulation$seed, 2^64)  # as jsonlite reads 18446744073709551615
  cli <- Sys.getenv("GSD_CLI")
  skip_if_not(nzchar(cli) && file.exists(cli))
  f <- grep("blinatumomab-20120215.json", config_files(), value = TRUE, fixed = TRUE)[1]
  expect_identical(gsd_run(f, "simulate", replicates = 200, seed = "18446744073709551615"),
                   cli_json(c("simulate", f, "--replicates", "200", "--seed",
                              "18446744073709551615", "--quiet")))
})

test_that("limits are said in R's terms", {
  e <- invalid(gsd_design(information_fractions = numeric(0)))
  expect_identical(conditionMessage(e), "information_fractions = numeric(0) must list at least one look")
  plan <- function(patients) {
    gsd_survival(seed_design(), control = cure_model(cure_fraction = 0.4, median_noncured = 7),
                 treatment = cure_model(cure_fraction = 0.562), hazard_ratio_noncured = 0.63,
                 accrual = accrual(36), patients = patients, events = 94)
  }
  # The library's rule speaks of JSON text ("written as digits"), which R
  # cannot write: from 2^53 on its doubles skip whole numbers.
  rule <- paste("must be a whole number below 2^53 = 9007199254740992: from there on R's",
                "numbers skip whole numbers")
  expect_identical(conditionMessage(invalid(plan(2^53))), paste("patients = 9007199254740992", rule))
  expect_identical(conditionMessage(invalid(plan(1e300))), paste("patients = 1e+300", rule))
  # A config file keeps the library's own words about its JSON.
  f <- tempfile(fileext = ".json")
  writeLines('{"design": {"information_fractions": [0.5, 1]}, "survival": {"control": {"median_noncured": 7}, "hazard_ratio_noncured": 0.7, "accrual": {"duration": 24}, "patients": 1e16, "events": 100}}', f)
  expect_match(conditionMessage(invalid(gsd_run(f))), "must be written as digits", fixed = TRUE)
})

test_that("a string is shown in quotes, so it does not read as the number asked for", {
  e <- invalid(gsd_simulate(seed_plan(), replicates = "100", progress = FALSE))
  expect_identical(conditionMessage(e), "replicates = \"100\" must be a single number")
  expect_identical(e$value, "\"100\"")
  e <- invalid(gsd_design(information_fractions = c(0.5, 1), futility = "hsd",
                          futility_parameter = -2, binding = "yes"))
  expect_identical(conditionMessage(e), "binding = \"yes\" must be TRUE or FALSE")
})

test_that("a futility parameter without a futility family is refused, not dropped", {
  e <- invalid(gsd_design(information_fractions = c(0.5, 1), futility_parameter = -2))
  expect_identical(conditionMessage(e),
                   "futility_parameter = -2 needs a futility bound (futility = ...)")
  expect_identical(e$argument, "futility_parameter")
})

test_that("accrual() refuses what it cannot write as an accrual", {
  e <- invalid(accrual())
  expect_identical(conditionMessage(e), paste(
    "duration is missing: give duration (uniform accrual) or durations and rates (piecewise)"))
  e <- invalid(accrual(36, rates = 1))
  expect_identical(conditionMessage(e), paste(
    "duration = 36 is uniform accrual: give either duration or durations and rates, not both"))
  e <- invalid(accrual(durations = c(6, 30)))
  expect_identical(conditionMessage(e),
                   "rates is missing: piecewise accrual needs durations and rates")
  expect_identical(invalid(accrual("36"))$argument, "duration")
  expect_identical(conditionMessage(invalid(accrual(durations = c(6, 30), rates = numeric(0)))),
                   "rates = numeric(0) must be a non-empty numeric vector")
  expect_output(print(accrual(36)), "^<gsd accrual> uniform over 36$")
  expect_output(print(accrual(durations = c(6, 30), rates = c(1, 3))),
                "^<gsd accrual> piecewise: durations 6, 30 with rates 1, 3$")
})

test_that("gsd_survival() takes a number as the accrual's duration, and says what an arm is", {
  d <- seed_design()
  with_accrual <- function(accrual) {
    gsd_survival(d, control = cure_model(cure_fraction = 0.4, median_noncured = 7),
                 hazard_ratio_noncured = 0.63, accrual = accrual, patients = 202, events = 94)
  }
  expect_identical(with_accrual(36)$power, with_accrual(accrual(36))$power)
  expect_identical(with_accrual(36)$config, with_accrual(accrual(36))$config)
  # A name (a number from quantile() or coef()) is dropped, as for any number.
  expect_identical(with_accrual(c(months = 36))$config, with_accrual(accrual(36))$config)
  expect_identical(with_accrual(accrual(c(months = 36)))$config, with_accrual(accrual(36))$config)
  e <- invalid(with_accrual(-36))
  expect_identical(e$argument, "accrual")
  expect_match(conditionMessage(e), "^accrual = -36 must be positive")
  e <- invalid(with_accrual(NA_real_))
  expect_identical(conditionMessage(e), "accrual = NA must be a single number")
  e <- invalid(with_accrual(c(6, 30)))
  expect_identical(conditionMessage(e), paste(
    "accrual = c(6, 30) must be a number (the duration of uniform accrual),",
    "accrual(duration) or accrual(durations = , rates = )"))
  expect_identical(invalid(with_accrual("36"))$argument, "accrual")
  e <- invalid(gsd_survival(d, control = cure_model(cure_fraction = 0.4, median_noncured = 7),
                            hazard_ratio_noncured = 0.63, patients = 202, events = 94))
  expect_identical(conditionMessage(e),
                   "accrual is missing: give its duration (e.g. accrual = 36) or accrual(durations = , rates = )")
  e <- invalid(gsd_survival(d, control = c(0.4, 7), hazard_ratio_noncured = 0.63,
                            accrual = accrual(36), patients = 202, events = 94))
  expect_identical(conditionMessage(e), "control = c(0.4, 7) must be cure_model(...)")
})

test_that("a parameter given to a family that takes none is named by its R argument", {
  taking <- "(hsd, power, exponential, wang-tsiatis, pampallona-tsiatis, haybittle-peto)"
  for (family in c("lan-demets-obf", "lan-demets-pocock", "obrien-fleming", "pocock")) {
    e <- invalid(gsd_design(information_fractions = c(0.5, 1), efficacy = family,
                            efficacy_parameter = 2))
    expect_identical(conditionMessage(e), paste0(
      "efficacy_parameter = 2 is not taken by ", family,
      "; remove it, or choose a family with a parameter ", taking))
    expect_identical(e$argument, "efficacy_parameter")
    expect_identical(e$path, "design.efficacy.parameter")
  }
  e <- invalid(gsd_design(information_fractions = c(0.5, 1), futility = "lan-demets-obf",
                          futility_parameter = -2))
  expect_identical(conditionMessage(e), paste(
    "futility_parameter = -2 is not taken by lan-demets-obf; remove it, or choose a family",
    "with a parameter (hsd, power, exponential, pampallona-tsiatis)"))
  expect_identical(e$argument, "futility_parameter")
})

test_that("a field of a config list is named as the list holds it, a config file's by its JSON path", {
  # The maps for gsd objects named a list's design and survival fields as if
  # they sat at its top (x$efficacy$parameter), names the user's list lacks.
  config <- list(design = list(information_fractions = I(c(0.5, 1)),
                               efficacy = list(spending = "lan-demets-obf", parameter = 2)))
  file <- tempfile(fileext = ".json")
  writeLines('{"design": {"information_fractions": [0.5, 1],
               "efficacy": {"spending": "lan-demets-obf", "parameter": 2}}}', file)
  looks <- data.frame(events = 10, z = 1)
  argument <- function(expr) invalid(expr)$argument
  expect_identical(argument(gsd_monitor(config, looks = looks, planned_events = 20)),
                   "x$design$efficacy$parameter")
  expect_identical(argument(gsd_monitor(file, looks = looks, planned_events = 20)),
                   "design.efficacy.parameter")
  expect_identical(argument(gsd_simulate(config, replicates = 10, progress = FALSE)),
                   "plan$design$efficacy$parameter")
  expect_identical(argument(gsd_simulate(file, replicates = 10, progress = FALSE, block_size = 5)),
                   "design.efficacy.parameter")
  record <- tempfile(fileext = ".json")
  expect_identical(argument(gsd_record_add(record, as.list(looks), config = config)),
                   "config$design$efficacy$parameter")
  expect_identical(argument(gsd_record_add(record, as.list(looks), config = file,
                                           planned_events = 20)),
                   "design.efficacy.parameter")
  expect_false(file.exists(record))
  # The settings of the list keep their place; those the call gave, their argument.
  plan <- gsd_config(seed_plan())
  plan$monitoring <- list(planned_events = -3, looks = list(list(events = 10, z = 1)))
  expect_identical(argument(gsd_monitor(plan)), "x$monitoring$planned_events")
  expect_identical(argument(gsd_monitor(plan, planned_events = -4)), "planned_events")
  expect_identical(argument(gsd_record_add(record, as.list(looks), config = plan)),
                   "config$monitoring$planned_events")
  plan$monitoring <- NULL
  plan$survival$control$cure_fraction <- 1.2
  e <- invalid(gsd_simulate(plan, replicates = 10, progress = FALSE))
  expect_identical(conditionMessage(e), "plan$survival$control$cure_fraction = 1.2 must lie in [0, 1)")
  expect_identical(argument(gsd_monitor(plan, looks = looks)), "x$survival$control$cure_fraction")
})

test_that("a field that a rule names is written as the message's own field is", {
  # The library's rules name other fields by their JSON paths; in R they are
  # the arguments (or the list elements) the user wrote.
  d <- seed_design()
  control <- cure_model(cure_fraction = 0.40, median_noncured = 7)
  e <- invalid(gsd_survival(d, control = control, accrual = accrual(36), patients = 202, events = 94))
  expect_identical(conditionMessage(e), paste(
    "hazard_ratio_noncured is missing: give it, or a latency in treatment",
    "(median_noncured, hazard, weibull or piecewise)"))
  expect_identical(e$rule,
                   "is missing: give it, or a latency in treatment (median_noncured, hazard, weibull or piecewise)")
  e <- invalid(gsd_survival(d, control = control, treatment = cure_model(median_noncured = 9),
                            hazard_ratio_noncured = 0.63, accrual = accrual(36), patients = 202,
                            events = 94))
  expect_identical(conditionMessage(e),
                   "hazard_ratio_noncured = 0.63 conflicts with the latency given in treatment: give one of them")
  e <- invalid(gsd_design(information_fractions = c(0.5, 1), futility_stops = I(c(TRUE, FALSE))))
  expect_identical(conditionMessage(e), "futility_stops needs a futility bound (futility)")
  # A list is named from its argument; a file keeps the library's JSON paths.
  config <- list(design = list(information_fractions = I(c(0.5, 1))),
                 survival = list(control = control, accrual = accrual(36), patients = 202,
                                 events = 94))
  expect_identical(conditionMessage(invalid(gsd_run(config))), paste(
    "config$survival$hazard_ratio_noncured is missing: give it, or a latency in",
    "config$survival$treatment (median_noncured, hazard, weibull or piecewise)"))
  file <- tempfile(fileext = ".json")
  writeLines('{"design": {"information_fractions": [0.5, 1]},
               "survival": {"control": {"cure_fraction": 0.4, "median_noncured": 7},
                            "accrual": {"duration": 36}, "patients": 202, "events": 94}}', file)
  expect_identical(conditionMessage(invalid(gsd_run(file))), paste(
    "survival.hazard_ratio_noncured is missing: give it, or a latency in",
    "survival.treatment (median_noncured, hazard, weibull or piecewise)"))
})

test_that("a data frame given as one look is described by its rows, not its columns", {
  # It read "look = a data.frame of length 3 must be one look (one row)":
  # the length of a data frame is its number of columns.
  file <- tempfile(fileext = ".json")
  looks <- data.frame(events = c(49, 71), z = c(2, 2.6), note = c("a", "b"))
  e <- invalid(gsd_record_add(file, looks, config = seed_design(), planned_events = 94))
  expect_identical(conditionMessage(e), "look = a data frame of 2 rows must be one look (one row)")
  e <- invalid(gsd_run(seed_design()$config, "monitor", record = file, add_look = looks))
  expect_identical(conditionMessage(e), "add_look = a data frame of 2 rows must be one look (one row)")
  expect_false(file.exists(file))
})

test_that("a value of the wrong type is shown and named in R's words, not JSON's", {
  # The library words these rules on the JSON the call wrote: "alpha = true
  # must be a number, not a boolean", "[0.1,0.2] ... not an array",
  # "must be an object", "must be true or false".
  msg <- function(expr) conditionMessage(invalid(expr))
  expect_identical(msg(gsd_design(alpha = TRUE)), "alpha = TRUE must be a number, not a logical")
  expect_identical(msg(gsd_design(alpha = c(0.1, 0.2))), "alpha = c(0.1, 0.2) must be a number, not a vector")
  e <- invalid(gsd_design(alpha = c(0.1, 0.2)))
  expect_identical(e$value, "c(0.1, 0.2)")
  expect_identical(e$rule, "must be a number, not a vector")
  d <- seed_design()
  control <- cure_model(cure_fraction = 0.40, median_noncured = 7)
  expect_identical(msg(gsd_survival(d, control = control, hazard_ratio_noncured = 0.63,
                                    accrual = accrual(36), patients = 202, events = 94,
                                    dropout = c(0.01, 0.02))),
                   "dropout = c(0.01, 0.02) must be a named list or a named vector")
  file <- tempfile(fileext = ".json")
  expect_identical(msg(gsd_record_add(file, list(events = 49, z = 2, final = "yes"), config = d,
                                      planned_events = 94)),
                   "look$final = \"yes\" must be TRUE or FALSE")
  expect_identical(msg(gsd_record_add(file, list(events = 49, z = 2, note = c("a", "b")), config = d,
                                      planned_events = 94)),
                   "look$note = c(\"a\", \"b\") must be a string, not a vector")
  expect_false(file.exists(file))
  # A config file keeps the library's JSON words and values.
  f <- tempfile(fileext = ".json")
  writeLines('{"design": {"alpha": true}}', f)
  expect_identical(msg(gsd_run(f)), "design.alpha = true must be a number, not a boolean")
})

test_that("a required argument left out is named by a gsd_invalid_input", {
  # R's own "argument \"design\" is missing, with no default" was a plain error.
  d <- seed_design()
  m <- gsd_monitor(d, looks = data.frame(events = 49, z = 2), planned_events = 94)
  record <- tempfile(fileext = ".json")
  gsd_record_add(record, list(events = 49, z = 2), config = d, planned_events = 94)
  missing_one <- function(expr, argument, todo) {
    e <- invalid(expr)
    expect_identical(e$argument, argument)
    expect_identical(conditionMessage(e), paste0(argument, " is missing: ", todo))
  }
  gsd_object <- paste("give a gsd object (from gsd_design(), gsd_survival(), gsd_simulate(),",
                      "gsd_monitor() or gsd_simon())")
  missing_one(gsd_survival(control = cure_model(median_noncured = 7), accrual = accrual(36)),
              "design", "give a gsd_design (see gsd_design())")
  missing_one(gsd_simulate(), "plan",
              "give a gsd_survival() plan, or a config (a JSON file path or a list)")
  missing_one(gsd_monitor(), "x", paste("give a gsd_design(), gsd_survival() or gsd_simon() object,",
                                        "or a config (a JSON file path or a list)"))
  missing_one(gsd_config(), "x", gsd_object)
  missing_one(gsd_write_config(), "x", gsd_object)
  missing_one(gsd_write_config(d), "file", "name a JSON file")
  missing_one(gsd_report(), "x", "give a gsd_monitoring object (see gsd_monitor())")
  missing_one(gsd_report(m), "file", "name an HTML file")
  missing_one(gsd_record_add(), "record", "name a record file (JSON)")
  missing_one(gsd_record_add(record), "look", paste(
    "give the new look: a named list with events and one of z, p_two_sided with direction,",
    "or hazard_ratio (Simon's design: n and responders)"))
  missing_one(gsd_record_replay(), "record", "name a record file (JSON)")
  missing_one(gsd_record_verify(), "record", "name a record file (JSON)")
  missing_one(gsd_record_report(), "record", "name a record file (JSON)")
  missing_one(gsd_record_report(record), "file", "name an HTML file")
})

test_that("an argument a function does not take is refused by name", {
  # R's "unused argument (foo = 1)" was a plain error.
  d <- seed_design()
  looks <- data.frame(events = 49, z = 2)
  e <- invalid(gsd_monitor(d, looks = looks, planned_events = 94, foo = 1))
  expect_identical(e$argument, "foo")
  expect_identical(conditionMessage(e), paste(
    "foo = 1 is not an argument of gsd_monitor(): give x, looks, planned_events,",
    "allocation_ratio, assumed_hazard_ratio, planned_variance or confidence_level"))
  e <- invalid(gsd_run(d$config, foo = 1))
  expect_identical(e$argument, "foo")
  expect_match(conditionMessage(e), "^foo = 1 is not an argument of gsd_run\\(\\): give config, command, ")
  m <- gsd_monitor(d, looks = looks, planned_events = 94)
  record <- tempfile(fileext = ".json")
  html <- tempfile(fileext = ".html")
  json <- tempfile(fileext = ".json")
  refused <- list(
    quote(gsd_record_add(record, list(events = 49, z = 2), config = d, planned_events = 94, foo = 1)),
    quote(gsd_record_replay(record, foo = 1)), quote(gsd_record_verify(record, foo = 1)),
    quote(gsd_record_report(record, html, foo = 1)), quote(gsd_report(m, html, foo = 1)),
    quote(gsd_config(d, foo = 1)), quote(gsd_write_config(d, json, foo = 1)),
    quote(cure_model(cure_fraction = 0.4, foo = 1)), quote(accrual(36, foo = 1)),
    quote(gsd_version(foo = 1)))
  for (call in refused) {
    e <- invalid(eval(call))
    expect_identical(e$argument, "foo", label = deparse(call))
    expect_match(conditionMessage(e), paste0("^foo = 1 is not an argument of ", as.character(call[[1]]),
                                             "\\(\\)"))
  }
  # Nothing was written.
  expect_false(any(file.exists(c(record, html, json))))
  expect_identical(conditionMessage(invalid(gsd_version(foo = 1))),
                   "foo = 1 is not an argument of gsd_version(): it takes no arguments")
  # A value after the last argument is named as plot() names one: "...".
  e <- invalid(gsd_report(m, html, "extra"))
  expect_identical(e$argument, "...")
  expect_match(conditionMessage(e), "^\\.\\.\\. = \"extra\" is not an argument of gsd_report\\(\\): give x or file$")
})

test_that("values are shown and refused in R's words before they become the config's JSON", {
  msg <- function(expr) conditionMessage(invalid(expr))
  # They read "alpha = [] must be a number, not a vector", "alpha = \"0.05\"
  # must be a number, not a string", "{\"a\":0.5,\"b\":1} must be an array",
  # "control$piecewise = [[0],[6]] must be a named list or a named vector"
  # and "cannot rename file '/tmp' to '/tmp'".
  expect_identical(msg(gsd_design(alpha = numeric(0))), "alpha = numeric(0) must be one number")
  e <- invalid(gsd_design(alpha = factor("0.05")))
  expect_identical(conditionMessage(e), "alpha = factor(\"0.05\") is a factor; give a number")
  expect_identical(e$argument, "alpha")
  expect_identical(msg(gsd_design(efficacy = "hsd", efficacy_parameter = numeric(0))),
                   "efficacy_parameter = numeric(0) must be one number")
  expect_identical(msg(gsd_design(efficacy = "user", efficacy_parameter = numeric(0))),
                   "efficacy_parameter = numeric(0) must list the cumulative fraction of alpha spent at each look")
  expect_identical(msg(gsd_design(information_fractions = factor(c(0.5, 1)))),
                   "information_fractions = factor(c(\"0.5\", \"1\")) is a factor; give numbers")
  # A config given as a list is named by the argument that holds it, not as
  # "config", which gsd_simulate() has no argument of.
  e <- invalid(gsd_simulate(list(1, 2)))
  expect_identical(e$argument, "plan")
  expect_identical(conditionMessage(e), "plan = c(1, 2) must be a named list or a named vector")
  # A Date is a number of days to R; it was written as one (about 20,000).
  e <- invalid(gsd_design(alpha = as.Date("2026-12-06")))
  expect_identical(conditionMessage(e), "alpha = 2026-12-06 is of class Date; give a number")
  expect_identical(e$argument, "alpha")
  expect_identical(msg(gsd_simulate(seed_plan(), replicates = as.difftime(100, units = "days"), progress = FALSE)),
                   "replicates = 100 days is of class difftime; give a number")
  e <- invalid(cure_model(cure_fraction = 0.4, piecewise = c(0, 6)))
  expect_identical(e$argument, "piecewise")
  expect_identical(conditionMessage(e), paste(
    "piecewise = c(0, 6) must be list(starts = c(0, ...), rates = c(...)):",
    "the period starts and their hazards"))
  d <- seed_design()
  expect_identical(msg(gsd_monitor(d, looks = data.frame(events = 49, z = 2), planned_events = numeric(0))),
                   "planned_events = numeric(0) must be one number")
  expect_identical(msg(gsd_survival(d, control = cure_model(median_noncured = 7), accrual = accrual(36),
                                    hazard_ratio_noncured = factor(0.63), patients = 202, events = 94)),
                   "hazard_ratio_noncured = factor(\"0.63\") is a factor; give a number")
  expect_identical(msg(gsd_simulate(seed_plan(), replicates = factor(100), progress = FALSE)),
                   "replicates = factor(\"100\") is a factor; give a number")
  e <- invalid(gsd_write_config(d, tempdir()))
  expect_identical(e$argument, "file")
  expect_identical(conditionMessage(e), paste0("file = ", encodeString(tempdir(), quote = "\""),
                                               " is a directory; name a file inside it"))
  # Names carry nothing a number needs: they are dropped, not written as a JSON object.
  named <- gsd_design(alpha = c(level = 0.05), sided = 2, beta = 0.16,
                      information_fractions = c(a = 0.5, b = 0.75, c = 1))
  expect_identical(named$result, d$result)
  expect_identical(accrual(durations = c(ramp = 6, full = 30), rates = c(1, 3)),
                   accrual(durations = c(6, 30), rates = c(1, 3)))
})

test_that("a piecewise latency with a part left NULL reaches the library, which names it", {
  # I(NULL) failed first: "attempt to set an attribute on NULL", a simpleError.
  arm <- cure_model(cure_fraction = 0.4, piecewise = list(starts = c(0, 6), rates = NULL))
  e <- invalid(gsd_survival(seed_design(), control = arm, hazard_ratio_noncured = 0.63,
                            accrual = accrual(36), patients = 202, events = 94))
  expect_match(e$argument, "^control\\$piecewise")
})
