# rpact_monitor_beta_spending.R - reference values for
# tests/monitoring/beta_spending_monitor_reference_test.cpp: the efficacy and
# beta-spending futility bounds that `gsd monitor` recomputes at the
# information actually observed (monitoring/src/look_schedule.cpp), for looks
# that fall off the planned fractions.
#
# At a look with d of D planned events gsd's schedule is the looks observed so
# far, then the planned looks still to come (ceil(t D) events), and the design
# is solved again at those fractions: alpha(d / D) and the HSD(-2) beta
# spending at d / D, with the drift re-solved so that the final efficacy and
# futility bounds meet. rpact 3.3.4's getDesignGroupSequential() at the same
# informationRates is the same computation, so every bound of the schedule
# (the observed looks' and the remaining planned ones') is compared.
#
# Cases (one-sided alpha 0.025 unless stated, Lan-DeMets O'Brien-Fleming
# efficacy, HSD(gamma = -2) beta spending, beta 0.1):
#   four planned looks at 0.25, 0.5, 0.75, 1 of 300 events, observed looks at
#   90 events (schedule 90, 150, 225, 300) and then at 160 (90, 160, 225, 300),
#   with the futility bound non-binding and binding;
#   two-sided alpha 0.05, non-binding, three planned looks at 0.4, 0.7, 1 of
#   200 events, observed looks at 70 (schedule 70, 80, 140, 200) and 150
#   (70, 150, 200). rpact calls two-sided beta spending experimental; it
#   gives no futility bound (NA) where the bound on |z| would be below 0.
#
# Equivalent gsd configs: a design section with
#   "futility": {"spending": "hsd", "parameter": -2, "binding": false}
# and "monitoring": {"planned_events": 300, "looks": [{"events": 90, "z": 0.9},
# {"events": 160, "z": 1.3}]}; gsd 0.2.0 prints the bounds listed in `gsd`
# below (efficacy_z and futility_z of the look, then of remaining_looks).
#
# Run:      Rscript tests/reference/rpact_monitor_beta_spending.R
# Requires: R package rpact (3.3.4). Prints one C++ initializer per schedule:
#           the events, the efficacy bounds and the futility bounds (NaN for
#           none). The tests embed them and never call R.

suppressPackageStartupMessages(library(rpact))

bounds <- function(events, binding, sided = 1, alpha = 0.025) {
  design <- suppressWarnings(getDesignGroupSequential(
    kMax = length(events), alpha = alpha, sided = sided, beta = 0.1,
    informationRates = events / events[length(events)], typeOfDesign = "asOF",
    typeBetaSpending = "bsHSD", gammaB = -2, bindingFutility = binding))
  list(efficacy = design$criticalValues, futility = c(design$futilityBounds, NA))
}

# gsd 0.2.0 (`gsd monitor --format json`): the bounds of each schedule at its
# last observed look, then the remaining planned looks.
cases <- list(
  list(id = "non_binding_at_90", events = c(90, 150, 225, 300), binding = FALSE, sided = 1,
       gsd_efficacy = c(3.9285725426260374, 2.9656182265167987, 2.35915255348562, 2.0141155053839164),
       gsd_futility = c(-0.37994354796259, 0.3342166901180025, 1.1988597956066154, NA)),
  list(id = "non_binding_at_160", events = c(90, 160, 225, 300), binding = FALSE, sided = 1,
       gsd_efficacy = c(NA, 2.8580137088600175, 2.3667425317703006, 2.0148141107848727),
       gsd_futility = c(NA, 0.4702795743973594, 1.1898729959089764, NA)),
  list(id = "binding_at_90", events = c(90, 150, 225, 300), binding = TRUE, sided = 1,
       gsd_efficacy = c(3.9285725426260374, 2.9656171009342693, 2.3573409484002488, 1.9670743495269407),
       gsd_futility = c(-0.4033990846570873, 0.3039357223141627, 1.1617640556107274, NA)),
  list(id = "binding_at_160", events = c(90, 160, 225, 300), binding = TRUE, sided = 1,
       gsd_efficacy = c(NA, 2.8580060670820155, 2.3650018785647, 1.9674807692753775),
       gsd_futility = c(NA, 0.43881320335311824, 1.1525489761135335, NA)),
  list(id = "two_sided_at_70", events = c(70, 80, 140, 200), binding = FALSE, sided = 2,
       gsd_efficacy = c(3.6127887364322673, 3.391253782689485, 2.444782713113634, 2.0005763914804318),
       gsd_futility = c(NA, NA, 0.9599564920578961, NA)),
  list(id = "two_sided_at_150", events = c(70, 150, 200), binding = FALSE, sided = 2,
       gsd_efficacy = c(NA, 2.3417559091242492, 2.0120733325184106),
       gsd_futility = c(NA, 1.1916629592774937, NA))
)

format_vector <- function(x, digits = "%.9f") {
  paste0("{", paste(ifelse(is.na(x), "kNone", sprintf(digits, x)), collapse = ", "), "}")
}

for (cs in cases) {
  b <- bounds(cs$events, cs$binding, cs$sided, if (cs$sided == 2) 0.05 else 0.025)
  worst <- max(abs(c(b$efficacy - cs$gsd_efficacy, b$futility - cs$gsd_futility)), na.rm = TRUE)
  cat(sprintf("// %s: gsd differs by at most %.1e in z\n", cs$id, worst))
  cat(sprintf("{\"%s\", %s, %s, %s},\n", cs$id, format_vector(cs$events, "%g"),
              format_vector(b$efficacy), format_vector(b$futility)))
}
