# A user interrupt stops a simulation between chunks: the run returns to R
# with R's interrupt condition, quickly, and the session goes on. The child R
# process is interrupted by SIGINT, as Ctrl-C does.

test_that("SIGINT stops a long simulation cleanly", {
  skip_on_os("windows")
  dir <- tempfile()
  dir.create(dir)
  pid_file <- file.path(dir, "pid")
  out_file <- file.path(dir, "out")
  script <- file.path(dir, "child.R")
  writeLines(c(
    sprintf("library(gsd, lib.loc = %s)", deparse(dirname(find.package("gsd")))),
    "plan <- gsd_survival(gsd_design(information_fractions = c(0.5, 1)),",
    "  control = cure_model(median_noncured = 7), hazard_ratio_noncured = 0.7,",
    "  accrual = accrual(24), patients = 300, events = 200)",
    sprintf("writeLines(as.character(Sys.getpid()), %s)", deparse(pid_file)),
    "t0 <- Sys.time()",
    "r <- tryCatch(gsd_simulate(plan, replicates = 1e9, threads = 2, progress = TRUE),",
    "              interrupt = function(e) 'interrupted')",
    "after <- gsd_simulate(plan, replicates = 100, seed = 1, progress = FALSE)$power",
    sprintf("writeLines(c(r, format(as.numeric(Sys.time() - t0, units = 'secs')), after), %s)",
            deparse(out_file))
  ), script)
  err_file <- file.path(dir, "err")
  system2(file.path(R.home("bin"), "Rscript"), script, wait = FALSE, stdout = FALSE,
          stderr = err_file)
  deadline <- Sys.time() + 120
  while (!file.exists(pid_file) && Sys.time() < deadline) Sys.sleep(0.1)
  expect_true(file.exists(pid_file))
  Sys.sleep(3)  # let it run (and draw its progress bar)
  sent <- Sys.time()
  tools::pskill(as.integer(readLines(pid_file)), tools::SIGINT)
  while (!file.exists(out_file) && Sys.time() < deadline) Sys.sleep(0.1)
  stopped_after <- as.numeric(Sys.time() - sent, units = "secs")
  if (!file.exists(out_file)) {
    fail(paste(c("the child R process did not finish:", readLines(err_file, warn = FALSE)),
               collapse = "\n"))
    return()
  }
  out <- readLines(out_file)
  expect_identical(out[1], "interrupted")
  # Chunks of 256 trials take milliseconds: the run stops within seconds even
  # on a busy machine (a billion trials would take hours).
  expect_lt(stopped_after, 30)
  # The session goes on and simulates again.
  expect_false(is.na(as.numeric(out[3])))
  # The progress bar was drawn.
  expect_match(paste(readLines(err_file, warn = FALSE), collapse = ""), "\\|=*\\s*\\|\\s+[0-9]+%")
})

test_that("a time limit during a simulation is R's time-limit error, not an interrupt", {
  # The interrupt check ran under R_ToplevelExec, which printed the error and
  # reported any failure as a user interrupt.
  plan <- seed_plan()
  f <- tempfile(fileext = ".csv")
  err <- capture.output(type = "message", {
    r <- tryCatch({
      setTimeLimit(elapsed = 2, transient = TRUE)
      gsd_run(plan$config, "simulate", replicates = 2^31, replicate_data = f)
    }, error = function(e) conditionMessage(e), interrupt = function(e) "interrupt")
    setTimeLimit()
  })
  expect_match(r, "reached elapsed time limit")
  expect_identical(err, character())
  expect_false(file.exists(f))
  # The session goes on.
  expect_equal(gsd_simulate(plan, replicates = 100, seed = 1, progress = FALSE)$replicates_run, 100)
})

# A batch looks for R's interrupt while its lines run: on R's thread after
# each line and chunk of replicates it runs, and while it waits for the
# helper thread. setTimeLimit()'s error arrives where an interrupt would.
batch_of_long_lines <- function(first_replicates) {
  seed <- example_file("configs/blinatumomab-20120215.json", "blinatumomab-20120215.json")
  line <- paste(readLines(seed), collapse = " ")
  long <- sub("^\\{", "{\"simulation\": {\"replicates\": 2000000000}, ", line)
  first <- sub("^\\{", sprintf("{\"simulation\": {\"replicates\": %d}, ", first_replicates), line)
  batch <- tempfile(fileext = ".jsonl")
  writeLines(c(first, long, long), batch)
  batch
}

for (threads in c(1, 2)) {
  test_that(sprintf("a time limit stops a simulate batch on %d thread(s) with R's error", threads), {
    batch <- batch_of_long_lines(100)
    t0 <- Sys.time()
    err <- capture.output(type = "message", {
      r <- tryCatch({
        setTimeLimit(elapsed = 2, transient = TRUE)
        gsd_run(NULL, "simulate", batch = batch, threads = threads)
      }, error = function(e) conditionMessage(e), interrupt = function(e) "interrupt")
      setTimeLimit()
    })
    took <- as.numeric(Sys.time() - t0, units = "secs")
    expect_match(r, "reached elapsed time limit")
    expect_identical(err, character())
    # Two billion replicates a line would take hours; chunks of replicates
    # take milliseconds, and the interrupt is looked for every 0.1 s.
    expect_lt(took, 30)
    # The session goes on, and a batch runs to its end again.
    again <- gsd_run(NULL, "simulate", batch = batch, replicates = 50, threads = threads)
    expect_length(again, 3L)
    expect_equal(again[[1]]$simulation$replicates, 50)
  })
}
