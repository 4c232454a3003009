# gsd_monitor() of Simon's two-stage design: each look judged by the design's
# counts, the chance of a promising end while stage 2 runs, and the exact
# inference once the trial has ended, against an independent enumeration in
# R; its print, table, plots, record and conditions.

simon_design <- function() gsd_simon(rate = 0.3, margin = 0.1)

test_that("3/10 then 6/29 gives the enumeration's p-value, estimates and interval", {
  s <- simon_design()
  m <- gsd_monitor(s, looks = data.frame(n = c(10, 29), responders = c(3, 6)))
  expect_s3_class(m, c("gsd_simon_monitoring", "gsd_monitoring"), exact = TRUE)
  expect_identical(m$looks$decision, c("continue", "stop-efficacy"))
  expect_identical(m$looks$verdict, c("go on to stage 2", "promising"))
  expect_identical(m$decision, "stop-efficacy")
  expect_identical(m$verdict, "promising")
  f <- m$final
  expect_identical(f$look, 2L)
  expect_identical(f$ordering, "stage-wise")
  expect_identical(f$confidence_level, 0.9)  # 1 - 2 alpha
  expect_true(f$planned_sizes)
  # At r + 1 = 6 of 29 the stage-wise p-value is the design's exact alpha.
  expect_near(f$p_value, 0.0470863066438913, 1e-12)
  expect_near(f$p_value, s$design$alpha, 1e-15)
  expect_near(f$umvue_rate, 0.261308532966635, 1e-12)
  expect_near(f$median_unbiased_rate, 0.214680883717267, 1e-12)
  expect_near(f$ci_rate, c(0.101504793653952, 0.412679409341487), 1e-12)
  expect_identical(f$observed_rate, 6 / 29)
  # The design the trial runs is gsd_simon()'s.
  expect_identical(m$design, s$design)
  expect_identical(c(m$rate_h0, m$rate_h1, m$alpha), c(0.1, 0.3, 0.05))
  expect_identical(m$criterion, "optimal")
  expect_identical(m$warnings, character())
})

test_that("1/10 stops after stage 1, with the enumeration's p-value", {
  m <- gsd_monitor(simon_design(), looks = list(n = 10, responders = 1))
  expect_identical(m$looks$decision, "stop-futility")
  expect_identical(m$verdict, "stop after stage 1")
  expect_identical(m$final$look, 1L)
  expect_near(m$final$p_value, 0.6513215599, 1e-10)
  expect_identical(m$looks$conditional_probability_h0, NA_real_)
})

test_that("while stage 2 runs there is no inference, and the chance of a promising end is binomial", {
  m <- gsd_monitor(simon_design(), looks = data.frame(n = 10, responders = 3))
  expect_null(m$final)
  expect_identical(m$decision, "continue")
  # More than r = 5 of 29 needs 3 or more of the 19 still to come.
  expect_near(m$looks$conditional_probability_h0, 1 - stats::pbinom(2, 19, 0.1), 1e-12)
  expect_near(m$looks$conditional_probability_h1, 1 - stats::pbinom(2, 19, 0.3), 1e-12)
  expect_near(m$looks$conditional_probability_observed, 1 - stats::pbinom(2, 19, 0.3), 1e-12)
  expect_identical(m$looks$reason, "3 responders of 10, more than r1 = 1: go on to stage 2 and treat 19 more")
})

test_that("the example's monitoring is the command line's, as a file, a list and the looks given", {
  f <- example_file("examples/single-arm/simon-monitoring.json", "simon-monitoring.json")
  m <- gsd_monitor(f)
  expect_identical(m$result, cli_json(c("monitor", f)))
  expect_identical(m$result, gsd_run(f, "monitor"))
  expect_identical(m$name, "Simon two-stage trial, monitored")
  # summary() is the command line's text.
  expect_identical(summary(m)$text, cli_stdout(c("monitor", f)))
  # The table's counts and decisions are the command line's CSV; its last
  # row holds the inference.
  csv <- utils::read.csv(text = cli_stdout(c("monitor", f, "--format", "csv")), stringsAsFactors = FALSE)
  a <- as.data.frame(m)
  for (k in c("look", "stage", "patients", "responders", "rate", "decision")) {
    expect_equal(a[[k]], csv[[k]], tolerance = 0, label = k)
  }
  expect_equal(c(m$final$p_value, m$final$umvue_rate, m$final$median_unbiased_rate, m$final$ci_rate),
               unlist(csv[2, c("p_value", "umvue_rate", "median_unbiased_rate", "ci_lower", "ci_upper")],
                      use.names = FALSE), tolerance = 0)
  expect_identical(a$date, c("2025-03-14", "2025-11-20"))
  expect_identical(a$note, c("end of stage 1", "end of stage 2"))
  # The same looks given to the design from gsd_simon().
  cfg <- jsonlite::fromJSON(f, simplifyVector = FALSE)
  expect_identical(gsd_monitor(cfg)$result, m$result)
  looks <- data.frame(n = c(10, 29), responders = c(3, 7), date = as.Date(c("2025-03-14", "2025-11-20")),
                      note = c("end of stage 1", "end of stage 2"))
  g <- gsd_monitor(simon_design(), looks = looks)
  expect_identical(g$result$monitoring$looks, m$result$monitoring$looks)
  expect_identical(g$final, m$final)
})

test_that("as.data.frame() has one row per look, with the engine's words", {
  m <- gsd_monitor(simon_design(), looks = data.frame(n = c(10, 29), responders = c(3, 6)))
  a <- as.data.frame(m)
  expect_identical(a, m$looks)
  expect_identical(names(a), c("look", "stage", "patients", "responders", "rate", "decision", "verdict",
                               "conditional_probability_h0", "conditional_probability_h1",
                               "conditional_probability_observed", "reason", "date", "note"))
  expect_identical(a$look, 1:2)
  expect_identical(a$patients, c(10L, 29L))
  expect_identical(a$responders, c(3L, 6L))
  expect_identical(a$rate, c(0.3, 6 / 29))
  expect_identical(a$date, c(NA_character_, NA_character_))
  expect_identical(a$reason, vapply(m$result$monitoring$looks, `[[`, "", "reason"))
  expect_identical(is.na(a$conditional_probability_h1), c(FALSE, TRUE))
})

test_that("print() shows the rules, the looks and the inference in the library's words", {
  s <- simon_design()
  m <- gsd_monitor(s, looks = data.frame(n = c(10, 29), responders = c(3, 6)))
  lines <- format(m)
  expect_identical(capture.output(out <- print(m)), lines)
  expect_identical(out, m)
  expect_identical(lines[1], "<gsd monitoring>")
  expect_identical(lines[2:4], c(
    "Simon's two-stage design 1/10, 5/29 (optimal): p0 0.1 against p1 0.3, one-sided alpha 0.05",
    "  stage 1: 10 patients; stop with at most 1 responder",
    "  stage 2: 19 more; promising with more than 5 responders of 29"))
  expect_match(lines[6], "^ +1 +10 +3 0\\.3000 +continue go on to stage 2$")
  expect_match(lines[7], "^ +2 +29 +6 0\\.2069 stop-efficacy +promising$")
  expect_identical(lines[8], "Look 2: 6 responders of 29, more than r = 5: the treatment is promising (H0 rejected)")
  expect_identical(lines[9], "After stage 2 (stage-wise ordering): p-value 0.04709 (one-sided, against p0 0.1)")
  expect_identical(lines[10], paste("  response rate: observed 0.2069, UMVUE 0.2613, median-unbiased 0.2147,",
                                    "90% CI 0.1015 to 0.4127"))
  expect_length(lines, 10L)
  # While stage 2 runs: the chance of a promising end, no inference.
  running <- format(gsd_monitor(s, looks = data.frame(n = 10, responders = 3)))
  expect_identical(utils::tail(running, 2L), c(
    "While stage 2 runs: the chance of more than 5 responders once stage 2's 19 patients are in, given stage 1",
    "  0.2946 at p0 0.1, 0.9538 at p1 0.3, 0.9538 at stage 1's rate 0.3000"))
  expect_false(any(grepl("p-value", running)))
  stopped <- format(gsd_monitor(s, looks = list(n = 10, responders = 1)))
  expect_match(stopped, "^After the stop after stage 1 \\(stage-wise ordering\\): p-value 0\\.6513 ", all = FALSE)
  # The library's warnings, and a name as the title.
  off <- gsd_monitor(s, looks = data.frame(n = c(12, 31), responders = c(3, 5)), confidence_level = 0.95)
  w <- format(off)
  expect_identical(utils::tail(w, 1L), paste0("warning: ", off$warnings))
  expect_match(off$warnings, "^stage 1 has 12 patients where the design planned 10")
  expect_match(w, "95% CI", all = FALSE)
  expect_identical(off$final$confidence_level, 0.95)
  expect_identical(off$decision, "final-no-rejection")
  expect_identical(format(gsd_monitor(example_file("examples/single-arm/simon-monitoring.json",
                                                   "simon-monitoring.json")))[1],
                   "<gsd monitoring> Simon two-stage trial, monitored")
})

test_that("the plots draw the design's curves with the observed rate and its interval", {
  grDevices::pdf(NULL)
  on.exit(grDevices::dev.off())
  s <- simon_design()
  m <- gsd_monitor(s, looks = data.frame(n = c(10, 29), responders = c(3, 6)))
  spec <- plot(m)
  design <- plot(s)
  expect_identical(spec$main, design$main)
  expect_identical(spec$series[1:2], design$series)
  expect_identical(spec$vlines, design$vlines)
  observed <- spec$series[[3]]
  expect_identical(observed$label, "observed rate, 90% CI")
  expect_identical(observed$x, c(m$final$ci_rate[1], 6 / 29, m$final$ci_rate[2]))
  expect_identical(observed$y, c(0, 0, 0))
  spec <- plot(m, type = "patients")
  expect_identical(spec$series[[1]], plot(s, type = "patients")$series[[1]])
  expect_identical(spec$series[[2]]$x, observed$x)
  # While stage 2 runs: stage 1's rate, no interval.
  running <- plot(gsd_monitor(s, looks = data.frame(n = 10, responders = 3)))
  expect_identical(running$series[[3]][c("x", "label")], list(x = 0.3, label = "stage 1's rate"))
  expect_identical(invalid(plot(m, type = "boundaries"))$argument, "type")
  expect_identical(invalid(plot(m, scale = "p"))$argument, "scale")
  skip_if_not_installed("ggplot2")
  expect_s3_class(ggplot2::autoplot(m), "ggplot")
})

test_that("a record takes n and responders, replays, verifies and is the command line's record", {
  s <- simon_design()
  r_file <- tempfile(fileext = ".json")
  cli_file <- tempfile(fileext = ".json")
  f <- tempfile(fileext = ".json")
  gsd_write_config(s, f)
  first <- gsd_record_add(r_file, list(n = 10, responders = 3, date = as.Date("2025-03-14")), config = s)
  expect_s3_class(first, "gsd_simon_monitoring")
  expect_null(first$final)
  expect_identical(first$record, r_file)
  cli_stdout(c("monitor", f, "--record", cli_file, "add-look", "--n", "10", "--responders", "3",
               "--date", "2025-03-14"))
  # R appends to the command line's record and the command line to R's.
  second <- gsd_record_add(cli_file, data.frame(n = 29, responders = 6, note = "end of stage 2"))
  cli_stdout(c("monitor", "--record", r_file, "add-look", "--n", "29", "--responders", "6",
               "--note", shQuote("end of stage 2")))
  strip <- function(x) {
    x$record$file <- NULL
    x$monitoring$looks <- lapply(x$monitoring$looks, function(l) { l$recorded_at <- NULL; l })
    x
  }
  replay <- gsd_record_replay(r_file)
  expect_s3_class(replay, "gsd_simon_monitoring")
  expect_identical(strip(replay$result), strip(cli_json(c("monitor", "--record", r_file))))
  expect_identical(strip(second$result), strip(replay$result))
  expect_identical(second$looks$decision, c("continue", "stop-efficacy"))
  expect_identical(second$final, gsd_monitor(s, looks = data.frame(n = c(10, 29), responders = c(3, 6)))$final)
  expect_identical(names(second$looks)[14], "recorded_at")
  expect_true(startsWith(utils::tail(format(second), 1L), paste("Record:", cli_file)))
  check <- gsd_record_verify(r_file)
  expect_true(check$ok)
  expect_identical(check$looks, 2L)
  # The trial has ended: a third look is refused, naming `look`, and the file
  # is left as it was.
  before <- readBin(r_file, "raw", file.size(r_file))
  e <- invalid(gsd_record_add(r_file, list(n = 35, responders = 8)))
  expect_identical(e$argument, "look")
  expect_match(conditionMessage(e), "^look is a third look: Simon's design has two")
  expect_identical(readBin(r_file, "raw", file.size(r_file)), before)
  # The record's report and the result's report.
  html <- tempfile(fileext = ".html")
  gsd_record_report(r_file, html)
  expect_match(paste(readLines(html), collapse = "\n"), "promising")
  out <- tempfile(fileext = ".html")
  expect_identical(gsd_report(second, out), out)
  expect_match(paste(readLines(out), collapse = "\n"), "6 responders of 29")
})

test_that("bad looks and settings are gsd_invalid_input naming the R argument", {
  s <- simon_design()
  check <- function(expr, argument, path, pattern) {
    e <- invalid(expr)
    expect_identical(e$argument, argument)
    expect_identical(e$path, path)
    expect_match(conditionMessage(e), pattern)
  }
  check(gsd_monitor(s, looks = data.frame(n = 10, responders = 11)), "looks[1]$responders",
        "monitoring.looks[0].responders", "^looks\\[1\\]\\$responders = 11 must be a whole number from 0 to")
  check(gsd_monitor(s, looks = data.frame(n = c(10, 29, 35), responders = c(3, 6, 7))), "looks[3]",
        "monitoring.looks[2]", "^looks\\[3\\] is a third look: Simon's design has two")
  check(gsd_monitor(s, looks = data.frame(n = c(10, 29), responders = c(1, 6))), "looks[2]",
        "monitoring.looks[1]", "^looks\\[2\\] follows a stop: stage 1 had 1 responder of 10")
  check(gsd_monitor(s, looks = data.frame(n = c(10, 8), responders = c(3, 3))), "looks[2]$n",
        "monitoring.looks[1].n", "^looks\\[2\\]\\$n = 8 must be a whole number above stage 1's 10 patients")
  check(gsd_monitor(s, looks = data.frame(events = 10, z = 1)), "looks[1]$events",
        "monitoring.looks[0].events", "is not a known key; known keys: n, responders, date, note")
  check(gsd_monitor(s, looks = list(n = 10, responders = 3), planned_events = 20), "planned_events",
        "monitoring.planned_events", "^planned_events is not a known key")
  check(gsd_monitor(s, looks = list(n = 10, responders = 3), confidence_level = 1.5), "confidence_level",
        "monitoring.confidence_level", "^confidence_level = 1.5 must lie in \\(0, 1\\)")
  check(gsd_monitor(s, looks = list(n = 10, responders = 3), confidence_level = factor("0.9")),
        "confidence_level", NA_character_, "^confidence_level = factor")
  check(gsd_monitor(s), "looks", NA_character_, "^looks is missing and the config has no monitoring\\$looks")
  # A config file's own looks keep their JSON paths; looks given to the call
  # are named by the argument.
  f <- tempfile(fileext = ".json")
  writeLines(c('{"design": {"type": "simon-two-stage", "alpha": 0.05, "beta": 0.2},',
               ' "endpoint": {"type": "binary", "groups": 1, "rate": 0.3, "margin": 0.1},',
               ' "monitoring": {"looks": [{"n": 10.5, "responders": 3}]}}'), f)
  check(gsd_monitor(f), "monitoring.looks[0].n", "monitoring.looks[0].n",
        "^monitoring.looks\\[0\\].n = 10.5 must be a whole number in \\[1, 10000\\]")
  check(gsd_monitor(f, looks = list(n = 10, responders = 12)), "looks[1]$responders",
        "monitoring.looks[0].responders", "^looks\\[1\\]\\$responders = 12 must be")
  # A new record's look is named `look`; nothing is written.
  record <- tempfile(fileext = ".json")
  check(gsd_record_add(record, list(n = 10, responders = 11), config = s), "look$responders",
        "monitoring.looks.new.responders", "^look\\$responders = 11 must be a whole number")
  check(gsd_record_add(record, list(n = 10, responders = 3), config = s, confidence_level = 0),
        "confidence_level", "monitoring.confidence_level", "must lie in \\(0, 1\\)")
  expect_false(file.exists(record))
})
