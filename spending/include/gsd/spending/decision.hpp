#pragma once
// What a look decides, against its bounds: one closed set shared by the
// planned design, the simulator and the monitoring of a real trial. (The
// words for each outcome, and its name in the output, are made by the
// engine's presentation module.)
namespace gsd::spending {

enum class Decision {
  kContinue,
  // z at or above the efficacy bound: reject H0 in favour of the experimental arm.
  kStopEfficacy,
  // z at or below a lower bound that rejects in the other direction: the
  // lower efficacy bound of a two-sided design (the experimental arm is
  // significantly worse).
  kStopHarm,
  // z at or below a futility bound; in monitoring also a final analysis that
  // does not reject (the trial ends without success).
  kStopFutility,
  // The final analysis of a simulated trial without any crossing.
  kFinalNoRejection,
};

}  // namespace gsd::spending
