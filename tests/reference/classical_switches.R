# Generator of the reference values of BoundaryOptions.ClassicalBoundWithoutAnEarlyStop
# in tests/spending/boundary_options_test.cpp (Debian package r-cran-mvtnorm).
# Run: Rscript tests/reference/classical_switches.R
# Tests embed the printed values; they never call R.
# O'Brien-Fleming's classical shape c t^(-1/2) at looks 0.4, 0.75, 1 with no
# efficacy stop at 0.4: the constant C with P(Z_2 >= C / sqrt(0.75) or
# Z_3 >= C) = 0.025 (the look at 0.4 rejects nothing, so only looks 2 and 3 count).
library(mvtnorm)
R <- matrix(c(1, sqrt(0.75), sqrt(0.75), 1), 2)
f <- function(C) 1 - pmvnorm(upper = c(C / sqrt(0.75), C), corr = R, algorithm = Miwa(steps = 4096))[1] - 0.025
C <- uniroot(f, c(1.5, 3), tol = 1e-13)$root
cat(sprintf("%.10f %.10f\n", C / sqrt(0.75), C))
