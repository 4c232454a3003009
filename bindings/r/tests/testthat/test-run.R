# gsd_run() reaches every feature of the command line: each output format,
# the plot, replicate data, report and record files, the batch mode and the
# diagnostics, with the command line's output for each.

test_that("JSON, text and CSV equal the command line's on every golden case", {
  for (case in golden_cases()) {
    args <- c(list(case$config, case$command, progress = FALSE), flag_arguments(case$flags))
    cli <- c(case$command, case$config, case$flags)
    expect_identical(do.call(gsd_run, args), cli_json(cli), label = case$name)
    expect_identical(do.call(gsd_run, c(args, format = "text")),
                     cli_stdout(c(cli, "--format", "text")), label = case$name)
    expect_identical(do.call(gsd_run, c(args, format = "csv")),
                     cli_stdout(c(cli, "--format", "csv")), label = case$name)
    # the config as a list, as a script builds it
    args[[1]] <- jsonlite::fromJSON(case$config, simplifyVector = FALSE)
    expect_identical(do.call(gsd_run, args), cli_json(cli), label = paste(case$name, "(list)"))
  }
})

test_that("plot and replicate_data write the command line's files", {
  seed <- example_file("configs/blinatumomab-20120215.json", "blinatumomab-20120215.json")
  dir <- tempfile()
  dir.create(dir)
  f <- function(name) file.path(dir, name)
  read <- function(name) readChar(f(name), file.size(f(name)), useBytes = TRUE)
  expect_identical(gsd_run(seed, plot = f("r.svg")), cli_json(c("design", seed)))
  cli_stdout(c("design", seed, "--plot", f("cli.svg")))
  expect_identical(read("r.svg"), read("cli.svg"))
  expect_match(read("r.svg"), "^<svg")
  gsd_run(seed, "simulate", replicates = 300, seed = 5, replicate_data = f("r.csv"),
          plot = f("r-sim.svg"), progress = FALSE)
  cli_stdout(c("simulate", seed, "--replicates", "300", "--seed", "5", "--quiet",
               "--replicate-data", f("cli.csv"), "--plot", f("cli-sim.svg")))
  expect_identical(read("r.csv"), read("cli.csv"))
  expect_identical(read("r-sim.svg"), read("cli-sim.svg"))
  expect_gt(length(readLines(f("r.csv"))), 300)
})

test_that("record, add_look and report are the command line's --record and --report", {
  seed <- example_file("configs/blinatumomab-20120215.json", "blinatumomab-20120215.json")
  r_file <- tempfile(fileext = ".json")
  cli_file <- tempfile(fileext = ".json")
  first <- gsd_run(seed, "monitor", record = r_file, add_look = list(events = 49, z = 2.0))
  cli_stdout(c("monitor", seed, "--record", cli_file, "add-look", "--events", "49", "--z", "2.0"))
  expect_identical(first$monitoring$looks[[1]]$decision, "continue")
  second <- gsd_run(NULL, "monitor", record = r_file,
                    add_look = data.frame(events = 71, p_two_sided = 0.004,
                                          direction = "favours-treatment", note = "second"),
                    format = "text")
  cli_second <- cli_stdout(c("monitor", "--record", cli_file, "add-look", "--events", "71",
                             "--p-two-sided", "0.004", "--direction", "favours-treatment",
                             "--note", "second", "--format", "text"))
  # the same text but for the record's name and the time of recording
  norm <- function(text, file) sub("last recorded [^\n]*", "", gsub(file, "FILE", text, fixed = TRUE))
  expect_identical(norm(second, r_file), norm(cli_second, cli_file))
  strip <- function(x) {
    x$record$file <- NULL
    x$monitoring$looks <- lapply(x$monitoring$looks, function(l) { l$recorded_at <- NULL; l })
    x
  }
  expect_identical(strip(gsd_run(NULL, "monitor", record = r_file)),
                   strip(cli_json(c("monitor", "--record", cli_file))))
  expect_identical(gsd_run(NULL, "monitor", record = r_file, format = "csv"),
                   cli_stdout(c("monitor", "--record", cli_file, "--format", "csv")))
  r_html <- tempfile(fileext = ".html")
  cli_html <- tempfile(fileext = ".html")
  gsd_run(NULL, "monitor", record = r_file, report = r_html)
  cli_stdout(c("monitor", "--record", r_file, "--report", cli_html))
  expect_identical(report_body(r_html), report_body(cli_html))
  # a config's own looks, with a report
  mon <- example_file("examples/seed-trial-monitoring/monitoring.json", "seed-trial-monitoring.json")
  gsd_run(mon, "monitor", report = r_html)
  cli_stdout(c("monitor", mon, "--report", cli_html))
  expect_identical(report_body(r_html), report_body(cli_html))
})

test_that("batch equals the command line's --batch --format jsonl", {
  hsd <- example_file("examples/design/hsd-minus4.json", "blinatumomab-20120215.json")
  lines <- c('{"design": {"information_fractions": [0.5, 1.0]}}',
             '{"design": {"information_fractions": [0.6, 0.4, 1.0]}}',
             "{not json",
             paste(readLines(hsd), collapse = " "))
  batch <- tempfile(fileext = ".jsonl")
  writeLines(lines, batch)
  printed <- strsplit(cli_stdout(c("design", "--batch", batch, "--format", "jsonl")), "\n")[[1]]
  expected <- lapply(printed, jsonlite::fromJSON, simplifyDataFrame = FALSE, simplifyMatrix = FALSE)
  got <- gsd_run(batch = batch)
  expect_identical(got, expected)
  expect_length(got, 4L)
  expect_match(got[[2]]$error, "line 2: design.information_fractions\\[1\\] = 0.4")
  expect_identical(gsd_run(batch = batch, threads = 2), got)
})

test_that("a simulate batch on threads equals the command line's", {
  seed <- example_file("configs/blinatumomab-20120215.json", "blinatumomab-20120215.json")
  line <- paste(readLines(seed), collapse = " ")
  batch <- tempfile(fileext = ".jsonl")
  writeLines(c(line, sub("\"hazard_ratio_noncured\": 0.63", "\"hazard_ratio_noncured\": 1", line),
               '{"design": {}}'), batch)
  printed <- strsplit(cli_stdout(c("simulate", "--batch", batch, "--format", "jsonl",
                                   "--replicates", "300", "--threads", "2")), "\n")[[1]]
  expected <- lapply(printed, jsonlite::fromJSON, simplifyDataFrame = FALSE, simplifyMatrix = FALSE)
  got <- gsd_run(NULL, "simulate", batch = batch, replicates = 300, threads = 1)
  expect_identical(got, expected)
  expect_identical(gsd_run(NULL, "simulate", batch = batch, replicates = 300, threads = 2), got)
  expect_length(got, 3L)
  expect_match(got[[3]]$error, "line 3: ")
})

test_that("log_level writes the solver's diagnostics on the error stream", {
  seed <- example_file("configs/blinatumomab-20120215.json", "blinatumomab-20120215.json")
  quiet <- capture.output(r <- gsd_run(seed), type = "message")
  expect_length(quiet, 0L)
  info <- capture.output(gsd_run(seed, log_level = "info"), type = "message")
  debug <- capture.output(gsd_run(seed, log_level = "debug"), type = "message")
  stamp <- "^\\[[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}\\] "
  expect_true(length(info) >= 1L && all(grepl(paste0(stamp, "\\[info\\] "), info)))
  expect_gt(length(debug), length(info))
  expect_true(any(grepl(paste0(stamp, "\\[debug\\] "), debug)))
  # the command line's lines, but for their time stamps and measured times
  printed <- tempfile()
  logged <- tempfile()
  system2(gsd_cli(), c("--log-level", "info", "design", seed), stdout = printed, stderr = logged)
  cli <- readLines(logged)
  expect_identical(readChar(printed, file.size(printed), useBytes = TRUE),
                   gsd_run(seed, format = "text"))
  words <- function(l) gsub("[0-9.]+ ?(ms|s)\\b", "T", sub(stamp, "", l))
  expect_identical(words(info), words(cli))
  sim <- capture.output(gsd_run(seed, "simulate", replicates = 600, progress = FALSE,
                                log_level = "debug"), type = "message")
  expect_true(any(grepl("simulation: 600 of 600 replicates done", sim, fixed = TRUE)))
})

test_that("options that do not fit the command are refused by name", {
  seed <- example_file("configs/blinatumomab-20120215.json", "blinatumomab-20120215.json")
  invalid <- function(expr) tryCatch(expr, gsd_invalid_input = function(e) e)
  e <- invalid(gsd_run(seed, format = "xml"))
  expect_identical(e$argument, "format")
  expect_identical(conditionMessage(e), "format = \"xml\" is not one of: json, text, csv")
  expect_identical(invalid(gsd_run(seed, log_level = "loud"))$argument, "log_level")
  e <- invalid(gsd_run(seed, replicates = 10))
  expect_identical(conditionMessage(e), "replicates = 10 applies to command = \"simulate\" only")
  expect_identical(invalid(gsd_run(seed, threads = 2))$argument, "threads")
  expect_identical(invalid(gsd_run(seed, report = "x.html"))$argument, "report")
  expect_identical(invalid(gsd_run(seed, "monitor", plot = "x.svg"))$argument, "plot")
  expect_identical(invalid(gsd_run(seed, batch = "x.jsonl"))$argument, "batch")
  expect_identical(invalid(gsd_run(batch = tempfile()))$argument, "batch")
  expect_identical(invalid(gsd_run())$argument, "config")
  rec <- tempfile(fileext = ".json")
  e <- invalid(gsd_run(seed, "monitor", record = rec, add_look = list(events = 49, z = "high")))
  expect_identical(e$argument, "add_look$z")
  expect_false(file.exists(rec))
  expect_identical(invalid(gsd_run(seed, "monitor", record = rec))$argument, "config")
  # a report that cannot be written leaves the record unchanged
  gsd_run(seed, "monitor", record = rec, add_look = list(events = 49, z = 2))
  before <- readBin(rec, "raw", file.size(rec))
  expect_error(gsd_run(NULL, "monitor", record = rec, add_look = list(events = 71, z = 2),
                       report = file.path(tempfile(), "no", "r.html")))
  expect_identical(readBin(rec, "raw", file.size(rec)), before)
})

test_that("gsd_version() is the command line's --version", {
  expect_match(gsd_version(), "^[0-9]+\\.[0-9]+\\.[0-9]+$")
  expect_identical(paste0("gsd ", gsd_version(), "\n"), cli_stdout("--version"))
})
