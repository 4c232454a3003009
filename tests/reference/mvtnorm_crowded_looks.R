# Generator of the reference bounds embedded in
# tests/spending/crowded_looks_test.cpp: one-sided designs with looks close
# together, solved without any group-sequential package. Each efficacy bound solves
# P(cross by look k | H0) = alpha(t_k) for the spending function's closed
# form; with a non-binding beta-spending futility bound, the drift and the
# futility bounds solve P(stop for futility by look k | drift) = beta g(t_k)
# with the final futility bound at the final efficacy bound (power 1 - beta).
# The multivariate normal probabilities are R's mvtnorm (Debian's
# r-cran-mvtnorm) with Miwa's algorithm (Miwa, Hayter & Kuriki 2003, JRSS B
# 65:223), deterministic and accurate to about 1e-11 here; the roots come from
# uniroot at tolerance 1e-13. Two-sided designs are left out: mvtnorm takes a
# rectangle's probability under Miwa's algorithm as a sum over orthants, whose
# cancellation leaves errors near 1e-9 on six two-sided looks (where the
# recursive Simpson integration of rpact_random_designs.R,
# crossed_two_sided, and gsd agree within 1e-13).
#
# rpact 3.3.4's bounds are printed beside them where rpact is installed: on
# these designs its bounds after the crowded looks are off by 6e-3 to 9e-2
# in z, and its cumulative alpha misses the spending function by up to 8e-4
# (docs/validation.md), or it cannot solve them at all. The designs are six
# that a survey of random designs found (tests/reference/rpact_random_designs.R).
#
# Run: Rscript tests/reference/mvtnorm_crowded_looks.R
# Tests embed the printed values; they never call R.
library(mvtnorm)
have_rpact <- requireNamespace("rpact", quietly = TRUE)

corr <- function(t) outer(t, t, function(x, y) sqrt(pmin(x, y) / pmax(x, y)))
# Miwa's algorithm warns that it takes an infinite limit as +/-1000, which
# changes nothing at these means.
prob <- function(lo, hi, mu, s) {
  suppressWarnings(pmvnorm(lower = lo, upper = hi, mean = mu, sigma = s, algorithm = Miwa(steps = 4097)))[1]
}
spend <- list(
  obf = function(t, a, p) 2 * pnorm(qnorm(a / 2, lower.tail = FALSE) / sqrt(t), lower.tail = FALSE),
  pocock = function(t, a, p) a * log(1 + (exp(1) - 1) * t),
  power = function(t, a, p) a * t^p,
  hsd = function(t, a, p) a * (1 - exp(-p * t)) / (1 - exp(-p)))
rpact_type <- c(obf = "OF", pocock = "P", power = "KD", hsd = "HSD")

# One-sided efficacy bounds, stop when Z >= c. The first is the closed form;
# each later one solves P(continue before look k, Z_k >= c) = alpha(t_k)
# less what the earlier bounds spend, computed directly rather than as one
# minus the probability of continuing, which would lose the small
# probabilities of the early looks.
efficacy <- function(t, a, fam, p) {
  cum <- spend[[fam]](t, a, p)
  b <- qnorm(cum[1], lower.tail = FALSE)
  so_far <- cum[1]
  for (k in seq_along(t)[-1]) {
    s <- corr(t[1:k])
    earlier <- b
    crossed <- function(x) prob(c(rep(-Inf, k - 1), x), c(earlier, Inf), rep(0, k), s)
    b[k] <- uniroot(function(x) so_far + crossed(x) - cum[k], c(0.1, 12), tol = 1e-13)$root
    so_far <- so_far + crossed(b[k])
  }
  b
}

# Non-binding beta-spending futility for a one-sided design: the futility
# bounds at drift `drift`, and P(stop for futility by the last look) with the
# last futility bound at the last efficacy bound.
futility_at <- function(t, cb, drift, beta, fam, p) {
  K <- length(t)
  cum <- spend[[fam]](t, beta, p)
  mu <- drift * sqrt(t)
  f <- numeric(0)
  stop_at <- function(k, x) {  # P(continue before k, Z_k < x)
    s <- corr(t[1:k])
    prob(c(f[seq_len(k - 1)], -Inf), c(cb[seq_len(k - 1)], x), mu[1:k], s)
  }
  so_far <- 0
  for (k in seq_len(K - 1)) {
    # A bound that would pass the efficacy bound stays at it (only far
    # from the root, while the drift is searched).
    f[k] <- if (so_far + stop_at(k, cb[k]) <= cum[k]) cb[k] else
      uniroot(function(x) so_far + stop_at(k, x) - cum[k], c(-12, cb[k]), tol = 1e-13)$root
    so_far <- so_far + stop_at(k, f[k])
  }
  list(futility = f, beta = so_far + stop_at(K, cb[K]))
}

v <- function(x) paste0("{", paste(sprintf("%.10f", x), collapse = ", "), "}")
show <- function(name, t, a, fam, p = NA, beta = NA, ffam = NULL, fp = NA) {
  cat("#", name, "\n")
  cb <- efficacy(t, a, fam, p)
  cat("  efficacy", v(cb), "\n")
  if (!is.null(ffam)) {
    drift <- uniroot(function(d) futility_at(t, cb, d, beta, ffam, fp)$beta - beta,
                     c(0.5, 8), tol = 1e-13)$root
    cat("  futility", v(futility_at(t, cb, drift, beta, ffam, fp)$futility), "\n")
    cat("  drift", v(drift), "\n")
  }
  if (have_rpact) {
    args <- list(kMax = length(t), alpha = a, sided = 1, informationRates = t,
                 typeOfDesign = paste0("as", rpact_type[[fam]]))
    if (!is.na(p)) args$gammaA <- p
    if (!is.null(ffam)) {
      args$beta <- beta
      args$typeBetaSpending <- paste0("bs", rpact_type[[ffam]])
      if (!is.na(fp)) args$gammaB <- fp
      args$bindingFutility <- FALSE
    }
    d <- tryCatch(suppressWarnings(do.call(rpact::getDesignGroupSequential, args)),
                  error = function(e) conditionMessage(e))
    if (is.character(d)) return(cat("  rpact 3.3.4 fails:", sub("\n.*", "", d), "\n"))
    cat("  rpact 3.3.4 efficacy", v(d$criticalValues), "\n")
    if (!is.null(ffam)) cat("  rpact 3.3.4 futility", v(d$futilityBounds), "\n")
  }
}

# Designs 8, 78, 82, 93, 142 and 150 of the survey at its default seed.
show("LD-OBF, one-sided alpha 0.025, non-binding LD-OBF beta spending, beta 0.131",
     c(0.26, 0.45, 0.91, 0.93, 0.95, 1), 0.025, "obf", beta = 0.131, ffam = "obf")
show("Kim-DeMets rho 0.78, one-sided alpha 0.05, non-binding HSD(1.29) beta spending, beta 0.111",
     c(0.39, 0.4, 0.79, 0.8, 1), 0.05, "power", 0.78, beta = 0.111, ffam = "hsd", fp = 1.29)
show("LD-OBF, one-sided alpha 0.0434, looks 0.08 0.29 0.57 0.61 0.62 1",
     c(0.08, 0.29, 0.57, 0.61, 0.62, 1), 0.0434, "obf")
show("HSD(0.68), one-sided alpha 0.0776, non-binding LD-Pocock beta spending, beta 0.164",
     c(0.18, 0.83, 0.84, 1), 0.0776, "hsd", 0.68, beta = 0.164, ffam = "pocock")
show("HSD(1.56), one-sided alpha 0.025, looks 0.07 0.16 0.25 0.85 0.86 1",
     c(0.07, 0.16, 0.25, 0.85, 0.86, 1), 0.025, "hsd", 1.56)
show("LD-Pocock, one-sided alpha 0.01, non-binding HSD(-1.99) beta spending, beta 0.161",
     c(0.33, 0.72, 0.86, 0.87, 1), 0.01, "pocock", beta = 0.161, ffam = "hsd", fp = -1.99)
