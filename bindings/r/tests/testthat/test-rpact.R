# Agreement with rpact 3.3.4, values from the committed generators
# tests/reference/rpact_designs.R and tests/reference/rpact_monitoring.R of
# the gsd repository (printed to 8 or 9 significant digits). Tolerances as in
# the library's own tests: 1e-6 in z, 1e-6 relative for probabilities.

test_that("every boundary family matches getDesignGroupSequential", {
  t4 <- c(0.3, 0.55, 0.8, 1)
  z <- function(...) gsd_design(alpha = 0.025, information_fractions = t4, ...)$bounds$efficacy_z
  # typeOfDesign = "HP", "WT" (deltaWT 0.25), "asKD" (gammaA 3), "asHSD"
  # (gammaA -4), "asP"; and "P" at equally spaced looks.
  expect_near(z(efficacy = "haybittle-peto"), c(3, 3, 3, 1.97914708), 1e-6)
  expect_near(z(efficacy = "wang-tsiatis", efficacy_parameter = 0.25),
              c(2.86793327, 2.46466946, 2.24427907, 2.12250810), 1e-6)
  expect_near(z(efficacy = "power", efficacy_parameter = 3),
              c(3.20513318, 2.67109989, 2.28926995, 2.04306517), 1e-6)
  expect_near(z(efficacy = "hsd", efficacy_parameter = -4),
              c(3.06669955, 2.74389920, 2.35775434, 2.02310609), 1e-6)
  expect_near(z(efficacy = "lan-demets-pocock"),
              c(2.31183530, 2.35730923, 2.35262575, 2.37308107), 1e-6)
  expect_near(gsd_design(information_fractions = 1:4 / 4, efficacy = "pocock")$bounds$efficacy_z,
              rep(2.36129966, 4), 1e-6)
})

test_that("beta-spending futility, drift and inflation factor match", {
  # kMax 5, beta 0.1, asOF with bsHSD(-2), bindingFutility = TRUE;
  # getDesignCharacteristics: sqrt(shift) 3.35014342, inflation 1.06814591.
  d <- gsd_design(information_fractions = 1:5 / 5, beta = 0.1, futility = "hsd",
                  futility_parameter = -2, binding = TRUE)
  expect_near(d$bounds$efficacy_z, c(4.87688495, 3.35701174, 2.68003704, 2.28568058, 1.97434404), 1e-6)
  expect_near(d$bounds$futility_z[1:4], c(-0.92470137, -0.06939293, 0.65446601, 1.31324768), 1e-6)
  expect_near(d$drift, 3.35014342, 1e-6)
  expect_near(d$inflation_factor, 1.06814591, 1e-6)
  # asOF at 0.5 / 0.75 / 1, beta 0.2: shift 8.00297286, inflation 1.01963250.
  d <- gsd_design(information_fractions = c(0.5, 0.75, 1))
  expect_near(d$drift^2, 8.00297286, 1e-5)
  expect_near(d$inflation_factor, 1.01963250, 1e-6)
})

test_that("monitoring inference matches getAnalysisResults", {
  d <- gsd_design(alpha = 0.025, information_fractions = c(0.5, 0.75, 1))
  # Case B: z = 2.0 at 49, 2.6 at 71 of 94 events: the bound 2.353231 is
  # crossed; stage-wise p 0.00556706399, median-unbiased HR 0.543066296,
  # CI 0.340305896 to 0.869195975.
  m <- gsd_monitor(d, looks = data.frame(events = c(49, 71), z = c(2.0, 2.6)), planned_events = 94,
                   assumed_hazard_ratio = 0.63)
  expect_near(m$looks$efficacy_z[2], 2.353231, 1e-6)
  expect_equal(m$decision, "stop-efficacy")
  expect_equal(m$final$p_value, 0.00556706399, tolerance = 1e-6)
  expect_equal(m$final$median_unbiased_hazard_ratio, 0.543066296, tolerance = 1e-6)
  expect_equal(m$final$ci_hazard_ratio, c(0.340305896, 0.869195975), tolerance = 1e-6)
  expect_equal(m$looks$rci_lower[2], 0.308608775, tolerance = 1e-6)
  expect_equal(m$looks$rci_upper[2], 0.943110435, tolerance = 1e-6)
  # Case D: looks at 40, 80, 94 events: bounds 3.243497, 2.172315, 2.040849.
  m <- gsd_monitor(d, looks = data.frame(events = c(40, 80, 94), z = c(0, 0, 0)),
                   planned_events = 94)
  expect_near(m$looks$efficacy_z, c(3.243497, 2.172315, 2.040849), 1e-6)
  # Case I: 2:1 allocation, z = 2.2 at 60 of 120 events, HR 0.7 assumed.
  m <- gsd_monitor(d, looks = list(list(events = 60, z = 2.2)), planned_events = 120,
                   allocation_ratio = 2, assumed_hazard_ratio = 0.7)
  expect_equal(m$looks$rci_lower, 0.243209302, tolerance = 1e-6)
  expect_equal(m$looks$rci_upper, 1.23225194, tolerance = 1e-6)
  expect_equal(m$looks$conditional_power, 0.772710049, tolerance = 1e-6)
})
