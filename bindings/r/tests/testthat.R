library(testthat)
library(gsd)

test_check("gsd")
