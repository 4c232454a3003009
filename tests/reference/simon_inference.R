# Reference values for tests/endpoints/simon_inference_test.cpp: inference
# after a Simon two-stage trial, by enumerating every outcome of the trial,
# independent of gsd's sums. Each outcome is a stop after stage 1 with x1
# responders (x1 <= r1) or stage 2 with s responders in all; they are put in
# the stage-wise order (every stop below every trial that went on) and
# G(p) = P_p(outcome at or above the observed one) is summed over the list.
# The p-value is G(p0); the interval's limits and the median-unbiased
# estimate are uniroot's solutions of G(p) = a and P_p(outcome at or below)
# = a; the UMVUE is Jung & Kim's (2004) ratio of sums of binomial
# coefficients, sum C(n1 - 1, x1 - 1) C(n2, s - x1) / sum C(n1, x1) C(n2,
# s - x1) over x1 > r1.
#
# Rscript tests/reference/simon_inference.R

outcomes <- function(n1, r1, n2, p) {
  stop1 <- data.frame(stage = 1, count = 0:r1, prob = dbinom(0:r1, n1, p))
  s <- (r1 + 1):(n1 + n2)
  prob2 <- sapply(s, function(t) {
    x1 <- (r1 + 1):n1
    sum(dbinom(x1, n1, p) * dbinom(t - x1, n2, p))
  })
  rbind(stop1, data.frame(stage = 2, count = s, prob = prob2))  # already in stage-wise order
}

rank_of <- function(o, stage, count) which(o$stage == stage & o$count == count)

at_or_above <- function(n1, r1, n2, stage, count, p) {
  o <- outcomes(n1, r1, n2, p)
  sum(o$prob[rank_of(o, stage, count):nrow(o)])
}
at_or_below <- function(n1, r1, n2, stage, count, p) {
  o <- outcomes(n1, r1, n2, p)
  sum(o$prob[1:rank_of(o, stage, count)])
}

solve <- function(f, target) uniroot(function(p) f(p) - target, c(1e-12, 1 - 1e-12), tol = 1e-15)$root

umvue <- function(n1, r1, n2, stage, count) {
  if (stage == 1) return(count / n1)
  x1 <- max(r1 + 1, count - n2):min(n1, count)
  sum(choose(n1 - 1, x1 - 1) * choose(n2, count - x1)) / sum(choose(n1, x1) * choose(n2, count - x1))
}

# name, n1, r1, n2 (attained stage 2), p0, stage, count (x1 or s), confidence
cases <- list(
  list("optimal 1/10 5/29, stop at 1 of 10", 10, 1, 19, 0.1, 1, 1, 0.90),
  list("optimal 1/10 5/29, stop at 0 of 10", 10, 1, 19, 0.1, 1, 0, 0.90),
  list("optimal 1/10 5/29, 6 of 29", 10, 1, 19, 0.1, 2, 6, 0.90),
  list("optimal 1/10 5/29, 5 of 29", 10, 1, 19, 0.1, 2, 5, 0.90),
  list("optimal 1/10 5/29, 12 of 29", 10, 1, 19, 0.1, 2, 12, 0.95),
  list("optimal 1/10 5/29, 2 of 29", 10, 1, 19, 0.1, 2, 2, 0.90),
  list("optimal 1/10 5/29, 29 of 29", 10, 1, 19, 0.1, 2, 29, 0.90),
  list("optimal 1/10 5/29, 6 of 27 attained", 10, 1, 17, 0.1, 2, 6, 0.90),
  list("minimax 3/13 12/43 (p0 .2), 13 of 43", 13, 3, 30, 0.2, 2, 13, 0.90),
  list("optimal 7/22 24/46 (p0 .4), stop at 7 of 22", 22, 7, 24, 0.4, 1, 7, 0.80)
)

for (cs in cases) {
  n1 <- cs[[2]]; r1 <- cs[[3]]; n2 <- cs[[4]]; p0 <- cs[[5]]; stage <- cs[[6]]; count <- cs[[7]]
  conf <- cs[[8]]; a <- (1 - conf) / 2
  up <- function(p) at_or_above(n1, r1, n2, stage, count, p)
  down <- function(p) at_or_below(n1, r1, n2, stage, count, p)
  least <- stage == 1 && count == 0
  greatest <- stage == 2 && count == n1 + n2
  lower <- if (least) 0 else solve(up, a)
  upper <- if (greatest) 1 else solve(function(p) 1 - down(p), 1 - a)
  mue <- if (least) 0 else solve(up, 0.5)
  cat(sprintf("%s: p %.15g umvue %.15g mue %.15g ci %.15g %.15g\n", cs[[1]], up(p0),
              umvue(n1, r1, n2, stage, count), mue, lower, upper))
}
