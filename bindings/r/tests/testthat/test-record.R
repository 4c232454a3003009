# The committee's record from R: verify finds decisions that no longer
# recompute as recorded, and the report is the command line's.

seed_record <- function() {
  f <- tempfile(fileext = ".json")
  gsd_record_add(f, list(events = 49, z = 2.0, note = "first interim"), config = seed_design(),
                 planned_events = 94, assumed_hazard_ratio = 0.63)
  gsd_record_add(f, list(events = 71, z = 2.6))
  f
}

test_that("a record as written verifies", {
  f <- seed_record()
  check <- gsd_record_verify(f)
  expect_s3_class(check, "gsd_record_check")
  expect_true(check$ok)
  expect_identical(check$looks, 2L)
  expect_identical(nrow(check$changes), 0L)
  expect_output(print(check), "2 looks; every decision recomputes as recorded")
})

test_that("verify gives the head to note, and a noted head shows a record cut short", {
  f <- seed_record()
  check <- gsd_record_verify(f)
  expect_identical(check$chain$status, "verified")
  doc <- jsonlite::fromJSON(f, simplifyVector = FALSE)
  expect_identical(check$chain$head, doc$looks[[2]]$hash)
  expect_output(print(check), paste("its head, to note in the minutes:", check$chain$head), fixed = TRUE)
  first <- doc$looks[[1]]$hash
  noted <- gsd_record_verify(f, head = toupper(first))
  expect_identical(noted$chain$noted_head, list(hash = first, look = 1L))
  expect_output(print(noted), "The noted head is the hash of look 1 of 2", fixed = TRUE)
  expect_identical(gsd_record_verify(f, head = doc$chain$config_hash)$chain$noted_head$look, 0L)
  # The last look removed: the shorter chain verifies, the noted head does not.
  # Cut from the file's text (an R round trip of the JSON would change how
  # its numbers are written, and so every hash): the last look's lines go,
  # and the comma before them.
  last <- check$chain$head
  lines <- readLines(f)
  from <- max(which(lines == "    {"))
  to <- min(which(lines == "  ]," & seq_along(lines) > from)) - 1L
  lines[from - 1L] <- "    }"
  writeLines(lines[-(from:to)], f)
  expect_true(gsd_record_verify(f)$ok)
  e <- tryCatch(gsd_record_verify(f, head = last), gsd_invalid_input = function(e) e)
  expect_s3_class(e, "gsd_invalid_input")
  expect_match(conditionMessage(e), paste0("head = ", last, " is not the hash of any look in ", f), fixed = TRUE)
  expect_identical(gsd_record_verify(f, head = first)$chain$noted_head$look, 1L)
  e <- tryCatch(gsd_record_verify(f, head = "abc"), gsd_invalid_input = function(e) e)
  expect_match(conditionMessage(e), "head = abc must be 64 hex digits", fixed = TRUE)
  expect_s3_class(tryCatch(gsd_record_verify(f, head = 1), gsd_invalid_input = function(e) e),
                  "gsd_invalid_input")
})

test_that("a keyed record is written, extended, verified and reported with the committee's key", {
  key <- tempfile()
  writeBin(charToRaw("committee secret"), key)
  f <- tempfile(fileext = ".json")
  gsd_record_add(f, list(events = 49, z = 2.0), config = seed_design(), planned_events = 94,
                 key_file = key)
  expect_match(paste(readLines(f), collapse = "\n"), '"algorithm": "hmac-sha256"', fixed = TRUE)
  r <- gsd_record_add(f, list(events = 71, z = 2.6), key_file = key)
  expect_identical(r$decision, "stop-efficacy")
  check <- gsd_record_verify(f, key_file = key)
  expect_true(check$ok)
  expect_identical(check$chain$algorithm, "hmac-sha256")
  expect_identical(check$chain$status, "verified")
  expect_identical(gsd_record_replay(f, key_file = key)$looks$events, c(49L, 71L))
  html <- tempfile(fileext = ".html")
  expect_identical(gsd_record_report(f, html, key_file = key), html)
  # Without the key, or with another, it is not read.
  e <- tryCatch(gsd_record_verify(f), gsd_invalid_input = function(e) e)
  expect_match(conditionMessage(e), "is a keyed chain", fixed = TRUE)
  guess <- tempfile()
  writeBin(charToRaw("a guess"), guess)
  e <- tryCatch(gsd_record_replay(f, key_file = guess), gsd_invalid_input = function(e) e)
  expect_match(conditionMessage(e), "does not match the config (or the key)", fixed = TRUE)
  # A key file that gives no key is named by its argument.
  e <- tryCatch(gsd_record_verify(f, key_file = tempfile()), gsd_invalid_input = function(e) e)
  expect_identical(e$argument, "key_file")
  expect_match(conditionMessage(e), "cannot be read (No such file or directory)", fixed = TRUE)
  empty <- tempfile()
  file.create(empty)
  e <- tryCatch(gsd_record_add(f, list(events = 94, z = 3), key_file = empty),
                gsd_invalid_input = function(e) e)
  expect_match(conditionMessage(e), "is empty; give the file that holds the committee's key", fixed = TRUE)
  # gsd_run() reads and extends the same keyed record with key_file.
  out <- gsd_run(NULL, "monitor", record = f, key_file = key)
  expect_identical(out$record$chain, "verified")
  expect_length(out$monitoring$looks, 2L)
  # A record started by gsd_run() with the key is keyed, and extended with it.
  started <- tempfile(fileext = ".json")
  seed <- example_file("configs/blinatumomab-20120215.json", "blinatumomab-20120215.json")
  gsd_run(seed, "monitor", record = started, add_look = list(events = 49, z = 1), key_file = key)
  expect_match(paste(readLines(started), collapse = "\n"), '"algorithm": "hmac-sha256"', fixed = TRUE)
  out <- gsd_run(NULL, "monitor", record = started, add_look = list(events = 71, z = 1.5),
                 key_file = key)
  expect_length(out$monitoring$looks, 2L)
  expect_identical(gsd_record_verify(started, key_file = key)$chain$status, "verified")
  e <- tryCatch(gsd_run(NULL, "monitor", record = f), gsd_invalid_input = function(e) e)
  expect_match(conditionMessage(e), "is a keyed chain", fixed = TRUE)
  e <- tryCatch(gsd_run(NULL, "monitor", record = f, key_file = tempfile()),
                gsd_invalid_input = function(e) e)
  expect_identical(e$argument, "key_file")
  e <- tryCatch(gsd_run(seed, "monitor", key_file = key), gsd_invalid_input = function(e) e)
  expect_identical(e$argument, "key_file")
  expect_match(conditionMessage(e), "needs record =", fixed = TRUE)
  e <- tryCatch(gsd_run(seed, key_file = key), gsd_invalid_input = function(e) e)
  expect_match(conditionMessage(e), "applies to command = \"monitor\" only", fixed = TRUE)
})

test_that("an edited record is refused by its hash chain, naming the look", {
  f <- seed_record()
  doc <- jsonlite::fromJSON(f, simplifyVector = FALSE)
  doc$looks[[1]]$input$z <- 3.9
  writeLines(jsonlite::toJSON(doc, auto_unbox = TRUE, pretty = TRUE, digits = NA), f)
  e <- tryCatch(gsd_record_verify(f), gsd_invalid_input = function(e) e)
  expect_s3_class(e, "gsd_invalid_input")
  expect_match(conditionMessage(e), "does not match look 1", fixed = TRUE)
  expect_s3_class(tryCatch(gsd_record_replay(f), gsd_invalid_input = function(e) e),
                  "gsd_invalid_input")
})

test_that("verify names a look whose recorded decision was edited (a record without hashes)", {
  f <- seed_record()
  doc <- jsonlite::fromJSON(f, simplifyVector = FALSE)
  expect_identical(doc$looks[[1]]$decision, "continue")
  expect_identical(doc$looks[[2]]$decision, "stop-efficacy")
  # As written before records carried a hash chain (version 1): read, unverified.
  doc$version <- 1L
  doc$chain <- NULL
  doc$looks <- lapply(doc$looks, function(l) { l$hash <- NULL; l })
  doc$looks[[1]]$decision <- "stop-futility"
  writeLines(jsonlite::toJSON(doc, auto_unbox = TRUE, pretty = TRUE, digits = NA), f)
  check <- gsd_record_verify(f)
  expect_false(check$ok)
  expect_identical(check$changes,
                   data.frame(look = 1L, recorded = "stop-futility", recomputed = "continue"))
  expect_output(print(check), "1 of 2 decisions recompute differently")
  # the replay says so too, as the command line does
  expect_identical(gsd_record_replay(f)$changes, check$changes)
  cli <- Sys.getenv("GSD_CLI")
  if (nzchar(cli)) {
    text <- cli_stdout(c("monitor", "--record", f))
    expect_match(text, "Note: look 1 was recorded as stop-futility but recomputes as continue.",
                 fixed = TRUE)
    expect_identical(gsd_run(NULL, "monitor", record = f, format = "text"), text)
  }
})

test_that("verify refuses a record that is not one", {
  f <- seed_record()
  doc <- jsonlite::fromJSON(f, simplifyVector = FALSE)
  doc$looks[[2]]$input <- NULL
  writeLines(jsonlite::toJSON(doc, auto_unbox = TRUE, pretty = TRUE, digits = NA), f)
  e <- tryCatch(gsd_record_verify(f), gsd_invalid_input = function(e) e)
  expect_s3_class(e, "gsd_invalid_input")
  expect_match(conditionMessage(e), "input")
  empty <- tempfile(fileext = ".json")
  writeLines("{}", empty)
  expect_s3_class(tryCatch(gsd_record_verify(empty), gsd_invalid_input = function(e) e),
                  "gsd_invalid_input")
  expect_s3_class(tryCatch(gsd_record_verify(tempfile()), gsd_invalid_input = function(e) e),
                  "gsd_invalid_input")
})

test_that("the record's report is the command line's", {
  f <- seed_record()
  html <- tempfile(fileext = ".html")
  expect_identical(gsd_record_report(f, html), html)
  page <- readChar(html, file.size(html), useBytes = TRUE)
  expect_match(page, "^<!DOCTYPE html>")
  expect_match(page, "stop-efficacy", fixed = TRUE)
  expect_false(grepl("<script src=|<link ", page))  # self-contained
  # gsd_report() of the replay writes the same report
  other <- tempfile(fileext = ".html")
  gsd_report(gsd_record_replay(f), other)
  expect_identical(report_body(other), report_body(html))
  cli <- Sys.getenv("GSD_CLI")
  if (nzchar(cli)) {
    cli_html <- tempfile(fileext = ".html")
    cli_stdout(c("monitor", "--record", f, "--report", cli_html))
    expect_identical(report_body(html), report_body(cli_html))
  }
  expect_s3_class(tryCatch(gsd_record_report(f, file.path(tempfile(), "x", "r.html")),
                           gsd_error = function(e) e), "gsd_error")
})

test_that("a report over the record is refused before anything is written", {
  # Writing the HTML report over the record would lose every look.
  f <- seed_record()
  before <- readBin(f, "raw", file.size(f))
  e <- tryCatch(gsd_record_report(f, f), gsd_invalid_input = function(e) e)
  expect_s3_class(e, "gsd_invalid_input")
  expect_match(conditionMessage(e), "is the same file as record", fixed = TRUE)
  e <- tryCatch(gsd_run(NULL, "monitor", record = f, add_look = list(events = 80, z = 1), report = f),
                gsd_invalid_input = function(e) e)
  expect_s3_class(e, "gsd_invalid_input")
  expect_identical(readBin(f, "raw", file.size(f)), before)
})

test_that("a report that cannot be written refuses the look", {
  # A file size limit below the report's size and above the record's (with
  # SIGXFSZ ignored, so the write fails with EFBIG) stands for a full disk:
  # the look is refused and the record is unchanged, as on the command line.
  skip_on_os("windows")
  f <- tempfile(fileext = ".json")
  gsd_record_add(f, list(events = 49, z = 2.0), config = seed_design(),
                 planned_events = 94, assumed_hazard_ratio = 0.63)
  before <- readBin(f, "raw", file.size(f))
  html <- tempfile(fileext = ".html")
  script <- tempfile(fileext = ".R")
  writeLines(c("library(gsd)",
               sprintf("tryCatch(gsd_run(NULL, 'monitor', record = '%s', report = '%s',", f, html),
               "                 add_look = list(events = 71, z = 2.5)),",
               "         error = function(e) { cat(conditionMessage(e)); quit(status = 3) })"),
             script)
  command <- sprintf("trap '' XFSZ; ulimit -f 8; R_LIBS=%s %s --vanilla %s",
                     shQuote(paste(.libPaths(), collapse = ":")),
                     shQuote(file.path(R.home("bin"), "Rscript")), shQuote(script))
  out <- suppressWarnings(system2("sh", c("-c", shQuote(command)), stdout = TRUE, stderr = TRUE))
  expect_identical(attr(out, "status"), 3L)
  expect_match(paste(out, collapse = "\n"), "File too large", fixed = TRUE)
  expect_identical(readBin(f, "raw", file.size(f)), before)
  expect_false(file.exists(html))
  gsd_run(NULL, "monitor", record = f, add_look = list(events = 71, z = 2.5), report = html)
  expect_true(file.size(html) > 8192)
})

test_that("a weighted log-rank test's looks go into a record", {
  path <- example_file("examples/weighted-monitoring/fh01.json", "no-such-file.json")
  skip_if(!nzchar(path) || !file.exists(path), "needs the repository's examples")
  cfg <- jsonlite::fromJSON(path, simplifyVector = FALSE)
  cfg$monitoring$looks <- NULL
  f <- tempfile(fileext = ".json")
  gsd_record_add(f, list(events = 47, z = 0.62, variance = 0.5337), config = cfg)
  gsd_record_add(f, list(events = 71, z = 1.32, variance = 0.9739))
  expect_true(gsd_record_verify(f)$ok)
  doc <- jsonlite::fromJSON(f, simplifyVector = FALSE)
  expect_identical(doc$looks[[2]]$input$variance, 0.9739)
  expect_identical(doc$looks[[2]]$decision, "continue")
  expect_match(doc$looks[[2]]$reason, "at information fraction 0.5758 (71 events): continue", fixed = TRUE)
})

test_that("gsd_monitor gives a weighted test's and a MaxCombo test's looks", {
  for (name in c("fh01", "maxcombo", "rmst24")) {
    path <- example_file(file.path("examples/weighted-monitoring", paste0(name, ".json")), "no-such-file.json")
    skip_if(!nzchar(path) || !file.exists(path), "needs the repository's examples")
    looks <- jsonlite::fromJSON(path, simplifyVector = FALSE)$monitoring$looks
    m <- gsd_monitor(path, looks = looks)
    expect_s3_class(m, "gsd_monitoring")
    expect_identical(nrow(m$looks), 2L)
    expect_false("rci_lower" %in% names(m$looks))
    expect_identical(m$decision, if (name == "rmst24") "stop-efficacy" else "continue")
    expect_output(print(m), if (name == "maxcombo") "max_z" else "variance")
    if (name == "maxcombo") {
      # Each MaxCombo bound comes with its error in z, and the print shows it.
      expect_true(all(m$looks$efficacy_z_error > 0 & m$looks$efficacy_z_error < 0.01))
      expect_output(print(m), "efficacy_z_error")
    }
    # The file's own looks are the default.
    expect_identical(gsd_monitor(path)$result, m$result)
  }
  # A weighted test's information fraction is the variance over the planned
  # variance, which the argument sets.
  path <- example_file("examples/weighted-monitoring/fh01.json", "no-such-file.json")
  m <- gsd_monitor(path, planned_variance = 2)
  expect_equal(m$looks$information_fraction, c(0.5337, 0.9739) / 2, tolerance = 1e-12)
})

test_that("a look's final = NA is refused by name, not recorded as an interim look", {
  f <- tempfile(fileext = ".json")
  for (final in list(NA, NA_real_, NA_character_)) {
    e <- tryCatch(gsd_record_add(f, list(events = 49, z = 2, final = final), config = seed_design(),
                                 planned_events = 94),
                  gsd_invalid_input = function(e) e)
    expect_s3_class(e, "gsd_invalid_input")
    expect_identical(e$argument, "look$final")
    expect_identical(conditionMessage(e), "look$final = NA must be TRUE or FALSE")
  }
  e <- tryCatch(gsd_record_add(f, data.frame(events = 49, z = 2, final = NA), config = seed_design(),
                               planned_events = 94),
                gsd_invalid_input = function(e) e)
  expect_identical(conditionMessage(e), "look$final = NA must be TRUE or FALSE")
  expect_false(file.exists(f))
  # An existing record is left byte for byte as it was.
  gsd_record_add(f, list(events = 49, z = 2, final = FALSE), config = seed_design(), planned_events = 94)
  before <- readBin(f, "raw", file.size(f))
  e <- tryCatch(gsd_record_add(f, list(events = 71, z = 2, final = NA)),
                gsd_invalid_input = function(e) e)
  expect_identical(conditionMessage(e), "look$final = NA must be TRUE or FALSE")
  expect_identical(readBin(f, "raw", file.size(f) + 1), before)
  e <- tryCatch(gsd_run(NULL, "monitor", record = f, add_look = list(events = 71, z = 2, final = NA)),
                gsd_invalid_input = function(e) e)
  expect_identical(e$argument, "add_look$final")
  expect_identical(conditionMessage(e), "add_look$final = NA must be TRUE or FALSE")
  expect_identical(readBin(f, "raw", file.size(f) + 1), before)
  # A look given alone in gsd_monitor() likewise; in a data frame of several
  # looks NA is "does not apply", as in every column.
  e <- tryCatch(gsd_monitor(seed_design(), looks = list(list(events = 49, z = 2),
                                                        list(events = 71, z = 2, final = NA)),
                            planned_events = 94),
                gsd_invalid_input = function(e) e)
  expect_identical(conditionMessage(e), "looks[2]$final = NA must be TRUE or FALSE")
  m <- gsd_monitor(seed_design(), looks = data.frame(events = c(49, 94), z = c(2, 2.5),
                                                     final = c(NA, TRUE)),
                   planned_events = 94)
  expect_identical(m$looks$decision, c("continue", "stop-efficacy"))
})

test_that("a record's result describes its own looks, not the file's later state", {
  # summary(), plot() and gsd_report() replayed the record file when called,
  # so the result of the first look showed the second look and its stop,
  # decided after it.
  f <- tempfile(fileext = ".json")
  first <- gsd_record_add(f, list(events = 49, z = 2.0), config = seed_design(), planned_events = 94)
  replayed <- gsd_record_replay(f)
  gsd_record_add(f, list(events = 71, z = 2.6))
  for (r in list(first, replayed)) {
    text <- summary(r)$text
    expect_match(text, "Look 1: z = 2.0000 is below the efficacy bound", fixed = TRUE)
    expect_false(grepl("Look 2", text, fixed = TRUE))
    expect_false(grepl("stop for benefit", text, fixed = TRUE))
  }
  # The text is the command line's for the record as it stood then (which
  # goes on with a line about the record file).
  one <- tempfile(fileext = ".json")
  gsd_record_add(one, list(events = 49, z = 2.0), config = seed_design(), planned_events = 94)
  expect_true(startsWith(gsd_run(NULL, "monitor", record = one, format = "text"), summary(first)$text))
  # So do its plot and its report.
  for (r in list(first, replayed)) {
    observed <- gsd:::.monitoring_spec(r, "boundaries")$series[[2]]
    expect_identical(observed$label, "observed z")
    expect_identical(c(observed$x, observed$y), c(49, 2))
    html <- tempfile(fileext = ".html")
    gsd_report(r, html)
    expect_false(any(grepl("stop for benefit", readLines(html), fixed = TRUE)))
  }
  html <- tempfile(fileext = ".html")
  gsd_report(gsd_record_replay(f), html)
  expect_true(any(grepl("stop for benefit", readLines(html), fixed = TRUE)))
  unlink(f)
  expect_identical(summary(first)$text, summary(replayed)$text)
  expect_identical(gsd:::.monitoring_spec(first, "boundaries")$series[[2]]$x, 49)
})
