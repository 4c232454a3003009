# gsd_run() returns what the command line prints with --format json, value
# for value, for every config of the repository and every command.

test_that("design and simulate equal the command line on every config", {
  for (f in config_files()) {
    expect_identical(gsd_run(f, "design"), cli_json(c("design", f)), label = basename(f))
    expect_identical(gsd_run(f, "simulate", replicates = 3000, seed = 11, progress = FALSE),
                     cli_json(c("simulate", f, "--replicates", "3000", "--seed", "11", "--quiet")),
                     label = basename(f))
  }
})

test_that("monitor equals the command line on the seed trial's look", {
  f <- example_file("examples/seed-trial-monitoring/monitoring.json", "seed-trial-monitoring.json")
  expect_identical(gsd_run(f, "monitor"), cli_json(c("monitor", f)))
})

test_that("a config given as a list equals the same config as a file", {
  f <- config_files()[1]
  cfg <- jsonlite::fromJSON(f, simplifyVector = FALSE)
  expect_identical(gsd_run(cfg), gsd_run(f))
})

test_that("the API's objects carry the command line's result", {
  plan <- seed_plan()
  f <- tempfile(fileext = ".json")
  gsd_write_config(plan, f)
  expect_identical(plan$result, cli_json(c("design", f)))
  sim <- gsd_simulate(plan, replicates = 2000, seed = 3, threads = 2, progress = FALSE)
  expect_identical(sim$result, cli_json(c("simulate", f, "--replicates", "2000", "--seed", "3",
                                          "--quiet")))
})

test_that("summary() prints the command line's text", {
  plan <- seed_plan()
  f <- tempfile(fileext = ".json")
  gsd_write_config(plan, f)
  text <- system2(gsd_cli(), c("design", f), stdout = TRUE)
  expect_identical(strsplit(summary(plan)$text, "\n")[[1]], text)
})

test_that("records written by R and by the command line are the same record", {
  cli <- gsd_cli()
  cfg <- example_file("configs/blinatumomab-20120215.json", "blinatumomab-20120215.json")
  r_file <- tempfile(fileext = ".json")
  cli_file <- tempfile(fileext = ".json")
  gsd_record_add(r_file, list(events = 49, z = 2.0, note = "first"), config = cfg)
  system2(cli, c("monitor", cfg, "--record", cli_file, "add-look", "--events", "49", "--z", "2.0",
                 "--note", "first"), stdout = FALSE)
  # R appends to the command line's record and the command line to R's.
  r_added <- gsd_record_add(cli_file, list(events = 71, z = 1.5))
  system2(cli, c("monitor", "--record", r_file, "add-look", "--events", "71", "--z", "1.5"),
          stdout = FALSE)
  # Replays agree but for the file names and the times of recording.
  strip <- function(x) {
    x$record$file <- NULL
    x$monitoring$looks <- lapply(x$monitoring$looks, function(l) { l$recorded_at <- NULL; l })
    x
  }
  expect_identical(strip(gsd_record_replay(r_file)$result), strip(cli_json(c("monitor", "--record", r_file))))
  expect_identical(strip(gsd_record_replay(cli_file)$result), strip(cli_json(c("monitor", "--record", cli_file))))
  expect_identical(strip(r_added$result), strip(gsd_record_replay(r_file)$result))
})

test_that("a number the command line prints as null is NULL in R, not Inf", {
  # At zero drift (hazard ratio 1) the effect fraction at a bound is z / 0:
  # the command line's JSON has null (it has no infinity), and R had Inf.
  cfg <- list(design = list(alpha = 0.05, sided = 2, beta = 0.16, information_fractions = c(0.5, 0.75, 1)),
              survival = list(control = list(cure_fraction = 0.4, median_noncured = 7),
                              hazard_ratio_noncured = 1, accrual = list(duration = 36),
                              patients = 202, events = 94))
  f <- tempfile(fileext = ".json")
  jsonlite::write_json(cfg, f, auto_unbox = TRUE, digits = NA)
  r <- gsd_run(f)
  expect_true("effect_fraction" %in% names(r$boundary_summary[[1]]))
  expect_null(r$boundary_summary[[1]]$effect_fraction)
  expect_identical(r, cli_json(c("design", f)))
})
