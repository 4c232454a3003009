#' Coming from rpact or gsDesign
#'
#' gsd's arguments for rpact's and gsDesign's. The conventions are rpact's
#' where they differ: `sided = 2` is symmetric with `alpha` the total of both
#' sides, and a positive z favours the experimental arm (hazard ratio below
#' 1). gsDesign's `alpha` is one-sided: its `test.type = 2` design at `alpha`
#' is gsd's `sided = 2` at `2 * alpha`. gsd's bounds agree with rpact 3.3.4 to
#' 1e-6 in z.
#'
#' | rpact | gsDesign | gsd |
#' |---|---|---|
#' | `getDesignGroupSequential()` | `gsDesign()` | [gsd_design()] |
#' | `kMax`, `informationRates` | `k`, `timing` | `information_fractions` |
#' | `alpha`, `beta`, `sided` | `alpha`, `beta`, `test.type` | `alpha`, `beta`, `sided` |
#' | `typeOfDesign = "asOF"` | `sfu = sfLDOF` | `efficacy = "lan-demets-obf"` |
#' | `typeOfDesign = "asP"` | `sfu = sfLDPocock` | `efficacy = "lan-demets-pocock"` |
#' | `typeOfDesign = "asHSD"`, `gammaA` | `sfu = sfHSD`, `sfupar` | `efficacy = "hsd"`, `efficacy_parameter` |
#' | `typeOfDesign = "asKD"`, `gammaA` | `sfu = sfPower`, `sfupar` | `efficacy = "power"`, `efficacy_parameter` |
#' | `typeOfDesign = "asUser"`, `userAlphaSpending` (cumulative alpha) | `sfu = sfPoints`, `sfupar` | `efficacy = "user"`, `efficacy_parameter` = cumulative alpha / alpha |
#' | `typeOfDesign = "OF"`, `"P"` | `sfu = "OF"`, `"Pocock"` | `efficacy = "obrien-fleming"`, `"pocock"` |
#' | `typeOfDesign = "WT"`, `deltaWT` | `sfu = "WT"`, `sfupar` | `efficacy = "wang-tsiatis"`, `efficacy_parameter` |
#' | `typeOfDesign = "HP"` | | `efficacy = "haybittle-peto"` (`efficacy_parameter`: interim z, default 3) |
#' | `typeBetaSpending = "bsOF"`, `"bsP"` | `sfl = sfLDOF`, `sfLDPocock` | `futility = "lan-demets-obf"`, `"lan-demets-pocock"` |
#' | `typeBetaSpending = "bsHSD"`, `gammaB` | `sfl = sfHSD`, `sflpar` | `futility = "hsd"`, `futility_parameter` |
#' | `typeBetaSpending = "bsKD"`, `gammaB` | `sfl = sfPower`, `sflpar` | `futility = "power"`, `futility_parameter` |
#' | `typeBetaSpending = "bsUser"`, `userBetaSpending` | `sfl = sfPoints` | `futility = "user"`, `futility_parameter` = cumulative beta / beta |
#' | `bindingFutility` | `test.type = 3` (binding), `4` (non-binding) | `binding` |
#' | `thetaH0` | `delta0` | `hazard_ratio_h0` (through `...`): the hazard ratio under H0, default 1; above the model's hazard ratio a non-inferiority margin (the config's `survival$hazard_ratio_h0`) |
#' | `$criticalValues`, `$futilityBounds` | `$upper$bound`, `$lower$bound` | `$bounds$efficacy_z`, `$bounds$futility_z` |
#' | `$stageLevels`, `$alphaSpent` | | `$bounds$nominal_p_one_sided`, `$bounds$cumulative_alpha` |
#' | `getDesignCharacteristics()$shift`, `$inflationFactor` | | `$drift^2`, `$inflation_factor` |
#' | `getSampleSizeSurvival()`, `getPowerSurvival()` | `nSurv()`, `gsSurv()` | [gsd_survival()] with [cure_model()] arms |
#' | `typeOfComputation = "Schoenfeld"` (the default), `"Freedman"`, `"HsiehFreedman"` | `nSurv()`'s Lachin-Foulkes | `method = "schoenfeld"`, `"freedman"`, `"hsieh-freedman"`, `"lachin-foulkes"` (through `...`); gsd's default `"exact"` is the event-driven power under the model itself, which may ask a few events more or fewer than a formula (and is the only one with a cure fraction) |
#' | `median2`, `lambda2` (control) | `lambdaC` | `control = cure_model(median_noncured = , hazard = )` |
#' | `hazardRatio` | `hr` | `hazard_ratio_noncured` (among the noncured; add `cure_fraction`s for a cure model) |
#' | `accrualTime`, `accrualIntensity` | `R`, `gamma` | `accrual = 36` (a duration: `accrual(36)`) or `accrual(durations = , rates = )` |
#' | `dropoutRate1`, `dropoutRate2`, `dropoutTime` (probabilities by a time) | `eta` (hazards) | `dropout = c(control = , treatment = )`, hazards: `-log(1 - rate) / time` |
#' | `allocationRatioPlanned` | `ratio` | `allocation_ratio` (treatment : control) |
#' | `maxNumberOfSubjects`, `maxNumberOfEvents` | | `patients`, `events` |
#' | `followUpTime` | `minfup` | `follow_up` |
#' | `getSimulationSurvival(maxNumberOfIterations, seed)` | | [gsd_simulate()] (`replicates`, `seed`, `threads`) |
#' | `getAnalysisResults(design, dataInput, nPlanned, thetaH1)` | `gsDesign(..., n.I = , maxn.IPlan = )` | [gsd_monitor()] (`looks`, `planned_events`, `assumed_hazard_ratio`) |
#' | `getDataset(overallEvents, overallLogRanks)` | | `looks = data.frame(events = , z = )` with z = -logRank (rpact's `directionUpper = FALSE`) |
#'
#' @name coming_from_rpact
#' @examples
#' # rpact: getDesignGroupSequential(kMax = 5, alpha = 0.025, beta = 0.1,
#' #   typeOfDesign = "asOF", typeBetaSpending = "bsHSD", gammaB = -2,
#' #   bindingFutility = TRUE)
#' gsd_design(alpha = 0.025, beta = 0.1, information_fractions = 1:5 / 5,
#'            efficacy = "lan-demets-obf", futility = "hsd", futility_parameter = -2,
#'            binding = TRUE)
NULL
