# rpact's side of the README's speed table (benchmarks/compare_rpact.sh runs
# both sides): the CPU and wall seconds rpact 3.3.4 takes for
#   designs:    the 120-design batch, one getDesignGroupSequential() call per
#               design: 100 Lan-DeMets O'Brien-Fleming K = 5 designs (beta
#               0.05, 0.052, ..., 0.248) and 20 with Hwang-Shih-DeCani(-2)
#               non-binding beta-spending futility at beta 0.1;
#   simulation: getSimulationSurvival() on the seed trial's size and looks
#               (202 patients over 36 months, looks at 47/71/94 events,
#               LD-OBF at one-sided 0.025). rpact has no cure model: the
#               latencies are exponential (control median 7 months, hazard
#               ratio 0.63), the same work per trial (draw, sort, three
#               log-rank looks).
# Usage: Rscript benchmarks/compare_rpact.R designs|simulation [ITERATIONS]
# Prints one line: "<task> <cpu seconds> <wall seconds> <units>".
suppressPackageStartupMessages(library(rpact))
args <- commandArgs(trailingOnly = TRUE)
task <- if (length(args) >= 1) args[[1]] else "designs"
iterations <- if (length(args) >= 2) as.integer(args[[2]]) else 2000L

timed <- function(expr) {
  t <- system.time(expr)
  c(cpu = unname(t[["user.self"]] + t[["sys.self"]]), wall = unname(t[["elapsed"]]))
}

designs <- function() {
  for (i in 0:99) {
    getDesignGroupSequential(kMax = 5, alpha = 0.025, sided = 1, beta = 0.05 + 0.002 * i,
                             typeOfDesign = "asOF")
  }
  for (i in 1:20) {
    getDesignGroupSequential(kMax = 5, alpha = 0.025, sided = 1, beta = 0.1,
                             typeOfDesign = "asOF", typeBetaSpending = "bsHSD", gammaB = -2,
                             bindingFutility = FALSE)
  }
}

simulation <- function(n) {
  design <- getDesignGroupSequential(kMax = 3, alpha = 0.025, sided = 1, beta = 0.16,
                                     informationRates = c(0.5, 0.75, 1), typeOfDesign = "asOF")
  getSimulationSurvival(design, plannedEvents = c(47, 71, 94), maxNumberOfSubjects = 202,
                        accrualTime = c(0, 36), lambda2 = log(2) / 7, hazardRatio = 0.63,
                        directionUpper = FALSE, maxNumberOfIterations = n, seed = 1)
}

if (task == "designs") {
  designs()  # warm-up: rpact's first call loads its code
  t <- timed(designs())
  cat(sprintf("designs %.4f %.4f 120\n", t[["cpu"]], t[["wall"]]))
} else if (task == "simulation") {
  invisible(simulation(10L))
  t <- timed(simulation(iterations))
  cat(sprintf("simulation %.4f %.4f %d\n", t[["cpu"]], t[["wall"]], iterations))
} else {
  stop("task must be designs or simulation")
}
