# Reference values for tests/numerics/normal_quantiles_test.cpp: R's qnorm
# (R 4.2, Wichura's AS 241, the algorithm gsd's normal_lower_quantiles
# implements) at probabilities in each of the algorithm's three ranges and
# at its two splits. Run: Rscript tests/reference/normal_quantiles.R
p <- c(1e-300, 1e-100, 1e-20, 1e-12, 1.3887943864964021e-11,  # exp(-25): r = 5
       1e-8, 1e-4, 0.001, 0.025, 0.075, 0.0749999, 0.075001, 0.2, 0.5, 0.6,
       0.925, 0.975, 0.999, 1 - 1e-10, 1 - 2^-52, 1 - 2^-53)
for (x in p) cat(sprintf("  {%.17g, %.17g},\n", x, qnorm(x)))
