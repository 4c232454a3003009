# Files named by the R calls: configs, records and reports that are missing,
# empty names, atomic replacement and the permissions a replacement keeps.

test_that("gsd_config() and gsd_write_config() raise gsd conditions", {
  e <- invalid(gsd_config(3))
  expect_identical(e$argument, "x")
  expect_match(conditionMessage(e), "^x = 3 must be a gsd object")
  expect_identical(invalid(gsd_write_config(3, tempfile()))$argument, "x")
  file <- file.path(tempfile(), "missing-directory", "x.json")
  e <- invalid(gsd_write_config(seed_design(), file))
  expect_identical(e$argument, "file")
  # Refused before anything is written, as every output of the library is,
  # naming the file given, not the temporary file that would sit beside it.
  expect_identical(conditionMessage(e), paste0(
    "file = ", file, " is in a directory that does not exist or is not writable (",
    dirname(file), "); choose a writable directory"))
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
  # as the library refuses a report named by a directory, and leaves no
  # temporary file behind.
  taken <- file.path(dir, "taken")
  dir.create(taken)
  e <- invalid(gsd_write_config(seed_design(), taken))
  expect_identical(e$argument, "file")
  expect_identical(conditionMessage(e), paste0("file = ", encodeString(taken, quote = "\""),
                                               " is a directory; name a file inside it"))
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

test_that("gsd_run() checks plot and replicate_data before it runs, and names them", {
  # A chart aimed at the config file replaced the config with the SVG, and a
  # plot or replicate data in a missing directory failed only after the run,
  # naming no argument; the command line refuses both before it starts.
  dir <- tempfile()
  dir.create(dir)
  seed <- file.path(dir, "seed.json")
  file.copy(example_file("configs/blinatumomab-20120215.json", "blinatumomab-20120215.json"), seed)
  before <- readLines(seed)
  e <- invalid(gsd_run(seed, plot = seed))
  expect_identical(conditionMessage(e), paste0("plot = ", seed, " is the same file as config ", seed,
                                               "; name another file"))
  expect_identical(e$argument, "plot")
  expect_identical(readLines(seed), before)
  missing <- file.path(dir, "no-such-directory", "x")
  rule <- paste0("is in a directory that does not exist or is not writable (",
                 dirname(missing), "); choose a writable directory")
  cases <- list(
    plot = quote(gsd_run(seed, plot = paste0(missing, ".svg"))),
    plot = quote(gsd_run(gsd_config(seed_plan()), "simulate", replicates = 10, progress = FALSE,
                         plot = paste0(missing, ".svg"))),
    replicate_data = quote(gsd_run(seed, "simulate", replicates = 10, progress = FALSE,
                                   replicate_data = paste0(missing, ".csv"))),
    report = quote(gsd_run(seed, "monitor", record = file.path(dir, "r.json"),
                           add_look = list(events = 49, z = 2), report = paste0(missing, ".html"))))
  for (i in seq_along(cases)) {
    e <- invalid(eval(cases[[i]]))
    expect_identical(e$argument, names(cases)[i])
    expect_identical(e$rule, rule)
  }
  e <- invalid(gsd_record_report(seed, paste0(missing, ".html")))
  expect_identical(e$argument, "file")
  e <- invalid(gsd_run(seed, "simulate", replicates = 10, progress = FALSE, replicate_data = dir))
  expect_identical(conditionMessage(e), paste0("replicate_data = ", dir,
                                               " is a directory; name a file inside it"))
  expect_identical(sort(list.files(dir)), "seed.json")
})

test_that("a batch that is a directory is refused by its argument", {
  # It reached R as a bare C++ error ("basic_filebuf::xsgetn error reading
  # the file"), of no gsd class.
  e <- invalid(gsd_run(batch = tempdir()))
  expect_identical(conditionMessage(e), paste0("batch = ", tempdir(),
                                               " is a directory; name a batch file (JSON lines) inside it"))
  expect_identical(e$argument, "batch")
})

test_that("a record that cannot be written, or that exists when config is given, is named", {
  # The lock file's failure ("cannot create the lock file") and "the record
  # ... already holds its design" left the condition's argument NA.
  dir <- tempfile()
  dir.create(dir)
  look <- list(events = 49, z = 2)
  missing <- file.path(dir, "no-such-directory", "r.json")
  e <- invalid(gsd_record_add(missing, look, config = seed_design(), planned_events = 94))
  expect_identical(conditionMessage(e), paste0(
    "record = ", missing, " is in a directory that does not exist or is not writable (",
    dirname(missing), "); choose a writable directory"))
  expect_identical(e$argument, "record")
  e <- invalid(gsd_run(gsd_config(seed_plan()), "monitor", record = dir, add_look = look))
  expect_identical(conditionMessage(e), paste0("record = ", dir, " is a directory; name a file inside it"))
  expect_identical(e$argument, "record")
  seed <- file.path(dir, "seed.json")
  gsd_write_config(seed_plan(), seed)
  e <- invalid(gsd_record_add(seed, look, config = seed))
  expect_identical(e$argument, "config")
  record <- file.path(dir, "r.json")
  gsd_record_add(record, look, config = seed_design(), planned_events = 94)
  before <- readBin(record, "raw", 1e6)
  rule <- paste0("is given, but record = ", encodeString(record, quote = "\""),
                 " already holds its design: leave config out to add a look to it, or name a new",
                 " record file")
  for (call in list(quote(gsd_record_add(record, list(events = 71, z = 2), config = seed_design(),
                                         planned_events = 94)),
                    quote(gsd_run(seed, "monitor", record = record,
                                  add_look = list(events = 71, z = 2))))) {
    e <- invalid(eval(call))
    expect_identical(conditionMessage(e), paste("config", rule))
    expect_identical(e$argument, "config")
  }
  expect_identical(readBin(record, "raw", 1e6), before)
  expect_identical(sort(list.files(dir)), c("r.json", "r.json.lock", "seed.json"))
})

test_that("a report is not written over the config its monitoring result was read from", {
  # gsd_report() replaced the config with the HTML report.
  f <- tempfile(fileext = ".json")
  file.copy(example_file("configs/blinatumomab-20120215.json", "blinatumomab-20120215.json"), f)
  before <- readBin(f, "raw", file.size(f))
  m <- gsd_monitor(f, looks = data.frame(events = 47, z = 1), planned_events = 94)
  e <- invalid(gsd_report(m, f))
  expect_identical(e$argument, "file")
  expect_identical(conditionMessage(e), paste0("file = ", f, " is the same file as config ", f,
                                               "; name another file"))
  expect_identical(readBin(f, "raw", file.size(f)), before)
  # Elsewhere the report names the config as its source, as the command line's does.
  html <- tempfile(fileext = ".html")
  gsd_report(m, html)
  expect_match(readChar(html, file.size(html), useBytes = TRUE), paste0("from ", f), fixed = TRUE)
})

test_that("gsd_write_config() does not replace a FIFO with a regular file", {
  skip_on_os("windows")
  dir <- tempfile()
  dir.create(dir)
  fifo <- file.path(dir, "fifo")
  expect_identical(system2("mkfifo", fifo), 0L)
  e <- invalid(gsd_write_config(seed_design(), fifo))
  expect_identical(e$argument, "file")
  expect_identical(conditionMessage(e), paste0("file = ", fifo, " is not a regular file; name a regular file"))
  expect_identical(system2("test", c("-p", fifo)), 0L)  # still a FIFO
  expect_identical(list.files(dir, all.files = TRUE, no.. = TRUE), "fifo")
})

test_that("a key file that is a directory or empty is named", {
  record <- tempfile(fileext = ".json")
  gsd_record_add(record, config = seed_plan(), look = list(events = 47, z = 1))
  # The stream's "basic_filebuf::underflow error reading the file" came as
  # a C++ error of class std::__ios_failure.
  e <- invalid(gsd_record_replay(record, key_file = tempdir()))
  expect_identical(e$argument, "key_file")
  expect_match(conditionMessage(e), paste0("^key_file = ", tempdir(), " is a directory; "))
  e <- invalid(gsd_record_replay(record, key_file = ""))
  expect_identical(e$argument, "key_file")
  expect_identical(conditionMessage(e), "key_file is empty: name the file that holds the committee's key")
})

test_that("a config that is a directory is named by its argument", {
  # The library's "...: is a directory; name a config or record file" named none.
  for (call in list(function(d) gsd_simulate(d, replicates = 10, progress = FALSE),
                    function(d) gsd_monitor(d, looks = data.frame(events = 47, z = 1)),
                    function(d) gsd_run(d))) {
    e <- invalid(call(tempdir()))
    expect_true(e$argument %in% c("plan", "x", "config"))
    expect_match(conditionMessage(e), "is a directory; name a JSON config inside it$")
  }
})
