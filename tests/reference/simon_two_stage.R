# Reference values for tests/endpoints/simon_two_stage_test.cpp: Simon's
# two-stage designs found by a plain enumeration in R, independent of gsd's
# search. Every (n, n1, r1, r) with n up to nmax is tried; the rejection
# probability is Simon's (1989) sum over stage 1 counts, by dbinom and pbinom.
# Prints each case's minimax, optimal and admissible designs with alpha,
# power, PET(p0) and EN(p0) to 15 significant digits.
#
# Rscript tests/reference/simon_two_stage.R
#
# The designs agree with clinfun 1.1.5's ph2simon (cross-checked by hand),
# which reproduces Table 1 of Simon (1989).

promising <- function(n1, r1, n, r, p) {
  x <- (r1 + 1):n1
  sum(dbinom(x, n1, p) * pbinom(r - x, n - n1, p, lower.tail = FALSE))
}

# For each n, the least EN(p0) over every qualifying (n1, r1, r).
best_by_n <- function(p0, p1, alpha, beta, nmax) {
  rows <- list()
  for (n in 2:nmax) {
    best <- NULL
    for (n1 in 1:(n - 1)) {
      for (r1 in 0:(n1 - 1)) {
        pet <- pbinom(r1, n1, p0)
        en <- n1 + (1 - pet) * (n - n1)
        if (!is.null(best) && en >= best$en) next
        for (r in r1:(n - 1)) {
          a <- promising(n1, r1, n, r, p0)
          if (a <= alpha) {
            pw <- promising(n1, r1, n, r, p1)
            if (pw >= 1 - beta) best <- list(n1 = n1, r1 = r1, n = n, r = r, alpha = a,
                                              power = pw, pet = pet, en = en)
            break
          }
        }
      }
    }
    if (!is.null(best)) rows[[length(rows) + 1]] <- best
  }
  rows
}

show <- function(label, d) {
  cat(sprintf("%-10s r1/n1 %d/%d  r/n %d/%d  alpha %.15g  power %.15g  PET0 %.15g  EN0 %.15g\n",
              label, d$r1, d$n1, d$r, d$n, d$alpha, d$power, d$pet, d$en))
}

cases <- list(c(0.05, 0.25, 0.10, 0.10, 40), c(0.10, 0.30, 0.05, 0.20, 45),
              c(0.20, 0.40, 0.05, 0.20, 60), c(0.40, 0.60, 0.05, 0.10, 90))
for (k in cases) {
  rows <- best_by_n(k[1], k[2], k[3], k[4], k[5])
  en <- sapply(rows, function(d) d$en)
  cat(sprintf("p0 %g p1 %g alpha %g beta %g nmax %g\n", k[1], k[2], k[3], k[4], k[5]))
  show("minimax", rows[[1]])
  show("optimal", rows[[which.min(en)]])
  # Admissible: the lower convex hull of (n, EN0) from minimax to optimal.
  c <- 1
  q_high <- 1
  last <- which.min(en)
  while (c != last) {
    q <- sapply((c + 1):last, function(j) {
      gain <- rows[[c]]$en - rows[[j]]$en
      if (gain > 0) gain / ((rows[[j]]$n - rows[[c]]$n) + gain) else -1
    })
    j <- c + max(which(q == max(q)))
    show("admissible", rows[[c]])
    cat(sprintf("  q in [%.15g, %.15g]\n", max(q), q_high))
    q_high <- max(q)
    c <- j
  }
  show("admissible", rows[[c]])
  cat(sprintf("  q in [0, %.15g]\n\n", q_high))
}
