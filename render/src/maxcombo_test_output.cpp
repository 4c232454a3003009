#include "gsd/render/maxcombo_test_output.hpp"

#include <cstdio>
#include <iomanip>
#include <sstream>

#include "number_format.hpp"

namespace gsd::render {
namespace {

// "FH(0, 0), FH(0, 1)" or, compact for CSV, "FH(0 0)+FH(0 1)".
std::string test_list(const survival::MaxComboPower& test, bool compact) {
  detail::TextStream out;
  out << std::defaultfloat << std::setprecision(6);
  for (std::size_t j = 0; j < test.tests.size(); ++j) {
    if (j > 0) out << (compact ? "+" : ", ");
    out << "FH(" << test.tests[j].rho << (compact ? " " : ", ") << test.tests[j].gamma << ")";
  }
  return out.str();
}

}  // namespace

std::string maxcombo_test_csv_header() {
  return ",test,test_spending_fraction,test_cumulative_alpha,test_efficacy_z,test_alpha_error,"
         "test_efficacy_z_error,test_cumulative_crossing,test_power,test_power_error";
}

std::string maxcombo_test_csv_row(const survival::MaxComboPower& test, std::size_t look) {
  const survival::MaxComboLook& l = test.looks[look];
  char values[240];
  detail::print(values, sizeof values, ",%.10g,%.10g,%s,%.10g,%.10g,%.10g,%.10g,%.10g", l.spending_fraction,
                l.cumulative_alpha, detail::csv_bound(l.efficacy_z).c_str(), l.alpha_error, l.efficacy_z_error,
                l.cumulative_crossing, test.power, test.power_error);
  return ",MaxCombo(" + test_list(test, true) + ")" + values;
}

std::string maxcombo_test_text(const survival::MaxComboPower& test, double log_rank_power,
                               const std::string& time_unit) {
  detail::TextStream out;
  out << std::fixed;
  out << "\nTest: MaxCombo, the largest z of " << test_list(test, false) << "\n";
  out << "  alpha spent at the planned event fractions; bounds from the joint normal of tests x looks\n";
  out << "  (Genz-Bretz lattice, seed " << test.mvn.seed << ", each probability to within "
      << std::defaultfloat << test.mvn.abs_tolerance << std::fixed << ")\n";
  out << std::setprecision(4) << "  power " << test.power << " (+- " << std::setprecision(5) << test.power_error
      << std::setprecision(4) << ") at the expected look times (log-rank " << log_rank_power
      << " at those times)\n\n";
  out << std::setw(4) << "look" << std::setw(8) << "events" << std::setw(15) << "calendar time" << std::setw(10)
      << "event" << std::setw(12) << "cumulative" << std::setw(10) << "efficacy" << std::setw(8) << ""
      << std::setw(10) << "bound's"
      << std::setw(12) << "cumulative" << "  E[Z] per test\n";
  detail::TextStream unit_head;
  unit_head << "(" << time_unit << ")";
  out << std::setw(4) << "" << std::setw(8) << "" << std::setw(15) << unit_head.str() << std::setw(10)
      << "fraction" << std::setw(12) << "alpha" << std::setw(10) << "z" << std::setw(8) << "+/- z"
      << std::setw(10) << "alpha err"
      << std::setw(12) << "P(cross)" << '\n';
  for (std::size_t k = 0; k < test.looks.size(); ++k) {
    const survival::MaxComboLook& l = test.looks[k];
    out << std::setw(4) << k + 1 << std::setw(8) << l.events << std::setw(15) << std::setprecision(2)
        << l.calendar_time << std::setw(10) << std::setprecision(4) << l.event_fraction << std::setw(12)
        << std::setprecision(5) << l.cumulative_alpha << std::setw(10) << detail::bound(l.efficacy_z)
        << std::setw(8) << std::setprecision(4) << l.efficacy_z_error << std::setw(10) << std::setprecision(5)
        << l.alpha_error << std::setw(12) << std::setprecision(4)
        << l.cumulative_crossing << " ";
    for (double z : l.mean_z) out << ' ' << z;
    out << '\n';
  }
  return out.str();
}

}  // namespace gsd::render
