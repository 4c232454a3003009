#' Group-sequential design: boundaries, drift and inflation factor
#'
#' Efficacy (and optionally futility) boundaries of a group-sequential test
#' by recursive numerical integration of the canonical joint distribution of
#' the z statistics (Armitage, McPherson and Rowe 1969; Jennison and Turnbull
#' 2000, chapter 19). Defaults follow rpact's `getDesignGroupSequential()`
#' (three equally spaced looks, one-sided alpha 0.025, beta 0.2), with
#' Lan-DeMets O'Brien-Fleming alpha-spending.
#'
#' Efficacy families (`efficacy`, with `efficacy_parameter` where the family
#' has one): `"lan-demets-obf"`, `"lan-demets-pocock"`, `"hsd"`
#' (Hwang-Shih-DeCani, gamma), `"power"` (Kim-DeMets, rho), `"user"` (the
#' cumulative fraction of alpha spent at each look), and the classical
#' `"obrien-fleming"`, `"pocock"`, `"wang-tsiatis"` (Delta) and
#' `"haybittle-peto"` (the interim z, default 3). Futility families
#' (`futility`, used as beta-spending) are the spending ones; the drift is
#' solved jointly so that the final bounds meet and power is exactly
#' `1 - beta`.
#'
#' @param alpha type I error: one-sided for `sided = 1`, the total of both
#'   sides for `sided = 2` (rpact's convention).
#' @param sided 1 (one-sided) or 2 (two-sided symmetric).
#' @param information_fractions the information fraction at each look,
#'   increasing, ending at 1 (rpact's `informationRates`).
#' @param efficacy the efficacy boundary family.
#' @param efficacy_parameter the family's parameter (gamma, rho, Delta or the
#'   Haybittle-Peto z); for `"user"`, the cumulative fractions of alpha spent
#'   at each look.
#' @param beta type II error: defines the alternative (the drift) for power,
#'   the inflation factor and beta-spending.
#' @param futility `NULL` (no futility bound) or a spending family for
#'   beta-spending futility bounds.
#' @param futility_parameter the futility family's parameter (for `"user"`,
#'   the cumulative fractions of beta).
#' @param binding whether the futility bound is binding.
#' @param name a name for the design, printed with it.
#' @param ... further keys of the config's `design` section, for example
#'   `solver = list(grid_r = 18)`.
#' @return An object of class `gsd_design`: a list with
#'   \describe{
#'     \item{`bounds`}{a data frame, one row per look: `look`,
#'       `information_fraction`, `efficacy_z`, `futility_z` (`NA` where none),
#'       the nominal p-values, `cumulative_alpha` and the probabilities of
#'       stopping at each look under H0 and H1;}
#'     \item{`drift`}{theta times the square root of the maximum information
#'       that gives power `1 - beta` (the square root of rpact's `shift`);}
#'     \item{`inflation_factor`}{the maximum information over that of a fixed
#'       design;}
#'     \item{`expected_information`}{the expected information under H0 and H1,
#'       as fractions of the maximum;}
#'     \item{`config`}{the config, as the command line reads it (see
#'       [gsd_config()]);}
#'     \item{`result`}{the command line's JSON result, as [gsd_run()] returns
#'       it.}
#'   }
#' @references Jennison C, Turnbull BW (2000). Group Sequential Methods with
#'   Applications to Clinical Trials. Chapman & Hall/CRC.
#'
#'   Lan KKG, DeMets DL (1983). Discrete sequential boundaries for clinical
#'   trials. Biometrika 70:659-663.
#' @seealso [gsd_survival()] to size a survival trial on the design,
#'   [gsd_monitor()] for the looks, [coming_from_rpact] for rpact's argument
#'   names.
#' @export
#' @examples
#' d <- gsd_design(alpha = 0.025, information_fractions = c(0.5, 0.75, 1))
#' d
#' d$bounds$efficacy_z
#' d$drift
#'
#' # the seed trial: two-sided 0.05, Lan-DeMets O'Brien-Fleming, power 0.84
#' seed <- gsd_design(alpha = 0.05, sided = 2, beta = 0.16,
#'                    information_fractions = c(0.5, 0.75, 1))
#' as.data.frame(seed)
#'
#' # Hwang-Shih-DeCani(-4) efficacy with binding HSD(-2) beta-spending futility
#' gsd_design(efficacy = "hsd", efficacy_parameter = -4, beta = 0.1,
#'            information_fractions = 1:5 / 5,
#'            futility = "hsd", futility_parameter = -2, binding = TRUE)
gsd_design <- function(alpha = 0.025, sided = 1, information_fractions = 1:3 / 3,
                       efficacy = "lan-demets-obf", efficacy_parameter = NULL,
                       beta = 0.2, futility = NULL, futility_parameter = NULL,
                       binding = FALSE, name = NULL, ...) {
  config <- .design_config(alpha, sided, information_fractions, efficacy, efficacy_parameter,
                           beta, futility, futility_parameter, binding, name, list(...))
  out <- .gsd_value(.gsd_run(config, "design", list(), .gsd_arguments$design, .tables))
  .new_design(config, out)
}

# The per-look arrays that the S3 objects hold as data frames.
.tables <- c("/boundaries/looks", "/sample_size/looks")

.design_config <- function(alpha, sided, information_fractions, efficacy, efficacy_parameter,
                           beta, futility, futility_parameter, binding, name, extra,
                           call = sys.call(-1L)) {
  .check_numbers(information_fractions, "information_fractions", call = call)
  .check_string(efficacy, "efficacy", call = call)
  .check_string(futility, "futility", null_ok = TRUE, call = call)
  .check_flag(binding, "binding", call = call)
  .check_string(name, "name", null_ok = TRUE, call = call)
  if (length(extra) > 0L && (is.null(names(extra)) || any(names(extra) == ""))) {
    .gsd_invalid("...", NULL, "must be named: further keys of the design section", call = call)
  }
  design <- list(alpha = .number_value(alpha, "alpha", call = call),
                 sided = .number_value(sided, "sided", call = call),
                 beta = .number_value(beta, "beta", call = call),
                 information_fractions = .numbers_value(information_fractions),
                 efficacy = .family(efficacy, efficacy_parameter, "efficacy_parameter", "alpha", call))
  if (!is.null(futility)) {
    design$futility <- c(.family(futility, futility_parameter, "futility_parameter", "beta", call),
                         list(binding = binding))
  } else if (binding) {
    .gsd_invalid("binding", "TRUE", "needs a futility bound (futility = ...)", call = call)
  } else if (!is.null(futility_parameter)) {
    # Without a futility family the parameter would be dropped unseen.
    .gsd_invalid("futility_parameter", .describe(futility_parameter),
                 "needs a futility bound (futility = ...)", call = call)
  }
  design[names(extra)] <- extra
  list(name = name, design = design)
}

# A family and its parameter (the argument `name`) as the config writes
# them: "user" spending takes the cumulative fractions of `error` spent at
# each look, every other family one parameter.
.family <- function(spending, parameter, name, error, call = sys.call(-1L)) {
  if (is.null(parameter)) return(list(spending = spending))
  if (identical(spending, "user")) {
    .check_numbers(parameter, name, call = call,
                   rule = paste("must list the cumulative fraction of", error, "spent at each look"))
    return(list(spending = spending, cumulative = .numbers_value(parameter)))
  }
  list(spending = spending, parameter = .number_value(parameter, name, call = call))
}

.new_design <- function(config, out, class = "gsd_design") {
  res <- out$result
  b <- res$boundaries
  bounds <- .columns(out$tables[["/boundaries/looks"]],
                     c("look", "information_fraction", "efficacy_z", "futility_z"))
  structure(
    list(bounds = bounds, drift = b$drift, inflation_factor = b$inflation_factor,
         expected_information = c(h0 = b$expected_information_fraction_h0,
                                  h1 = b$expected_information_fraction_h1),
         alpha = b$alpha, beta = b$beta, sided = b$sided, power = b$power,
         efficacy = b$efficacy_spending, name = res$name, config = config, result = res),
    class = class
  )
}

# A per-look data frame with the columns `first` first.
.columns <- function(df, first) df[c(intersect(first, names(df)), setdiff(names(df), first))]

# As the C++ to_r_frame() (src/r_json.hpp), for per-look objects already in R
# (monitoring and records): a `look` column, then the columns `first`, then
# the rest in the JSON's order, without `drop`; null becomes NA.
.rows <- function(rows, first = character(), drop = character()) {
  keys <- unique(unlist(lapply(rows, names), use.names = FALSE))
  keys <- c(intersect(first, keys), setdiff(keys, c(first, drop)))
  n <- length(rows)
  cols <- lapply(keys, function(k) {
    v <- lapply(rows, function(r) r[[k]])
    if (all(vapply(v, function(x) length(x) <= 1L && is.atomic(x), TRUE))) {
      v[vapply(v, is.null, TRUE)] <- list(NA_real_)
      unlist(v, use.names = FALSE)
    } else {
      I(v)
    }
  })
  names(cols) <- keys
  structure(c(list(look = seq_len(n)), cols), class = "data.frame", row.names = seq_len(n))
}
