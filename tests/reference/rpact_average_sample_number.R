# Generator of the rpact 3.3.4 reference values embedded in
# tests/spending/rpact_cross_check_test.cpp (AverageSampleNumberIsOverAFixedDesign):
# the expected information under H1, H0 and their midpoint relative to a
# fixed design (getDesignCharacteristics' averageSampleNumber1 / 0 / 01).
# Run: Rscript tests/reference/rpact_average_sample_number.R (Debian r-cran-rpact).
# Tests embed the printed values; they never call R.
suppressMessages(library(rpact))
show <- function(label, x) cat(label, ":", sprintf("%.10g", x), "\n")
for (binding in c(FALSE, TRUE)) {
  cat("== four equal looks, alpha 0.025, beta 0.1, LD-OBF efficacy and beta spending, binding", binding, "\n")
  d <- getDesignGroupSequential(kMax = 4, alpha = 0.025, beta = 0.1, typeOfDesign = "asOF",
                                typeBetaSpending = "bsOF", bindingFutility = binding)
  x <- getDesignCharacteristics(d)
  show("inflationFactor", x$inflationFactor)
  show("averageSampleNumber1", x$averageSampleNumber1)
  show("averageSampleNumber0", x$averageSampleNumber0)
}
cat("== the same looks, LD-Pocock efficacy, no futility\n")
d <- getDesignGroupSequential(kMax = 4, alpha = 0.025, beta = 0.1, typeOfDesign = "asP")
x <- getDesignCharacteristics(d)
show("inflationFactor", x$inflationFactor)
show("averageSampleNumber1", x$averageSampleNumber1)
show("averageSampleNumber0", x$averageSampleNumber0)
