# lachin_foulkes.R - reference values for gsd's survival.method "lachin-foulkes"
# from gsDesign (nSurv for fixed designs, gsSurv for group-sequential ones).
#
# gsDesign implements Lachin & Foulkes (1986, Biometrics 42:507): with the
# expected events per arm under the alternative and under a null where both
# arms have the allocation-weighted hazard, the log hazard ratio's variances
# V0 and V1 give the accrual-rate multiplier ((z_a sqrt(V0) + z_b sqrt(V1)) /
# |log HR|)^2; gsSurv multiplies events and patients by the group-sequential
# design's inflation factor. gsd's tests embed the numbers printed here
# (tests/survival/classical_sizing_test.cpp).
#
# gsDesign is not packaged by Debian: install it into a private library first
# (R CMD INSTALL -l LIB gsDesign_*.tar.gz with Debian's r-cran-* dependencies),
# then run:  Rscript tests/reference/lachin_foulkes.R LIB
# The non-inferiority cases (g) to (i) were printed by gsDesign 3.11.0.9003
# from its GitHub sources without installing it (whose imports include
# packages Debian lacks): its R/gs*.R files sourced into one environment and
# src/*.c but init.c built with R CMD SHLIB and dyn.load()ed; the functions
# called are the package's own.
args <- commandArgs(trailingOnly = TRUE)
if (length(args) > 0) .libPaths(c(args[1], .libPaths()))
suppressPackageStartupMessages(library(gsDesign))
cat("gsDesign", as.character(packageVersion("gsDesign")), "\n")
show <- function(id, n, d) cat(sprintf("%s: patients %.10f events %.10f\n", id, n, d))

# (a) Fixed design (vignette "Overview of survival endpoint design"): control
# median 8, HR 0.7, drop-out 0.001 per month, uniform accrual 12, minimum
# follow-up 16, one-sided 0.025, power 0.9.
a <- nSurv(lambdaC = log(2) / 8, hr = 0.7, eta = 0.001, T = 28, minfup = 16, ratio = 1,
           alpha = 0.025, beta = 0.1)
show("a_fixed", a$n, a$d)

# (b) The same as gsSurv, k = 2, gsDesign's defaults: HSD(-4) efficacy,
# HSD(-2) beta-spending futility, non-binding (test.type 4).
b <- gsSurv(k = 2, lambdaC = log(2) / 8, hr = 0.7, eta = 0.001, T = 28, minfup = 16, ratio = 1,
            alpha = 0.025, beta = 0.1)
show("b_gs_hsd", max(rowSums(b$eNC + b$eNE)), max(b$n.I))

# (c) Piecewise accrual (vignette "Basic time-to-event group sequential design
# using gsSurv"): relative rates 1, 1.5, 2.5, 4 over 1, 2, 3 months and then
# to month 24; median 12, HR 0.75, drop-out 0.001, T 36, minfup 12, power 0.9.
c <- nSurv(R = c(1, 2, 3, 4), gamma = c(1, 1.5, 2.5, 4), eta = 0.001, minfup = 12, T = 36,
           lambdaC = log(2) / 12, hr = 0.75, beta = 0.1, alpha = 0.025)
show("c_fixed_piecewise", c$n, c$d)

# (d) Its group-sequential version: k = 3 at 25% and 75%, LD-OBF efficacy,
# HSD(-7) futility (non-binding), power 0.85.
d <- gsSurv(k = 3, timing = c(0.25, 0.75), R = c(1, 2, 3, 4), gamma = c(1, 1.5, 2.5, 4),
            eta = 0.001, minfup = 12, T = 36, lambdaC = log(2) / 12, hr = 0.75, beta = 0.15,
            alpha = 0.025, sfu = sfLDOF, sfupar = 0, sfl = sfHSD, sflpar = -7)
show("d_gs_piecewise", max(rowSums(d$eNC + d$eNE)), max(d$n.I))

# (e) 2:1 allocation, unequal drop-out (control 0.02, experimental 0.01 per
# month), LD-OBF efficacy only (test.type 1) at 50% / 75%, median 10, HR 0.65,
# accrual 20, minimum follow-up 10, power 0.8; a tight tolerance for the
# group-sequential design (the default, 1.2e-4, moves the events by 3e-6).
e <- gsSurv(k = 3, test.type = 1, timing = c(0.5, 0.75), sfu = sfLDOF, sfupar = 0,
            lambdaC = log(2) / 10, hr = 0.65, eta = 0.02, etaE = 0.01, ratio = 2,
            R = 20, gamma = 1, T = 30, minfup = 10, alpha = 0.025, beta = 0.2, tol = 1e-12)
show("e_gs_ratio2_dropout", max(rowSums(e$eNC + e$eNE)), max(e$n.I))

# (f) Patients given (gsSurv with T and minfup NULL: the follow-up that makes
# the given accrual just enough): 16 patients a month for 20 months, 2:1 and
# drop-out as (e); a tight root tolerance (the default is 1.2e-4).
f <- gsSurv(k = 3, test.type = 1, timing = c(0.5, 0.75), sfu = sfLDOF, sfupar = 0,
            lambdaC = log(2) / 10, hr = 0.65, eta = 0.02, etaE = 0.01, ratio = 2,
            R = 20, gamma = 16, T = NULL, minfup = NULL, alpha = 0.025, beta = 0.2, tol = 1e-12)
show("f_gs_patients_given", max(rowSums(f$eNC + f$eNE)), max(f$n.I))
cat(sprintf("f_follow_up %.10f\n", f$minfup))

# Non-inferiority (hr0, H0: HR >= margin): gsDesign takes the null variance at
# hazards lambdaC0 = (1 + r HR) / (1 + r HR0) lambdaC and lambdaC0 HR0, and the
# effect log(HR / HR0).
# (g) A fixed design: median 12, HR 1 against the margin 1.3, accrual 24,
# minimum follow-up 12, no drop-out, power 0.8.
g <- nSurv(lambdaC = log(2) / 12, hr = 1, hr0 = 1.3, eta = 0, T = 36, minfup = 12, ratio = 1,
           alpha = 0.025, beta = 0.2)
show("g_fixed_ni1.3", g$n, g$d)
# (h) The same with an interim at half the events, LD-OBF efficacy only.
h <- gsSurv(k = 2, test.type = 1, timing = 0.5, sfu = sfLDOF, sfupar = 0, lambdaC = log(2) / 12,
            hr = 1, hr0 = 1.3, eta = 0, T = 36, minfup = 12, R = 24, gamma = 1, ratio = 1,
            alpha = 0.025, beta = 0.2, tol = 1e-12)
show("h_gs_ni1.3", max(rowSums(h$eNC + h$eNE)), max(h$n.I))
# (i) 2:1, unequal drop-out as (e), HR 0.9 against the margin 1.2, median 10.
i <- gsSurv(k = 3, test.type = 1, timing = c(0.5, 0.75), sfu = sfLDOF, sfupar = 0,
            lambdaC = log(2) / 10, hr = 0.9, hr0 = 1.2, eta = 0.02, etaE = 0.01, ratio = 2,
            R = 20, gamma = 1, T = 30, minfup = 10, alpha = 0.025, beta = 0.2, tol = 1e-12)
show("i_gs_ni1.2_ratio2_dropout", max(rowSums(i$eNC + i$eNE)), max(i$n.I))
