// The simulation of normal and binary endpoint trials against an independent
// simulation of the same trials, written in plain R without gsd's code
// (tests/reference/endpoint_simulation.R, 400,000 replicates per trial; the
// values below are its output): configs/normal-two-sample.json (the
// two-sample t statistic with the pooled sd against the z bounds carried to
// the t distribution) and configs/binary-noninferiority.json (the
// Farrington-Manning z at the margin -0.10, 2:1). The R simulation takes
// gsd's printed bounds as inputs and checks them against rpact; it draws
// patient by patient, where gsd draws each look's sufficient statistics.
//
// Each quantity within 4 standard errors of the difference of the two
// simulations (a false alarm with probability 6e-5 per quantity if both
// simulate the same trial): the power, the efficacy and futility stops per
// look, the expected patients, and, with the non-binding futility bound
// ignored, the power and the efficacy stops per look.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "monte_carlo_bounds.hpp"
#include "gsd/load.hpp"
#include "gsd/simulation.hpp"

namespace gsd::endpoint_reference_simulation_test {
namespace {

using testing::Estimate;

struct Reference {
  const char* config;
  double replicates;
  Estimate power;
  Estimate reject[3];    // efficacy stops per look, futility obeyed
  Estimate futility[3];  // futility stops per look (none at the last)
  Estimate patients;     // at the stopping look
  Estimate power_ignoring_futility;
  Estimate reject_ignoring_futility[3];
  int look_patients[3];
};

const Reference kReferences[] = {
    // clang-format off
    {"normal-two-sample", 400000, {0.90084, 0.00047},
     {{0.26629, 0.00070}, {0.44438, 0.00079}, {0.19017, 0.00062}},
     {{0.02588, 0.00025}, {0.02729, 0.00026}, {0.00000, 0.00000}},
     {135.42389, 0.05271}, {0.91621, 0.00044},
     {{0.26629, 0.00070}, {0.44467, 0.00079}, {0.20525, 0.00064}},
     {92, 138, 184}},
    {"binary-noninferiority", 400000, {0.79832, 0.00063},
     {{0.07383, 0.00041}, {0.43117, 0.00078}, {0.29332, 0.00072}},
     {{0.04103, 0.00031}, {0.05781, 0.00037}, {0.00000, 0.00000}},
     {593.45838, 0.23519}, {0.82064, 0.00061},
     {{0.07383, 0.00041}, {0.43167, 0.00078}, {0.31514, 0.00073}},
     {303, 530, 756}},
    // clang-format on
};

constexpr double kStandardErrors = 4.0;

// About 0.2 s per trial in a Release build; fewer under AddressSanitizer
// (about 10x slower), the bound staying valid for the count actually used.
#if defined(__SANITIZE_ADDRESS__)
constexpr std::int64_t kReplicates = 40000;
#else
constexpr std::int64_t kReplicates = 400000;
#endif

// The standard error of the difference between the R estimate and gsd's.
double difference_se(const Estimate& r, double r_replicates) {
  return testing::difference_se(r.se, r_replicates, static_cast<double>(kReplicates));
}

TEST(EndpointReferenceSimulation, SimulatorAgreesWithAnIndependentSimulation) {
  for (const Reference& ref : kReferences) {
    SCOPED_TRACE(ref.config);
    SimulationRequest request;
    request.replicates = kReplicates;
    request.seed = 20261208;
    request.threads = 2;
    const simulate::SimulationResult r =
        simulate_trial(load_trial_file(std::string(GSD_SOURCE_DIR) + "/configs/" + ref.config + ".json"),
                       request)
            .result;
    ASSERT_EQ(r.look_patients, (std::vector<int>{ref.look_patients[0], ref.look_patients[1],
                                                 ref.look_patients[2]}));
    ASSERT_EQ(r.reject_per_look.size(), 3u);
    ASSERT_EQ(r.futility_per_look.size(), 3u);
    ASSERT_EQ(r.reject_per_look_ignoring_futility.size(), 3u);
    const auto near = [&](double value, const Estimate& e, const std::string& what) {
      EXPECT_NEAR(value, e.value, kStandardErrors * difference_se(e, ref.replicates)) << what;
    };
    near(r.power, ref.power, "power");
    near(r.expected_patients, ref.patients, "expected patients");
    near(r.power_ignoring_futility, ref.power_ignoring_futility, "power ignoring futility");
    for (std::size_t k = 0; k < 3; ++k) {
      const std::string look = " at look " + std::to_string(k + 1);
      near(r.reject_per_look[k], ref.reject[k], "efficacy stops" + look);
      // None at the last look, which has no futility bound: both are exactly 0.
      near(r.futility_per_look[k], ref.futility[k], "futility stops" + look);
      near(r.reject_per_look_ignoring_futility[k], ref.reject_ignoring_futility[k],
           "efficacy stops ignoring futility" + look);
    }
  }
}

}  // namespace
}  // namespace gsd::endpoint_reference_simulation_test
