#pragma once
// Classical group-sequential boundaries, fixed in shape rather than derived
// from a spending function (Jennison & Turnbull 2000, ch. 2).
#include <optional>
#include <string>

namespace gsd::spending {

enum class ClassicalFamily {
  kObrienFleming,  // c_k = C / sqrt(t_k)                    (O'Brien & Fleming 1979)
  kPocock,         // c_k = C                                (Pocock 1977)
  kWangTsiatis,    // c_k = C t_k^(Delta - 1/2)              (Wang & Tsiatis 1987)
  kHaybittlePeto,  // c_k = p at interims, final solved     (Haybittle 1971; Peto et al. 1976)
  // c_k = C t_k^(Delta - 1/2) as Wang-Tsiatis, paired with the futility bound
  // a_k = drift sqrt(t_k) - C0 t_k^(Delta0 - 1/2) that meets it at the final
  // look (Pampallona & Tsiatis 1994, J. Stat. Plan. Inference 42:19; rpact PT).
  // Without that futility bound it is the Wang-Tsiatis boundary.
  kPampallonaTsiatis,
};

class ClassicalBoundary {
 public:
  static ClassicalBoundary obrien_fleming() { return {ClassicalFamily::kObrienFleming, 0.0}; }
  static ClassicalBoundary pocock() { return {ClassicalFamily::kPocock, 0.5}; }
  // Delta in [-0.5, 1]: 0 is O'Brien-Fleming, 0.5 is Pocock (J&T section 2.7.1).
  static ClassicalBoundary wang_tsiatis(double delta);
  // Interim z bound in [1, 8]; default 3 as in Haybittle (1971).
  // Delta in [-0.5, 1], as wang_tsiatis (rpact's deltaPT1).
  static ClassicalBoundary pampallona_tsiatis(double delta);
  static ClassicalBoundary haybittle_peto(double interim_z = kDefaultHaybittlePetoZ);

  // Haybittle (1971), Br. J. Radiol. 44:793: stop only for z >= 3 at interims.
  static constexpr double kDefaultHaybittlePetoZ = 3.0;

  ClassicalFamily family() const noexcept { return family_; }
  // Delta for the Wang-Tsiatis family (0 and 0.5 for OBF and Pocock), or the
  // interim z for Haybittle-Peto.
  double parameter() const noexcept { return parameter_; }

 private:
  ClassicalBoundary(ClassicalFamily family, double parameter)
      : family_(family), parameter_(parameter) {}
  ClassicalFamily family_;
  double parameter_;
};


}  // namespace gsd::spending
