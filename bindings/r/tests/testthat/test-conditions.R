# Bad input raises gsd_invalid_input naming the R argument, the value and the
# rule; a numerical failure raises gsd_numerical_error.

invalid <- function(expr) {
  e <- tryCatch(expr, gsd_invalid_input = function(e) e)
  expect_s3_class(e, c("gsd_invalid_input", "gsd_error", "error", "condition"), exact = TRUE)
  e
}

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

test_that("gsd_survival() says what an arm and an accrual are when given a number", {
  d <- seed_design()
  e <- invalid(gsd_survival(d, control = cure_model(cure_fraction = 0.4, median_noncured = 7),
                            hazard_ratio_noncured = 0.63, accrual = 36, patients = 202, events = 94))
  expect_identical(conditionMessage(e),
                   "accrual = 36 must be accrual(duration) or accrual(durations = , rates = )")
  e <- invalid(gsd_survival(d, control = c(0.4, 7), hazard_ratio_noncured = 0.63,
                            accrual = accrual(36), patients = 202, events = 94))
  expect_identical(conditionMessage(e), "control = a numeric of length 2 must be cure_model(...)")
})

test_that("gsd_config() and gsd_write_config() raise gsd conditions", {
  e <- invalid(gsd_config(3))
  expect_identical(e$argument, "x")
  expect_match(conditionMessage(e), "^x = 3 must be a gsd object")
  expect_identical(invalid(gsd_write_config(3, tempfile()))$argument, "x")
  file <- file.path(tempfile(), "missing-directory", "x.json")
  e <- invalid(gsd_write_config(seed_design(), file))
  expect_identical(e$argument, "file")
  expect_match(conditionMessage(e), "cannot be written .*; choose a writable file$")
  # The reason names the file given, not the temporary file beside it.
  expect_match(conditionMessage(e), paste0("cannot open file '", file, "'"), fixed = TRUE)
  expect_false(file.exists(file))
})

test_that("a record check tabulates the looks that recompute differently", {
  file <- tempfile(fileext = ".json")
  gsd_record_add(file, list(events = 49, z = 2), config = seed_design(), planned_events = 94)
  check <- gsd_record_verify(file)
  expect_identical(as.data.frame(check),
                   data.frame(look = integer(), recorded = character(), recomputed = character()))
})

test_that("a record that is not there is named as the record, not as a config file", {
  file <- file.path(tempdir(), "no-such-record.json")
  quoted <- encodeString(file, quote = "\"")
  todo <- "give the path of a monitoring record (gsd_record_add() with config starts one)"
  for (call in list(quote(gsd_record_replay(file)), quote(gsd_record_verify(file)),
                    quote(gsd_record_report(file, tempfile(fileext = ".html"))))) {
    e <- invalid(eval(call))
    expect_identical(conditionMessage(e), paste0("record = ", quoted, " does not exist; ", todo))
    expect_identical(e$argument, "record")
  }
  e <- invalid(gsd_record_add(file, list(events = 49, z = 2)))
  expect_identical(conditionMessage(e),
                   paste0("record = ", quoted, " does not exist; give config to start a new record"))
  expect_false(file.exists(file))
})

test_that("gsd_run(add_look = ) without a record is refused, not decided without the look", {
  # The command line refuses it too: "add-look needs --record FILE".
  config <- gsd_config(seed_plan())
  config$monitoring <- list(looks = list(list(events = 49, z = 2)))
  e <- invalid(gsd_run(config, "monitor", add_look = list(events = 90, z = 2.5)))
  expect_identical(conditionMessage(e),
                   "add_look needs record = : the record file to append the look to")
  expect_identical(e$argument, "add_look")
})

test_that("a single value where the config needs an array says to wrap it in I()", {
  d <- gsd_design(information_fractions = 1)
  plan <- seed_plan(d)
  e <- invalid(gsd_simulate(plan, replicates = 10, progress = FALSE, look_events = 94))
  expect_identical(conditionMessage(e), paste(
    "look_events = 94 must be an array: a vector of length one is a single value;",
    "wrap it in I(), as I(94)"))
  expect_identical(e$argument, "look_events")
  expect_identical(gsd_simulate(plan, replicates = 10, progress = FALSE, look_events = I(94))$replicates,
                   gsd_simulate(plan, replicates = 10, progress = FALSE)$replicates)
  e <- invalid(gsd_run(list(design = list(information_fractions = 1))))
  expect_match(conditionMessage(e), "^config\\$design\\$information_fractions = 1 must be an array: .* I\\(1\\)$")
  # A config file speaks JSON: the rule stays the library's.
  f <- tempfile(fileext = ".json")
  writeLines('{"design": {"information_fractions": 1}}', f)
  expect_identical(conditionMessage(invalid(gsd_run(f))),
                   "design.information_fractions = 1 must be an array")
})

test_that("a design without a survival model given to gsd_simulate() is named as given", {
  # The library's "survival is missing" read "plan is missing" of a plan given.
  e <- invalid(gsd_simulate(seed_design(), replicates = 10, progress = FALSE))
  expect_identical(conditionMessage(e), paste(
    "plan = a gsd_design object has no survival model to draw trials from:",
    "give a plan from gsd_survival()"))
  expect_identical(e$argument, "plan")
})

test_that("gsd_write_config() replaces the file atomically: a failed write leaves it as it was", {
  dir <- tempfile()
  dir.create(dir)
  file <- file.path(dir, "plan.json")
  writeLines("{\"earlier\": true}", file)
  before <- readBin(file, "raw", 100L)
  # The write fails half-way, as on a full disk: the text is cut short and an
  # error raised after part of it reached the disk.
  ns <- asNamespace("gsd")
  write_text <- get(".write_text", ns)
  unlockBinding(".write_text", ns)
  assign(".write_text", function(text, path) {
    writeLines(substr(text, 1L, nchar(text) %/% 2L), path, sep = "")
    stop("No space left on device")
  }, envir = ns)
  on.exit({
    assign(".write_text", write_text, envir = ns)
    lockBinding(".write_text", ns)
  })
  expect_error(gsd_write_config(seed_design(), file), "No space left on device")
  expect_identical(readBin(file, "raw", 100L), before)
  expect_identical(list.files(dir, all.files = TRUE, no.. = TRUE), "plan.json")
  assign(".write_text", write_text, envir = ns)
  # A file that cannot replace what is there (a directory) is refused by name,
  # and leaves no temporary file behind.
  taken <- file.path(dir, "taken")
  dir.create(taken)
  e <- invalid(gsd_write_config(seed_design(), taken))
  expect_identical(e$argument, "file")
  expect_match(conditionMessage(e), "cannot be written .*; choose a writable file$")
  expect_true(dir.exists(taken))
  expect_setequal(list.files(dir, all.files = TRUE, no.. = TRUE), c("plan.json", "taken"))
  # The write that succeeds replaces the file and leaves only it.
  gsd_write_config(seed_design(), file)
  expect_identical(gsd_run(file), seed_design()$result)
  expect_setequal(list.files(dir, all.files = TRUE, no.. = TRUE), c("plan.json", "taken"))
  # Through a symbolic link the file it points to is replaced, and the link kept.
  link <- file.path(dir, "link.json")
  file.symlink("plan.json", link)
  gsd_write_config(seed_design(), link)
  expect_true(nzchar(Sys.readlink(link)))
  expect_identical(gsd_run(file), seed_design()$result)
})

test_that("gsd_write_config() keeps the permissions of the file it replaces", {
  # The rename puts a new file in place; without a chmod it would carry the
  # temporary file's default mode, and a config made private would become
  # readable by all (install(1) and editors keep the mode).
  skip_on_os("windows")
  dir <- tempfile()
  dir.create(dir)
  file <- file.path(dir, "plan.json")
  writeLines("{}", file)
  for (mode in c("600", "640", "444")) {
    Sys.chmod(file, mode, use_umask = FALSE)
    gsd_write_config(seed_design(), file)
    expect_identical(format(file.info(file)$mode), mode)
    expect_identical(gsd_run(file), seed_design()$result)
  }
  # Through a symbolic link, the mode of the file it points to.
  Sys.chmod(file, "600", use_umask = FALSE)
  link <- file.path(dir, "link.json")
  file.symlink("plan.json", link)
  gsd_write_config(seed_design(), link)
  expect_identical(format(file.info(file)$mode), "600")
  # A new file gets the default mode: 0666 less the umask.
  fresh <- file.path(dir, "new.json")
  gsd_write_config(seed_design(), fresh)
  expect_identical(file.info(fresh)$mode, as.octmode("666") & !Sys.umask(NA))
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

test_that("an empty file name is refused by its argument, and nothing is written", {
  # It was read as not given (a plot or replicate data silently not written)
  # or reached the file system as "" (a raw std::runtime_error naming a
  # temporary file, and a lock file left in the working directory).
  dir <- tempfile()
  dir.create(dir)
  old <- setwd(dir)
  on.exit(setwd(old))
  seed <- example_file("configs/blinatumomab-20120215.json", "blinatumomab-20120215.json")
  expect_empty <- function(expr, argument, what) {
    e <- invalid(expr)
    expect_identical(conditionMessage(e), paste0(argument, " is empty: ", what))
    expect_identical(e$argument, argument)
  }
  expect_empty(gsd_run(seed, plot = ""), "plot", "name an SVG file")
  expect_empty(gsd_run(seed, "simulate", replicates = 10, replicate_data = ""), "replicate_data",
               "name a CSV file")
  expect_empty(gsd_run(seed, "monitor", report = ""), "report", "name an HTML file")
  expect_empty(gsd_run(NULL, "monitor", record = ""), "record", "name a record file (JSON)")
  expect_empty(gsd_run(NULL, batch = ""), "batch", "name a batch file (JSON lines)")
  expect_empty(gsd_record_add("", list(events = 49, z = 2), config = seed_design(),
                              planned_events = 94), "record", "name a record file (JSON)")
  expect_empty(gsd_record_replay(""), "record", "name a record file (JSON)")
  m <- gsd_monitor(seed_design(), looks = data.frame(events = 49, z = 2), planned_events = 94)
  expect_empty(gsd_report(m, ""), "file", "name an HTML file")
  expect_empty(gsd_write_config(m, ""), "file", "name a JSON file")
  expect_identical(list.files(dir, all.files = TRUE, no.. = TRUE), character())
})

test_that("a config file that does not exist is named by the argument that gave it", {
  # The library's "cannot read the config file" left the condition's
  # argument NA.
  missing <- file.path(tempdir(), "no-such-config.json")
  quoted <- encodeString(missing, quote = "\"")
  rule <- "does not exist; give the path of a JSON config, or a config list"
  cases <- list(
    config = quote(gsd_run(missing)),
    x = quote(gsd_monitor(missing, looks = data.frame(events = 49, z = 2))),
    plan = quote(gsd_simulate(missing, replicates = 10, progress = FALSE)),
    config = quote(gsd_record_add(tempfile(fileext = ".json"), list(events = 49, z = 2),
                                  config = missing)))
  for (i in seq_along(cases)) {
    e <- invalid(eval(cases[[i]]))
    expect_identical(conditionMessage(e), paste0(names(cases)[i], " = ", quoted, " ", rule))
    expect_identical(e$argument, names(cases)[i])
  }
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
