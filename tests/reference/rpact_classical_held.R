# Classical boundaries monitored at observed information, with the bound used
# at an earlier look held: reference values for
# tests/monitoring/look_schedule_test.cpp (ClassicalBoundHeld*).
#
# One-sided alpha 0.025, 200 planned events at fractions 0.5, 0.75, 1; looks
# at 80 then 170 events. At the first look the schedule is 80, 100, 150, 200
# events (fractions 0.4, 0.5, 0.75, 1) and its bound is the family's at those
# fractions. At the second the schedule is 80, 170, 200 (0.4, 0.85, 1): the
# first bound stays as used, and the constant C of the family's shape is
# solved for the looks from 170 on so that the three bounds spend 0.025 under
# H0 (rpact 3.3.4's getGroupSequentialProbabilities, C by uniroot).
suppressMessages(library(rpact))

first_bound <- function(type) {
  getDesignGroupSequential(kMax = 4, alpha = 0.025, sided = 1, typeOfDesign = type,
                           informationRates = c(0.4, 0.5, 0.75, 1))$criticalValues[1]
}
rates <- c(0.4, 0.85, 1)
spent <- function(bounds) {
  p <- getGroupSequentialProbabilities(rbind(rep(-Inf, 3), bounds), rates)
  sum(p[3, ] - p[2, ])
}
held_constant <- function(b1, shape) {
  uniroot(function(c) spent(c(b1, c * shape)) - 0.025, c(1, 4), tol = 1e-13)$root
}

b1 <- first_bound("P")
c <- held_constant(b1, c(1, 1))
cat(sprintf("Pocock: first bound %.9f, then %.9f at 170 and 200 events\n", b1, c))
cat(sprintf("  rpact's Pocock at 0.4, 0.85, 1 (first bound not held): %.9f, alpha spent by the bounds used %.9f\n",
            getDesignGroupSequential(kMax = 3, alpha = 0.025, sided = 1, typeOfDesign = "P",
                                     informationRates = rates)$criticalValues[2],
            spent(c(b1, rep(getDesignGroupSequential(kMax = 3, alpha = 0.025, sided = 1, typeOfDesign = "P",
                                                     informationRates = rates)$criticalValues[2], 2)))))

b1 <- first_bound("OF")
c <- held_constant(b1, c(1 / sqrt(0.85), 1))
cat(sprintf("O'Brien-Fleming: first bound %.9f, then %.9f and %.9f\n", b1, c / sqrt(0.85), c))

# O'Brien-Fleming through four looks, 48, 103, 149 and 206 of 200 planned
# events at fractions 0.25, 0.5, 0.75, 1: at each look the bounds used before
# it are held and C solved for the looks from it on. Each look's schedule is
# the looks taken and the planned ones beyond it (50 after 48, 150 after
# 149); the final over-runs, so its fractions are the events over 206.
held_chain <- function(schedules) {
  used <- c()
  for (k in seq_along(schedules)) {
    rates <- schedules[[k]]
    shape <- 1 / sqrt(rates)
    n <- length(rates)
    spent_at <- function(c) {
      b <- c(used, c * shape[(k):n])
      p <- getGroupSequentialProbabilities(rbind(rep(-Inf, n), b), rates)
      sum(p[3, ] - p[2, ])
    }
    c <- uniroot(function(c) spent_at(c) - 0.025, c(1, 5), tol = 1e-13)$root
    used <- c(used, c * shape[k])
  }
  used
}
chain <- held_chain(list(c(48, 50, 100, 150, 200) / 200, c(48, 103, 150, 200) / 200,
                         c(48, 103, 149, 150, 200) / 200, c(48, 103, 149, 206) / 206))
cat(sprintf("O'Brien-Fleming, looks at 48, 103, 149, 206 of 200: %s\n",
            paste(sprintf("%.9f", chain), collapse = ", ")))
