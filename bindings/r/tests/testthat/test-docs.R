# docs/r.md's table of functions gives each one's arguments as the package
# defines them (names, order and defaults).

documented_signatures <- function() {
  src <- Sys.getenv("GSD_SOURCE_DIR")
  doc <- file.path(src, "docs", "r.md")
  if (!nzchar(src) || !file.exists(doc)) testthat::skip("needs GSD_SOURCE_DIR (the repository)")
  rows <- grep("^\\| `gsd_", readLines(doc, encoding = "UTF-8"), value = TRUE)
  calls <- regmatches(rows, gregexpr("`gsd_[a-z_]+\\([^`]*\\)`", rows))
  calls <- gsub("`", "", unlist(calls))
  stats::setNames(calls, sub("\\(.*", "", calls))
}

actual_signature <- function(name) {
  a <- formals(get(name, envir = asNamespace("gsd")))
  shown <- vapply(names(a), function(n) {
    if (n == "..." || identical(a[[n]], quote(expr = ))) n
    else paste0(n, " = ", paste(deparse(a[[n]]), collapse = ""))
  }, "")
  paste0(name, "(", paste(shown, collapse = ", "), ")")
}

test_that("docs/r.md gives the arguments of the record and design functions", {
  doc <- documented_signatures()
  for (f in c("gsd_design", "gsd_plan", "gsd_simulate", "gsd_simon", "gsd_record_add", "gsd_record_replay",
              "gsd_record_verify", "gsd_record_report", "gsd_report")) {
    expect_identical(doc[[f]], actual_signature(f), label = f)
  }
})
