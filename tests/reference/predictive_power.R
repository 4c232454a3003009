# Reference values for tests/monitoring/predictive_power_reference_test.cpp:
# flat-prior predictive power at a look with two looks (or one) still to come.
# Run: Rscript tests/reference/predictive_power.R
# (R 4.2, rpact 3.3.4 for the bounds, mvtnorm 1.1-3 from Debian's
# r-cran-mvtnorm). Tests embed the printed values; they never call R.
#
# gsd's definition (monitoring/src/conditional_power.cpp, docs/monitoring.md):
# the conditional power to the end, P(Z_j >= b_j at some remaining look j
# before a stop), averaged over the flat-prior posterior theta ~ N(z / sqrt(I_k),
# 1 / I_k). A remaining look stops the trial below its lower bound: -b_j for a
# symmetric two-sided design, the futility bound when it is binding (one-sided
# design); a non-binding futility bound plays no part.
#
# Route 1 (mvtnorm): under that posterior the later statistics are jointly
# normal. With S_j = Z_j sqrt(I_j) = S_k + theta (I_j - I_k) + W_j, W independent
# increments, theta = theta_hat + U / sqrt(I_k):
#   E[Z_j] = z sqrt(I_j / I_k),
#   Cov(S_i, S_j) = (I_i - I_k)(I_j - I_k) / I_k + min(I_i, I_j) - I_k,
# so the predictive power is sum_j P(l_i < Z_i < b_i for i < j, Z_j >= b_j),
# each term a pmvnorm in at most 2 dimensions here, by Miwa's algorithm
# (exact up to its grid, errors ~1e-10 at 4096 steps).
# Route 2 (rpact + integrate): the conditional power at theta from rpact's
# getGroupSequentialProbabilities on the conditional process of the remaining
# increments, integrated against the posterior by integrate() at rel.tol 1e-10.
# rpact's grid gives about 7 digits; route 1 is the one embedded.
suppressMessages({library(rpact); library(mvtnorm)})
show <- function(label, x) cat(sprintf("%-34s %s\n", label, paste(sprintf("%.10f", x), collapse = " ")))

# I: information at every look (any scale: only ratios matter); k: index of the
# current look; b: efficacy bounds; lower: stopping bounds below (-Inf: none).
pp_mvtnorm <- function(z, I, k, b, lower) {
  rem <- (k + 1):length(I)
  Ik <- I[k]
  mu <- z * sqrt(I[rem] / Ik)
  cov_s <- outer(rem, rem, function(i, j) (I[i] - Ik) * (I[j] - Ik) / Ik + pmin(I[i], I[j]) - Ik)
  sigma <- cov_s / sqrt(outer(I[rem], I[rem]))
  total <- 0
  for (m in seq_along(rem)) {
    lo <- c(lower[rem][seq_len(m - 1)], b[rem][m])
    up <- c(b[rem][seq_len(m - 1)], Inf)
    p <- suppressWarnings(pmvnorm(lower = lo, upper = up, mean = mu[1:m], sigma = sigma[1:m, 1:m, drop = FALSE],
                 algorithm = Miwa(steps = 4096)))
    total <- total + p[1]
  }
  total
}

pp_rpact <- function(z, I, k, b, lower) {
  rem <- (k + 1):length(I)
  Ik <- I[k]
  tau <- I[rem] - Ik
  up0 <- (b[rem] * sqrt(I[rem]) - z * sqrt(Ik)) / sqrt(tau)
  lo0 <- (lower[rem] * sqrt(I[rem]) - z * sqrt(Ik)) / sqrt(tau)
  cp <- function(theta) {
    # The remaining increments standardised: a null process at fractions
    # tau / tau_last once each bound is moved down by theta sqrt(tau_j).
    up <- pmin(pmax(up0 - theta * sqrt(tau), -8), 8)
    lo <- pmin(pmax(lo0 - theta * sqrt(tau), -8), up)
    lo[lo >= up] <- up[lo >= up] - 1e-12
    if (length(rem) == 1) return(pnorm(up, lower.tail = FALSE))
    p <- getGroupSequentialProbabilities(rbind(lo, up), tau / tau[length(tau)])
    sum(p[3, ] - p[2, ])  # P(continue to j) - P(continue to j, below b_j)
  }
  theta_hat <- z / sqrt(Ik)
  integrate(function(x) sapply(x, function(u) cp(theta_hat + u / sqrt(Ik))) * dnorm(x),
            -Inf, Inf, rel.tol = 1e-10)$value
}

report <- function(label, z, I, k, b, lower = rep(-Inf, length(I))) {
  cat("==", label, "\n")
  show("efficacy bounds", b)
  show("predictive power (mvtnorm)", pp_mvtnorm(z, I, k, b, lower))
  show("predictive power (rpact grid)", pp_rpact(z, I, k, b, lower))
}

# A. The normal two-sample example (examples/endpoint-monitoring/
# normal-two-sample.json): t test, 46 + 46 then 69 + 69 of 184 patients, LD-OBF
# at one-sided 0.025, non-binding HSD(-2) futility (plays no part). The t
# statistic enters as the z of equal p-value, qnorm(pt(t, df)); information is
# proportional to the patients.
t_stat <- function(d, s1, s2, n) d / sqrt(((n - 1) * s1^2 + (n - 1) * s2^2) / (2 * n - 2) * 2 / n)
z1 <- qnorm(pt(t_stat(0.52 - 0.11, 1.08, 0.95, 46), 90))
z2 <- qnorm(pt(t_stat(0.53 - 0.17, 1.02, 0.98, 69), 136))
show("A: z at looks 1 and 2", c(z1, z2))
bA <- getDesignGroupSequential(kMax = 3, alpha = 0.025, typeOfDesign = "asOF",
                               informationRates = c(0.5, 0.75, 1))$criticalValues
report("A1. look 1 (92 patients), two looks to come", z1, c(92, 138, 184), 1, bA)
report("A2. look 2 (138 patients), one look to come", z2, c(92, 138, 184), 2, bA)

# B. The seed trial's plan, log-rank, 94 events, LD-OBF, z = 2.0 at the first
# look at 49 events (remaining looks at 71 and 94; information d / 4).
bB <- getDesignGroupSequential(kMax = 3, alpha = 0.025, typeOfDesign = "asOF",
                               informationRates = c(49, 71, 94) / 94)$criticalValues
report("B1. one-sided 0.025, z = 2.0 at 49 of 94 events", 2.0, c(49, 71, 94) / 4, 1, bB)
# The same plan as the example examples/seed-trial-monitoring/monitoring.json
# (two-sided 0.05, the same bounds) with z = 0.5 at 49 events: a remaining look
# also stops below -b_j.
bB2 <- getDesignGroupSequential(kMax = 3, alpha = 0.05, sided = 2, typeOfDesign = "asOF",
                                informationRates = c(49, 71, 94) / 94)$criticalValues
report("B2. two-sided 0.05, z = 0.5 at 49 of 94 events", 0.5, c(49, 71, 94) / 4, 1, bB2, -bB2)

# C. Binding futility: fixed z bounds 0 and 0.5 at fractions 0.4 and 0.7 of 200
# events, LD-OBF efficacy computed with the futility bound binding, z = 1.5 at
# 80 events. The bound 0.5 at 140 events stops trials.
dC <- getDesignGroupSequential(kMax = 3, alpha = 0.025, typeOfDesign = "asOF",
                               informationRates = c(0.4, 0.7, 1), futilityBounds = c(0, 0.5),
                               bindingFutility = TRUE)
report("C1. binding futility, z = 1.5 at 80 of 200 events", 1.5, c(80, 140, 200) / 4, 1,
       dC$criticalValues, c(0, 0.5, -Inf))
# The same bounds declared non-binding: the efficacy bounds are the plain
# LD-OBF ones and the futility bound plays no part in the predictive power.
dC2 <- getDesignGroupSequential(kMax = 3, alpha = 0.025, typeOfDesign = "asOF",
                                informationRates = c(0.4, 0.7, 1))
report("C2. non-binding futility, z = 1.5 at 80 of 200 events", 1.5, c(80, 140, 200) / 4, 1,
       dC2$criticalValues)
