# Shared by the tests: the seed trial built through the R API, and where to
# find the command line and the repository's configs.

seed_design <- function() {
  gsd_design(alpha = 0.05, sided = 2, beta = 0.16, information_fractions = c(0.5, 0.75, 1))
}

seed_plan <- function(design = seed_design()) {
  gsd_survival(design, control = cure_model(cure_fraction = 0.40, median_noncured = 7),
               treatment = cure_model(cure_fraction = 0.562), hazard_ratio_noncured = 0.63,
               accrual = accrual(36), patients = 202, events = 94)
}

# The gsd executable of the same build (scripts/setup.sh sets GSD_CLI).
gsd_cli <- function() {
  cli <- Sys.getenv("GSD_CLI")
  if (!nzchar(cli) || !file.exists(cli)) {
    testthat::skip("GSD_CLI does not name the gsd executable (scripts/setup.sh test sets it)")
  }
  normalizePath(cli)
}

# The repository's configs (GSD_SOURCE_DIR), else the copies the package ships.
config_files <- function() {
  src <- Sys.getenv("GSD_SOURCE_DIR")
  files <- if (nzchar(src)) list.files(file.path(src, "configs"), "\\.json$", full.names = TRUE)
           else list.files(system.file("extdata", package = "gsd"), "^blinatumomab.*\\.json$",
                           full.names = TRUE)
  if (length(files) == 0L) testthat::skip("no configs found")
  files
}

example_file <- function(path, shipped) {
  src <- Sys.getenv("GSD_SOURCE_DIR")
  if (nzchar(src)) return(file.path(src, path))
  system.file("extdata", shipped, package = "gsd")
}

# What `gsd ARGS --format json` prints, as gsd_run() returns it.
cli_json <- function(args) {
  out <- suppressWarnings(system2(gsd_cli(), c(args, "--format", "json"), stdout = TRUE,
                                  stderr = FALSE))
  status <- attr(out, "status")
  if (!is.null(status)) stop("gsd ", paste(args, collapse = " "), " exited with ", status)
  jsonlite::fromJSON(paste(out, collapse = "\n"), simplifyDataFrame = FALSE,
                     simplifyMatrix = FALSE)
}

# |x - y| <= tol elementwise: a reference given to a number of decimals.
expect_near <- function(x, y, tol) {
  testthat::expect_equal(length(x), length(y))
  testthat::expect_true(all(abs(x - y) <= tol), info = paste(format(x, digits = 10), collapse = " "))
}

# What `gsd ARGS` prints on stdout, byte for byte, as one string.
cli_stdout <- function(args) {
  out <- tempfile()
  on.exit(unlink(out))
  status <- system2(gsd_cli(), args, stdout = out, stderr = FALSE)
  if (!identical(status, 0L)) stop("gsd ", paste(args, collapse = " "), " exited with ", status)
  readChar(out, file.size(out), useBytes = TRUE)
}

# The golden cases of the repository (tests/golden/cases.txt): every config
# and example through every command that accepts it, with the command line's
# extra flags.
golden_cases <- function() {
  src <- Sys.getenv("GSD_SOURCE_DIR")
  file <- file.path(src, "tests", "golden", "cases.txt")
  if (!nzchar(src) || !file.exists(file)) testthat::skip("GSD_SOURCE_DIR does not name the repository")
  lines <- readLines(file)
  lines <- lines[nzchar(trimws(lines)) & !startsWith(trimws(lines), "#")]
  lapply(strsplit(lines, "|", fixed = TRUE), function(p) {
    p <- trimws(p)
    extra <- if (length(p) >= 4L && nzchar(p[4])) strsplit(p[4], " +")[[1]] else character()
    list(name = p[1], command = p[2], config = file.path(src, p[3]), flags = extra)
  })
}

# The command line's flags (--replicates 2000 --max-duration 60) as gsd_run()'s arguments.
flag_arguments <- function(flags) {
  if (length(flags) == 0L) return(list())
  values <- as.numeric(flags[c(FALSE, TRUE)])
  stats::setNames(as.list(values), gsub("-", "_", sub("^--", "", flags[c(TRUE, FALSE)])))
}

# An HTML report without the line that says when and from what it was made.
report_body <- function(file) {
  html <- readChar(file, file.size(file), useBytes = TRUE)
  sub("generated [^<]* from [^<]*</div>", "generated ... from ...</div>", html)
}

# The gsd_invalid_input condition `expr` raises (test-conditions.R, test-files.R).
invalid <- function(expr) {
  e <- tryCatch(expr, gsd_invalid_input = function(e) e)
  expect_s3_class(e, c("gsd_invalid_input", "gsd_error", "error", "condition"), exact = TRUE)
  e
}
