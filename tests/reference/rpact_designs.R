# Generator of the rpact 3.3.4 reference values embedded in
# tests/spending/design_families_test.cpp. Run: Rscript tests/reference/rpact_designs.R
# (Debian package r-cran-rpact). Tests embed the printed values; they never call R.
library(rpact)
d <- getDesignGroupSequential(kMax=5, alpha=0.025, beta=0.1, typeOfDesign="asOF", typeBetaSpending="bsHSD", gammaB=-2, bindingFutility=TRUE)
print(sprintf("%.8f", d$criticalValues)); print(sprintf("%.8f", d$futilityBounds))
d2 <- getDesignGroupSequential(kMax=3, alpha=0.05, sided=2, typeOfDesign="asOF", informationRates=c(.5,.75,1))
print(sprintf("%.8f", d2$criticalValues)); print(sprintf("%.8f", d2$alphaSpent))
d3 <- getDesignGroupSequential(kMax=4, alpha=0.025, typeOfDesign="HP", informationRates=c(.3,.55,.8,1))
print(sprintf("%.8f", d3$criticalValues))
d4 <- getDesignGroupSequential(kMax=4, alpha=0.025, typeOfDesign="WT", deltaWT=0.25, informationRates=c(.3,.55,.8,1))
print(sprintf("%.8f", d4$criticalValues))
d5 <- getDesignGroupSequential(kMax=4, alpha=0.025, typeOfDesign="asKD", gammaA=3, informationRates=c(.3,.55,.8,1))
print(sprintf("%.8f", d5$criticalValues))
d6 <- getDesignGroupSequential(kMax=4, alpha=0.025, typeOfDesign="asHSD", gammaA=-4, informationRates=c(.3,.55,.8,1))
print(sprintf("%.8f", d6$criticalValues))
d7 <- getDesignGroupSequential(kMax=4, alpha=0.025, typeOfDesign="asP", informationRates=c(.3,.55,.8,1))
print(sprintf("%.8f", d7$criticalValues))
d8 <- getDesignGroupSequential(kMax=4, alpha=0.025, typeOfDesign="P", informationRates=c(.25,.5,.75,1))
print(sprintf("%.8f", d8$criticalValues))
d9 <- getDesignGroupSequential(kMax=3, alpha=0.025, beta=0.2, typeOfDesign="asOF", informationRates=c(.5,.75,1))
dc <- getDesignCharacteristics(d9); print(sprintf("%.8f", c(dc$shift, dc$inflationFactor, sqrt(dc$shift))))
dc10 <- getDesignCharacteristics(d); print(sprintf("%.8f", c(sqrt(dc10$shift), dc10$inflationFactor)))

# Seed design drift (tests/monitoring/monitor_test.cpp): 2.98256208
dseed <- getDesignGroupSequential(kMax=3, alpha=0.05, sided=2, beta=0.16, typeOfDesign="asOF", informationRates=c(.5,.75,1))
print(sprintf("%.8f", sqrt(getDesignCharacteristics(dseed)$shift)))
# Final analysis at 93 of 94 events spending all alpha (tests/simulate/look_plan_test.cpp):
# asUser with the OBF spending at 0.5 and 0.75, then alpha: 2.96258804 2.35901771 2.01206828
obf <- function(t, a = 0.025) 2 * (1 - pnorm(qnorm(1 - a / 2) / sqrt(t)))
u <- getDesignGroupSequential(kMax=3, alpha=0.025, typeOfDesign="asUser", informationRates=c(.5,.75,93/94), userAlphaSpending=c(obf(.5), obf(.75), 0.025))
print(sprintf("%.8f", u$criticalValues))
