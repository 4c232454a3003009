# Generator of the reference values in tests/simulate/exact_binomial_test.cpp
# (Debian package r-cran-rpact, 3.3.4). Run:
#   Rscript tests/reference/exact_binomial_one_sample.R
# Tests embed the printed values; they never call R.
#
# A one-sample binary trial's exact operating characteristics, computed here
# independently of gsd: the z bounds are rpact's getDesignGroupSequential, the
# looks are at ceiling(t_k N) patients, each responder count's z statistic is
#   z = s (x / n - p0) / sqrt(v / n),  v = p0 (1 - p0)  (pooled: at H0's rate)
#                                      v = ph (1 - ph)  (unpooled, ph = x / n;
#                                      z = +-Inf, or 0, where v = 0)
# with s = +1 when larger rates favour the treatment and -1 otherwise, and
# the count's distribution is carried over the looks by convolution with
# dbinom (the trials that have stopped are taken out at each look).
# The script also prints, for each case, how close any count's z comes to a
# bound: the cases are chosen so that it is far above the 1e-6 by which gsd's
# bounds and rpact's may differ, so that both put every count on the same side.
suppressPackageStartupMessages(library(rpact))

exact <- function(design, n, p1, p0, sign = 1, unpooled = FALSE) {
  K <- length(design$informationRates)
  looks <- ceiling(design$informationRates * n - 1e-9)
  looks[K] <- n
  upper <- design$criticalValues
  two_sided <- design$sided == 2
  futility <- if (two_sided) rep(-Inf, K) else c(design$futilityBounds, -Inf)
  futility[futility <= -6] <- -Inf  # rpact's "no futility bound"
  lower <- if (two_sided) -upper else rep(-Inf, K)
  z_of <- function(x, m) {
    ph <- x / m
    v <- if (unpooled) ph * (1 - ph) else rep(p0 * (1 - p0), length(x))
    num <- sign * (ph - p0)
    ifelse(v > 0, num / sqrt(v / m), ifelse(num > 0, Inf, ifelse(num < 0, -Inf, 0)))
  }
  # decision codes: 0 continue, 1 efficacy, 2 lower side (two-sided), 3
  # futility, 4 final; an infinite z crosses only a bound that exists.
  decide <- function(k, x, ignore_futility) {
    z <- z_of(x, looks[k])
    d <- rep(if (k == K) 4 else 0, length(x))
    if (!ignore_futility && is.finite(futility[k])) d[z <= futility[k]] <- 3
    if (is.finite(lower[k])) d[z <= lower[k]] <- 2
    d[z >= upper[k]] <- 1
    d
  }
  closest <- Inf
  for (k in 1:K) {
    z <- z_of(0:looks[k], looks[k])
    bounds <- c(upper[k], lower[k], futility[k])
    bounds <- bounds[is.finite(bounds)]
    for (b in bounds) closest <- min(closest, abs(z[is.finite(z)] - b))
  }
  run <- function(p, ignore_futility) {
    out <- matrix(0, K, 3, dimnames = list(NULL, c("efficacy", "lower", "futility")))
    running <- 1  # P(count = 0) before any patient
    before <- 0
    en <- 0
    for (k in 1:K) {
      added <- looks[k] - before
      inc <- dbinom(0:added, added, p)
      nxt <- rep(0, looks[k] + 1)
      for (x in seq_along(running)) {
        idx <- (x - 1) + 0:added + 1
        nxt[idx] <- nxt[idx] + running[x] * inc
      }
      d <- decide(k, 0:looks[k], ignore_futility)
      out[k, "efficacy"] <- sum(nxt[d == 1])
      out[k, "lower"] <- sum(nxt[d == 2])
      out[k, "futility"] <- sum(nxt[d == 3])
      en <- en + looks[k] * sum(nxt[d != 0])
      nxt[d != 0] <- 0
      running <- nxt
      before <- looks[k]
    }
    list(p = out, expected = en)
  }
  h1 <- run(p1, FALSE)
  h1i <- run(p1, TRUE)
  h0 <- run(p0, FALSE)
  h0i <- run(p0, TRUE)
  rej <- function(r) sum(r$p[, "efficacy"]) + if (two_sided) sum(r$p[, "lower"]) else 0
  ranges <- lapply(1:K, function(k) {
    d <- decide(k, 0:looks[k], FALSE)
    sapply(1:3, function(code) {
      x <- which(d == code) - 1
      if (length(x) == 0) "none" else sprintf("%d-%d", min(x), max(x))
    })
  })
  list(looks = looks, closest = closest, power = rej(h1), power_ignoring = rej(h1i),
       alpha = rej(h0i), alpha_obeying = rej(h0), en_h1 = h1$expected, en_h0 = h0$expected,
       h1 = h1$p, h0i = h0i$p, h0 = h0$p, ranges = ranges)
}

show <- function(name, r) {
  cat(sprintf("# %s: looks %s; closest z to a bound %.2e\n", name, paste(r$looks, collapse = " "), r$closest))
  cat(sprintf("power %.15g  power_ignoring_futility %.15g\n", r$power, r$power_ignoring))
  cat(sprintf("alpha %.15g  alpha_obeying_futility %.15g\n", r$alpha, r$alpha_obeying))
  cat(sprintf("expected_patients h1 %.15g  h0 %.15g\n", r$en_h1, r$en_h0))
  for (k in seq_along(r$looks)) {
    cat(sprintf("look %d: efficacy %s lower %s futility %s | H1 eff %.15g low %.15g fut %.15g | H0 eff %.15g low %.15g (futility ignored) fut %.15g\n",
                k, r$ranges[[k]][1], r$ranges[[k]][2], r$ranges[[k]][3],
                r$h1[k, 1], r$h1[k, 2], r$h1[k, 3], r$h0i[k, 1], r$h0i[k, 2], r$h0[k, 3]))
  }
}

# A: two looks, O'Brien-Fleming-type spending, non-binding HSD(-2) futility,
# beta 0.2; rate 0.49 against 0.33, 73 patients.
dA <- getDesignGroupSequential(kMax = 2, alpha = 0.025, beta = 0.2, sided = 1,
                               informationRates = c(0.5, 1), typeOfDesign = "asOF",
                               typeBetaSpending = "bsHSD", gammaB = -2, bindingFutility = FALSE)
show("A", exact(dA, 73, 0.49, 0.33))
# B: three looks, two-sided alpha 0.05, O'Brien-Fleming-type spending; rate
# 0.30 against 0.18, 120 patients.
dB <- getDesignGroupSequential(kMax = 3, alpha = 0.05, sided = 2, informationRates = c(1/3, 2/3, 1),
                               typeOfDesign = "asOF")
show("B", exact(dB, 120, 0.30, 0.18))
# C: smaller rates favour the treatment: rate 0.10 against 0.25, unpooled
# variance, three looks of Pocock-type spending at one-sided 0.025, 60 patients.
dC <- getDesignGroupSequential(kMax = 3, alpha = 0.025, sided = 1, informationRates = c(0.4, 0.7, 1),
                               typeOfDesign = "asP")
show("C", exact(dC, 60, 0.10, 0.25, sign = -1, unpooled = TRUE))
# D: one look (a fixed design), one-sided 0.05: the rejection region is
# x >= r, so power and alpha are binomial tails (pbinom) as well.
dD <- getDesignGroupSequential(kMax = 1, alpha = 0.05, sided = 1)
rD <- exact(dD, 68, 0.34, 0.21)
show("D", rD)
r <- as.integer(sub("-.*", "", rD$ranges[[1]][1]))
cat(sprintf("D closed form: r %d  power %.15g  alpha %.15g\n", r,
            pbinom(r - 1, 68, 0.34, lower.tail = FALSE), pbinom(r - 1, 68, 0.21, lower.tail = FALSE)))
