# Speed of the R package against the C++ library and the command line
# (docs/r.md, "Speed"). Run from the repository root after scripts/setup.sh r
# and a build with benchmarks (scripts/setup.sh test builds them):
#   Rscript bindings/r/tools/speed.R build/release
# Wall times move with the load of the machine; the instruction counts of
# docs/r.md (valgrind --tool=callgrind) do not.
args <- commandArgs(TRUE)
build <- if (length(args) > 0L) args[1] else "build/release"
library(gsd)

cat("== A K = 5 design (Lan-DeMets O'Brien-Fleming, with drift) ==\n")
b <- bench::mark(gsd_design = gsd_design(information_fractions = 1:5 / 5),
                 min_iterations = 500, check = FALSE)
print(b[, c("expression", "min", "median", "itr/sec")])
bm <- file.path(build, "benchmarks", "design_benchmark")
if (file.exists(bm)) {
  system2(bm, c("--benchmark_filter=BM_LanDeMetsObf_K5$", "--benchmark_repetitions=5",
                "--benchmark_report_aggregates_only=true"))
}

cat("\n== Simulation throughput, seed trial, one thread ==\n")
config <- "configs/blinatumomab-20120215.json"
cli <- file.path(build, "cli", "gsd")
n <- 200000
per_trial <- function(seconds) sprintf("%.2f us per trial", 1e6 * seconds / n)
for (round in 1:3) {
  r <- system.time(gsd_run(config, "simulate", replicates = n, seed = round, progress = FALSE))
  c <- system.time(system2(cli, c("simulate", config, "--replicates", n, "--seed", round,
                                  "--threads", 1, "--quiet", "--format", "json"), stdout = FALSE))
  cat("round", round, ": R", per_trial(r[["elapsed"]]), "(CPU", per_trial(r[["user.self"]]),
      "); command line", per_trial(c[["elapsed"]]), "(CPU", per_trial(c[["user.child"]]), ")\n")
}
