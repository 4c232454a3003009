# A survey of random spending designs: gsd against rpact 3.3.4, and, where
# the two differ, both against the spending function itself through mvtnorm
# (Miwa's algorithm). It needs R with r-cran-rpact, r-cran-mvtnorm and
# r-cran-jsonlite, and a gsd command line:
#   Rscript tests/reference/rpact_random_designs.R build/release/cli/gsd [N] [SEED]
# (N designs, default 150; SEED default 20261206). It prints one line per
# design where the bounds differ by more than 1e-6 in z, then a summary
# (docs/validation.md quotes it). No test runs it; the designs it finds are
# the ones tests/reference/mvtnorm_crowded_looks.R solves for the tests.
#
# The designs: 2 to 6 looks at random fractions (whole percents), one- or
# two-sided (symmetric, alpha the total), alpha 0.005 to 0.05 or uniform on
# [0.001, 0.1], beta uniform on [0.05, 0.3]; efficacy spending LD-OBF,
# LD-Pocock, HSD (gamma in [-5, 3]) or Kim-DeMets (rho in [0.6, 4]); in six
# of ten a beta-spending futility bound of the same families, binding or not.
suppressMessages({
  library(rpact)
  library(mvtnorm)
  library(jsonlite)
})
args <- commandArgs(trailingOnly = TRUE)
if (length(args) < 1) stop("usage: rpact_random_designs.R GSD [N] [SEED]")
gsd <- args[1]
n <- if (length(args) >= 2) as.integer(args[2]) else 150L
set.seed(if (length(args) >= 3) as.integer(args[3]) else 20261206L)

families <- list(
  list(gsd = "lan-demets-obf", rpact = "OF", range = NULL,
       f = function(t, a, p) 2 * pnorm(qnorm(a / 2, lower.tail = FALSE) / sqrt(t), lower.tail = FALSE)),
  list(gsd = "lan-demets-pocock", rpact = "P", range = NULL,
       f = function(t, a, p) a * log(1 + (exp(1) - 1) * t)),
  list(gsd = "hsd", rpact = "HSD", range = c(-5, 3),
       f = function(t, a, p) a * (1 - exp(-p * t)) / (1 - exp(-p))),
  list(gsd = "power", rpact = "KD", range = c(0.6, 4),
       f = function(t, a, p) a * t^p))
draw_family <- function() {
  fam <- families[[sample.int(4, 1)]]
  fam$p <- if (is.null(fam$range)) NA else round(runif(1, fam$range[1], fam$range[2]), 2)
  fam
}

designs <- lapply(seq_len(n), function(i) {
  K <- sample(2:6, 1)
  t <- c(sort(sample(5:95, K - 1)) / 100, 1)
  alpha <- round(sample(c(0.005, 0.01, 0.025, 0.05, runif(1, 0.001, 0.1)), 1), 4)
  d <- list(K = K, t = t, alpha = alpha, beta = round(runif(1, 0.05, 0.3), 3),
            sided = sample(c(1, 1, 1, 2), 1), eff = draw_family(), fut = NULL)
  if (runif(1) < 0.6) d$fut <- c(draw_family(), binding = runif(1) < 0.5)
  d
})

# gsd: one config per line, one process.
spending_json <- function(fam) {
  s <- list(spending = fam$gsd)
  if (!is.na(fam$p)) s$parameter <- fam$p
  s
}
configs <- vapply(designs, function(d) {
  design <- list(alpha = d$alpha, beta = d$beta, sided = d$sided, information_fractions = d$t,
                 efficacy = spending_json(d$eff))
  if (!is.null(d$fut)) design$futility <- c(spending_json(d$fut), binding = d$fut$binding)
  toJSON(list(design = design), auto_unbox = TRUE, digits = NA)
}, "")
batch <- tempfile(fileext = ".jsonl")
writeLines(configs, batch)
out <- system2(gsd, c("design", "--batch", batch, "--format", "jsonl"), stdout = TRUE)
gsd_looks <- lapply(out, function(line) fromJSON(line, simplifyVector = FALSE)$boundaries$looks)

rpact_design <- function(d) {
  a <- list(kMax = d$K, alpha = d$alpha, beta = d$beta, sided = d$sided, informationRates = d$t,
            typeOfDesign = paste0("as", d$eff$rpact))
  if (!is.na(d$eff$p)) a$gammaA <- d$eff$p
  if (!is.null(d$fut)) {
    a$typeBetaSpending <- paste0("bs", d$fut$rpact)
    if (!is.na(d$fut$p)) a$gammaB <- d$fut$p
    a$bindingFutility <- d$fut$binding
  }
  suppressWarnings(do.call(getDesignGroupSequential, a))
}

# P(cross an efficacy bound by look k | H0) for a one-sided design, summed
# over the looks: look k's share, P(continue before k, Z_k >= b_k), is taken
# directly (one minus the probability of continuing would lose the small
# shares of the early looks). Without a binding futility bound the earlier
# looks only continue below their efficacy bounds (the alpha a non-binding
# design spends); with one they continue between the two bounds.
corr <- function(t) outer(t, t, function(x, y) sqrt(pmin(x, y) / pmax(x, y)))
crossed <- function(t, b, f = rep(-Inf, length(t))) {
  s <- corr(t)
  cumsum(vapply(seq_along(t), function(k) {
    suppressWarnings(pmvnorm(lower = c(f[seq_len(k - 1)], b[k]), upper = c(b[seq_len(k - 1)], Inf),
                             sigma = s[1:k, 1:k, drop = FALSE], algorithm = Miwa(steps = 4097)))[1]
  }, 0))
}
# The same for a two-sided symmetric design (continue while |Z| < b). mvtnorm
# takes such a rectangle's probability under Miwa's algorithm as a sum over
# orthants, whose cancellation leaves errors near 1e-9 at six looks; this is
# the recursive integration of Armitage, McPherson & Rowe (1969) instead,
# with Simpson's rule on n points per look (converged to about 1e-13 at
# n = 4001, against 1e-9 from Miwa).
crossed_two_sided <- function(t, b, n = 4001) {
  simpson <- function(x) {
    w <- rep(c(2, 4), length.out = length(x))
    w[c(1, length(x))] <- 1
    w * (x[2] - x[1]) / 3
  }
  s <- seq(-b[1], b[1], length.out = n) * sqrt(t[1])
  f <- dnorm(s, sd = sqrt(t[1])) * simpson(s)  # density times weight
  out <- 2 * pnorm(b[1], lower.tail = FALSE)
  for (k in seq_along(t)[-1]) {
    sd <- sqrt(t[k] - t[k - 1])
    edge <- b[k] * sqrt(t[k])
    out[k] <- out[k - 1] + sum(f * (pnorm((edge - s) / sd, lower.tail = FALSE) + pnorm((-edge - s) / sd)))
    if (k < length(t)) {
      s_next <- seq(-edge, edge, length.out = n)
      f <- as.vector((dnorm(outer(s_next, s, "-") / sd) / sd) %*% f) * simpson(s_next)
      s <- s_next
    }
  }
  out
}
spending_error <- function(d, b, f) {
  binding <- !is.null(d$fut) && d$fut$binding
  target <- d$eff$f(d$t, d$alpha / d$sided, d$eff$p) * d$sided
  if (d$sided == 1) return(max(abs(crossed(d$t, b, if (binding) f else rep(-Inf, d$K)) - target)))
  if (binding) return(NA)  # two-sided with a binding futility bound: z only
  max(abs(crossed_two_sided(d$t, b) - target))
}
describe <- function(i, d) {
  sprintf("design %3d: %d looks at %s, %s-sided alpha %g, as%s%s%s", i, d$K, paste(d$t, collapse = " "),
          d$sided, d$alpha, d$eff$rpact, if (is.na(d$eff$p)) "" else sprintf("(%g)", d$eff$p),
          if (is.null(d$fut)) "" else sprintf(", bs%s%s %s", d$fut$rpact,
            if (is.na(d$fut$p)) "" else sprintf("(%g)", d$fut$p),
            if (d$fut$binding) "binding" else "non-binding"))
}
# rpact's mark of a look without a futility bound, and gsd's null there.
futility_of <- function(x) vapply(x, function(v) if (is.null(v) || !is.finite(v) || v <= -6) -Inf else v, 0)

differ <- 0
failed <- 0
worst <- c(z = 0, gsd = 0, rpact = 0)
for (i in seq_len(n)) {
  d <- designs[[i]]
  if (is.null(gsd_looks[[i]])) {  # gsd refused the design: its line is the error
    cat(sprintf("%s: gsd: %s\n", describe(i, d), out[i]))
    next
  }
  gz <- vapply(gsd_looks[[i]], function(l) l$efficacy_z, 0)
  gf <- futility_of(lapply(gsd_looks[[i]], function(l) l$futility_z))
  r <- tryCatch(rpact_design(d), error = function(e) conditionMessage(e))
  if (is.character(r)) {
    failed <- failed + 1
    eg <- spending_error(d, gz, gf)
    worst["gsd"] <- max(worst["gsd"], eg, na.rm = TRUE)
    cat(sprintf("%s: rpact fails (%s); gsd's cumulative alpha is off the spending function by %.1e\n",
                describe(i, d), sub("\n.*", "", r), eg))
    next
  }
  rz <- r$criticalValues
  # rpact writes Inf where the alpha to spend is below its tolerance, and
  # above z = 6 (alpha under 1e-9) its root search stops on an absolute
  # tolerance; those looks are compared on the alpha scale below only.
  keep <- is.finite(rz) & pmin(gz, rz) < 6
  dz <- max(abs(gz - rz)[keep])
  if (dz <= 1e-6) next
  differ <- differ + 1
  worst["z"] <- max(worst["z"], dz)
  eg <- spending_error(d, gz, gf)
  er <- spending_error(d, ifelse(is.finite(rz), rz, 40), futility_of(as.list(c(r$futilityBounds, NA))))
  worst["gsd"] <- max(worst["gsd"], eg, na.rm = TRUE)
  worst["rpact"] <- max(worst["rpact"], er, na.rm = TRUE)
  cat(sprintf("%s: |dz| up to %.1e; cumulative alpha off the spending function by %.1e (gsd), %.1e (rpact)\n",
              describe(i, d), dz, eg, er))
}
cat(sprintf("%d of %d designs differ by more than 1e-6 in z (at most %.2g) and rpact fails on %d; the cumulative alpha misses the spending function by at most %.1e with gsd's bounds and %.1e with rpact's\n",
            differ, n, worst["z"], failed, worst["gsd"], worst["rpact"]))
