# Checks of the R-side types, before a value is written into a config. The
# library checks every value's range; these only keep values that are not
# numbers, strings or flags from reaching it, and raise the same condition.

.describe <- function(x) {
  if (is.null(x)) return("NULL")
  # A string in quotes, as the library writes one: `replicates = "100"`, not
  # `replicates = 100`, which reads as the number the rule then asks for.
  if (is.character(x) && length(x) == 1L && !is.na(x)) return(encodeString(x, quote = "\""))
  # A factor as R prints it, not as its codes or bare levels: factor("0.05").
  if (is.factor(x) && length(x) <= 5L) {
    return(paste0("factor(", paste(deparse(as.character(x)), collapse = ""), ")"))
  }
  if (is.atomic(x) && length(x) == 1L) return(format(x))
  if (length(x) == 0L && is.null(attributes(x)) && (is.atomic(x) || is.list(x))) {
    return(deparse(x))  # numeric(0), list()
  }
  # A short vector as it is typed, c(0, 6) or c(shape = 1.5, scale = 12), as
  # the library's values are shown from R.
  if (is.atomic(x) && length(x) <= 5L && all(names(attributes(x)) %in% "names")) {
    return(paste(deparse(x, width.cutoff = 500L), collapse = ""))
  }
  # A gsd result is a list of fields; their count says nothing to its user.
  if (is.list(x) && any(startsWith(class(x), "gsd_"))) return(paste0("a ", class(x)[1L], " object"))
  # A data frame's length is its number of columns; its rows are its looks.
  if (is.data.frame(x)) return(paste0("a data frame of ", nrow(x), if (nrow(x) == 1L) " row" else " rows"))
  paste0(if (grepl("^[aeiou]", class(x)[1L])) "an " else "a ", class(x)[1L], " of length ", length(x))
}

.check_number <- function(x, name, null_ok = FALSE, call = sys.call(-1L)) {
  if (is.null(x) && null_ok) return(invisible())
  .check_plain(x, name, "a number", call = call)
  if (!is.numeric(x) || length(x) != 1L || is.na(x)) {
    .gsd_invalid(name, .describe(x), "must be a single number", call = call)
  }
}

.check_numbers <- function(x, name, null_ok = FALSE, rule = "must list at least one look",
                           call = sys.call(-1L)) {
  if (is.null(x) && null_ok) return(invisible())
  .check_plain(x, name, "numbers", call = call)
  if (!is.numeric(x)) .gsd_invalid(name, .describe(x), "must be a numeric vector", call = call)
  # As the library and the Python package say it of an empty list.
  if (length(x) < 1L) .gsd_invalid(name, .describe(x), rule, call = call)
}

# A plain value, not one of an R class. A factor reaches the config as its
# labels, strings: "alpha = \"0.05\" must be a number, not a string" of a
# value the user never wrote as a string (and as.numeric() of a factor gives
# its codes, not its labels).
# Likewise a Date, a date-time or a difftime: a number to R, but of days or
# seconds since an origin, which the config would take as the value
# (alpha = Sys.Date() read as about 20,000).
.check_plain <- function(x, name, what, call = sys.call(-1L)) {
  if (is.factor(x)) {
    .gsd_invalid(name, .describe(x), paste("is a factor; give", what), call = call)
  }
  classes <- setdiff(oldClass(x), "AsIs")
  if (is.atomic(x) && length(classes) > 0L) {
    .gsd_invalid(name, .describe(x), paste0("is of class ", classes[1L], "; give ", what), call = call)
  }
}

# An argument that holds one number, as the config writes it. The library
# checks its type and range; here only what the config cannot show as the R
# value given: an empty vector would reach it as "[]", a factor as its labels,
# and a name turns a number into a JSON object ("{\"a\":0.05}"), so names are
# dropped (a number taken from quantile() or coef() comes with one).
.number_value <- function(x, name, call = sys.call(-1L)) {
  if (is.null(x)) return(NULL)
  .check_plain(x, name, "a number", call = call)
  if (length(x) == 0L) .gsd_invalid(name, .describe(x), "must be one number", call = call)
  if (is.atomic(x)) names(x) <- NULL
  x
}

# A vector of numbers that the config writes as an array: without names,
# which would make it a JSON object, and kept an array at length one.
.numbers_value <- function(x) I(unname(x))

.check_string <- function(x, name, null_ok = FALSE, call = sys.call(-1L)) {
  if (is.null(x) && null_ok) return(invisible())
  if (!is.character(x) || length(x) != 1L || is.na(x)) {
    .gsd_invalid(name, .describe(x), "must be a single string", call = call)
  }
}

# A file argument: one string naming a file. An empty name would be read as
# not given (a plot or report silently not written) or reach the file system
# as "" (a lock file left in the working directory, a temporary file's name
# in the error), so it is refused, as the command line refuses --report "".
.check_file <- function(x, name, what, null_ok = FALSE, call = sys.call(-1L)) {
  .check_string(x, name, null_ok = null_ok, call = call)
  if (identical(x, "")) .gsd_invalid(name, NULL, paste("is empty:", what), call = call)
}

# What each kind of file argument should have named, in the command line's words.
.name_json <- "name a JSON file"
.name_record <- "name a record file (JSON)"
.name_html <- "name an HTML file"
.name_key <- "name the file that holds the committee's key"

.check_flag <- function(x, name, call = sys.call(-1L)) {
  if (!is.logical(x) || length(x) != 1L || is.na(x)) {
    .gsd_invalid(name, .describe(x), "must be TRUE or FALSE", call = call)
  }
}

.check_config <- function(x, call = sys.call(-1L)) {
  if (!(.is_path(x) || is.list(x))) {
    .gsd_invalid("config", .describe(x), "must be a path to a JSON config or a list", call = call)
  }
  .check_config_file(x, "config", call = call)
}

# A config file that is not there: the library's "cannot read the config
# file" names the file but no argument (the condition's argument is NA).
.check_config_file <- function(x, name, call = sys.call(-1L)) {
  if (.is_path(x) && !file.exists(x)) {
    .gsd_invalid(name, .describe(x), "does not exist; give the path of a JSON config, or a config list",
                 call = call)
  }
  if (.is_path(x) && dir.exists(x)) {
    .gsd_invalid(name, .describe(x), "is a directory; name a JSON config inside it", call = call)
  }
}

# An arm or an accrual: a named list (what cure_model() and accrual() make),
# not a bare number or vector, which the config would read as a JSON array.
.check_object <- function(x, name, rule, null_ok = FALSE, call = sys.call(-1L)) {
  if (is.null(x) && null_ok) return(invisible())
  if (!is.list(x) || (length(x) > 0L && is.null(names(x)))) {
    .gsd_invalid(name, .describe(x), rule, call = call)
  }
}

# A required argument left out: R's own "argument "x" is missing, with no
# default" is a plain error, raised wherever the argument is first used.
.check_given <- function(missing, name, todo, call = sys.call(-1L)) {
  if (missing) .gsd_invalid(name, NULL, paste0("is missing: ", todo), call = call)
}

# The `...` of a function that takes no further arguments: one it does not
# have (a misspelt name, one value too many) is refused by name, where R's
# "unused argument" would be a plain error. `fun` is the function's name; its
# own arguments are listed.
.check_no_extra <- function(extra, fun, call = sys.call(-1L)) {
  if (length(extra) == 0L) return(invisible())
  given <- if (is.null(names(extra))) rep("", length(extra)) else names(extra)
  name <- if (nzchar(given[1L])) given[1L] else "..."
  own <- setdiff(names(formals(get(fun, envir = asNamespace("gsd")))), "...")
  takes <- if (length(own) == 0L) "it takes no arguments" else {
    paste("give", if (length(own) == 1L) own else
      paste(paste(own[-length(own)], collapse = ", "), "or", own[length(own)]))
  }
  .gsd_invalid(name, .describe(extra[[1L]]), paste0("is not an argument of ", fun, "(): ", takes),
               call = call)
}
