# Reference for tests/survival/published_nph_examples_test.cpp
# (Prior2020MaxComboPower): the critical value and power of Prior (2020)'s
# MaxCombo example as lrstat 0.3.3's vignette "Power Calculation Using
# Max-Combo Tests" (maxcombo.Rmd) computes them, from the means and the
# correlation matrix it prints (3 decimals) for Z = (Z_FH(0,0),1,
# Z_FH(0,0),2, Z_FH(0,1),2): the log-rank test at the interim look (bound
# u1 = qnorm(1 - 0.0015)) and the larger of FH(0, 0) and FH(0, 1) at the
# final look, one-sided alpha 0.025. The vignette uses lrstat's pmvnormr;
# here mvtnorm's pmvnorm (Genz-Bretz) at abseps 1e-7 stands in for it.
#   Rscript tests/reference/lrstat_prior2020_maxcombo.R   (mvtnorm 1.1-3)
library(mvtnorm)
set.seed(2020)
mu <- c(0.900, 2.234, 2.662)
sigma <- matrix(c(1, 0.748, 0.370, 0.748, 1, 0.861, 0.370, 0.861, 1), 3, 3)
u1 <- qnorm(1 - 0.0015)
alg <- GenzBretz(maxpts = 1e7, abseps = 1e-7, releps = 0)
f <- function(u2) 1 - pmvnorm(upper = c(u1, u2, u2), sigma = sigma, algorithm = alg) - 0.025
u2 <- uniroot(f, c(1, 3), tol = 1e-10)$root
power <- 1 - pmvnorm(upper = c(u1, u2, u2), mean = mu, sigma = sigma, algorithm = alg)
cat(sprintf("mvtnorm %s\nu1 %.8f\nu2 %.8f\npower %.8f\n", packageVersion("mvtnorm"), u1, u2, power))
