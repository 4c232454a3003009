#include "gsd/render/weighted_test_output.hpp"

#include <cstdio>
#include <iomanip>
#include <sstream>

#include "number_format.hpp"

namespace gsd::render {
namespace {

std::string test_name(const survival::LogRankWeight& w) {
  detail::TextStream out;
  out << std::defaultfloat << std::setprecision(6);
  if (w.family == survival::WeightFamily::kMagirrBurman) {
    out << "Magirr-Burman modestly weighted log-rank, t* = " << w.t_star;
  } else {
    out << "Fleming-Harrington FH(" << w.rho << ", " << w.gamma << ") weighted log-rank";
  }
  return out.str();
}

}  // namespace

std::string weighted_test_csv_header() {
  return ",test,test_information_fraction,test_spending_fraction,test_drift,test_variance_ratio,"
         "test_efficacy_z,test_cumulative_crossing,test_power";
}

std::string weighted_test_csv_row(const survival::WeightedLogRankPower& test, std::size_t look) {
  const survival::WeightedLook& l = test.looks[look];
  detail::TextStream name;
  name << std::defaultfloat << std::setprecision(6);
  if (test.weight.family == survival::WeightFamily::kMagirrBurman) {
    name << "MB(" << test.weight.t_star << ")";
  } else {
    name << "FH(" << test.weight.rho << " " << test.weight.gamma << ")";
  }
  char values[240];
  detail::print(values, sizeof values, ",%.10g,%.10g,%.10g,%.10g,%s,%.10g,%.10g", l.information_fraction,
                l.spending_fraction, l.mean_z, l.moments.variance_ratio(), detail::csv_bound(l.efficacy_z).c_str(),
                l.cumulative_crossing, test.power);
  return "," + name.str() + values;
}

std::string weighted_test_text(const survival::WeightedLogRankPower& test, double log_rank_power,
                               const std::string& time_unit) {
  detail::TextStream out;
  out << std::fixed;
  out << "\nTest: " << test_name(test.weight) << "\n";
  out << "  alpha spent at the "
      << (test.scale == survival::SpendingScale::kEvents ? "planned event fractions"
                                                          : "test's own information fractions")
      << "; bounds at its information fractions\n";
  out << std::setprecision(4) << "  power " << test.power << " at the expected look times (log-rank "
      << log_rank_power << " at those times)\n\n";
  out << std::setw(4) << "look" << std::setw(8) << "events" << std::setw(15) << "calendar time"
      << std::setw(10) << "event" << std::setw(8) << "info" << std::setw(9) << "drift"
      << std::setw(10) << "Var Z" << std::setw(10) << "efficacy" << std::setw(12) << "cumulative"
      << '\n';
  detail::TextStream unit_head;
  unit_head << "(" << time_unit << ")";
  out << std::setw(4) << "" << std::setw(8) << "" << std::setw(15) << unit_head.str()
      << std::setw(10) << "fraction" << std::setw(8) << "frac." << std::setw(9) << "E[Z]"
      << std::setw(10) << "model" << std::setw(10) << "z" << std::setw(12) << "P(cross)" << '\n';
  for (std::size_t k = 0; k < test.looks.size(); ++k) {
    const survival::WeightedLook& l = test.looks[k];
    out << std::setw(4) << k + 1 << std::setw(8) << l.events << std::setw(15) << std::setprecision(2)
        << l.calendar_time << std::setw(10) << std::setprecision(4) << l.event_fraction << std::setw(8)
        << l.information_fraction << std::setw(9) << l.mean_z << std::setw(10)
        << l.moments.variance_ratio() << std::setw(10) << detail::bound(l.efficacy_z) << std::setw(12)
        << l.cumulative_crossing << '\n';
  }
  return out.str();
}

std::string test_sizing_text(const survival::TestSizing& s) {
  detail::TextStream out;
  out << std::fixed << std::setprecision(2);
  out << "  sized for this test: " << s.patients << " patients and " << s.events << " events";
  if (s.mode == survival::SolveMode::kPatients) {
    out << " (unrounded " << s.patients_unrounded << " and " << s.events_unrounded << ", follow-up held)";
  } else {
    out << " (unrounded " << s.events_unrounded << " events, patients held)";
  }
  out << "\n";
  if (s.power_error > 0.0) {
    out << "  the power's lattice-rule error " << std::setprecision(5) << s.power_error << " moves that size by "
        << std::setprecision(2) << s.size_error << "\n";
  }
  return out.str();
}

}  // namespace gsd::render
