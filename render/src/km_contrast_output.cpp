#include "gsd/render/km_contrast_output.hpp"

#include <cstdio>
#include <iomanip>
#include <sstream>

#include "number_format.hpp"

namespace gsd::render {
namespace {

bool is_rmst(const survival::KmContrast& c) { return c.kind == survival::KmContrast::Kind::kRmst; }

std::string test_name(const survival::KmContrast& c, const std::string& time_unit) {
  detail::TextStream out;
  out << std::defaultfloat << std::setprecision(6);
  if (is_rmst(c)) {
    out << "difference in restricted mean survival time up to " << c.horizon << " " << time_unit;
  } else {
    out << "difference in survival at " << c.horizon << " " << time_unit << " (Kaplan-Meier)";
  }
  out << ", treatment - control, z = difference / standard error";
  return out.str();
}

void looks_table(detail::TextStream& out, const survival::KmContrastPower& p, const std::string& time_unit) {
  const bool rmst = is_rmst(p.contrast);
  detail::TextStream unit_head;
  unit_head << "(" << time_unit << ")";
  out << std::setw(4) << "look" << std::setw(8) << "events" << std::setw(15) << "calendar time" << std::setw(11)
      << "longest" << std::setw(8) << "info" << std::setw(10) << "control" << std::setw(10) << "treatment"
      << std::setw(11) << "difference" << std::setw(9) << "SE" << std::setw(8) << "E[Z]" << std::setw(10)
      << "efficacy" << std::setw(11) << "difference" << std::setw(12) << "cumulative" << '\n';
  out << std::setw(4) << "" << std::setw(8) << "" << std::setw(15) << unit_head.str() << std::setw(11)
      << "follow-up" << std::setw(8) << "frac." << std::setw(10) << (rmst ? "RMST" : "survival") << std::setw(10)
      << (rmst ? "RMST" : "survival") << std::setw(11) << "" << std::setw(9) << "" << std::setw(8) << ""
      << std::setw(10) << "z" << std::setw(11) << "at bound" << std::setw(12) << "P(cross)" << '\n';
  const int digits = rmst ? 3 : 4;
  for (std::size_t k = 0; k < p.looks.size(); ++k) {
    const survival::KmContrastLook& l = p.looks[k];
    out << std::setw(4) << k + 1 << std::setw(8) << l.events << std::setprecision(2) << std::setw(15)
        << l.calendar_time << std::setw(11) << l.maximum_follow_up << std::setprecision(4) << std::setw(8)
        << l.information_fraction << std::setprecision(digits) << std::setw(10) << l.moments.control_value
        << std::setw(10) << l.moments.treatment_value << std::setw(11) << l.moments.estimate << std::setw(9)
        << l.standard_error << std::setprecision(4) << std::setw(8) << l.mean_z << std::setw(10)
        << detail::bound(l.efficacy_z) << std::setw(11)
        << detail::bound(l.efficacy_z * l.standard_error, rmst ? "%.3f" : "%.4f")
        << std::setw(12) << l.cumulative_crossing << '\n';
  }
}

}  // namespace

std::string km_contrast_csv_header() {
  return ",test,test_information_fraction,test_spending_fraction,test_estimate,test_standard_error,test_drift,"
         "test_efficacy_z,test_cumulative_crossing,test_power,test_patients_for_power";
}

std::string km_contrast_csv_row(const survival::KmContrastPlan& plan, std::size_t look) {
  const survival::KmContrastPower& p = plan.at_plan;
  const survival::KmContrastLook& l = p.looks[look];
  detail::TextStream name;
  name << std::defaultfloat << std::setprecision(6) << (is_rmst(p.contrast) ? "RMST(" : "milestone(")
       << p.contrast.horizon << ")";
  char values[260];
  detail::print(values, sizeof values, ",%.10g,%.10g,%.10g,%.10g,%.10g,%s,%.10g,%.10g,", l.information_fraction,
                l.spending_fraction, l.moments.estimate, l.standard_error, l.mean_z,
                detail::csv_bound(l.efficacy_z).c_str(),
                l.cumulative_crossing, p.power);
  std::string sized;
  if (plan.sized) {
    char n[40];
    detail::print(n, sizeof n, "%.10g", plan.sized->patients);
    sized = n;
  }
  return "," + name.str() + values + sized;
}

std::string km_contrast_text(const survival::KmContrastPlan& plan, double log_rank_power, double target_power,
                             const std::string& time_unit) {
  const survival::KmContrastPower& p = plan.at_plan;
  detail::TextStream out;
  out << std::fixed;
  out << "\nTest: " << test_name(p.contrast, time_unit) << "\n";
  out << "  alpha spent at the "
      << (p.scale == survival::SpendingScale::kEvents ? "planned event fractions"
                                                       : "test's own information fractions (1 / variance)")
      << "; bounds at its information fractions\n";
  out << std::setprecision(4) << "  power " << p.power << " at the expected look times (log-rank "
      << log_rank_power << " at those times)\n";
  if (plan.sized) {
    out << "  for power " << target_power << ": " << std::setprecision(0) << plan.sized->patients
        << " patients and " << plan.sized->events << " events (power " << std::setprecision(4)
        << plan.sized->power << "), accrual over the same period at a higher rate\n";
  } else {
    out << "  no number of patients reaches power " << target_power
        << ": the model gives treatment no benefit on this scale\n";
  }
  out << '\n';
  looks_table(out, p, time_unit);
  return out.str();
}

}  // namespace gsd::render
