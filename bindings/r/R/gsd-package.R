#' gsd: group-sequential trials from R
#'
#' Designs with Lan-DeMets and classical boundaries ([gsd_design()]), log-rank
#' power and sample size under mixture cure models ([gsd_survival()]), a
#' reproducible parallel trial simulator ([gsd_simulate()]), data monitoring
#' committee looks ([gsd_monitor()]) and their append-only record
#' ([gsd_record_add()]), and Simon's two-stage designs for a single-arm
#' response rate ([gsd_simon()]) with their monitoring. The package calls the gsd C++ library, the same code
#' as the `gsd` command line, so its numbers equal the command line's;
#' [gsd_run()] returns exactly the command line's JSON result.
#'
#' Coming from rpact or gsDesign: see [coming_from_rpact].
#'
#' @keywords internal
#' @useDynLib gsd, .registration = TRUE
#' @importFrom Rcpp sourceCpp
"_PACKAGE"
