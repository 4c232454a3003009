// Output of `gsd design` with Simon's two-stage design: the rules in words,
// the candidate designs side by side, the chosen design's operating
// characteristics, CSV, and the chart of its probabilities over the rate.
#include "gsd/render/simon_output.hpp"

#include <cmath>
#include <sstream>

#include "gsd/presentation.hpp"
#include "number_format.hpp"

namespace gsd::render {

namespace {

using endpoints::SimonDesign;
using detail::format;

std::string fraction(int r, int n) { return std::to_string(r) + "/" + std::to_string(n); }

std::string pad_left(const std::string& s, std::size_t width) {
  return std::string(width > s.size() ? width - s.size() : 0, ' ') + s;
}

std::string pad_right(const std::string& s, std::size_t width) {
  return s + std::string(width > s.size() ? width - s.size() : 0, ' ');
}

// The designs table: its header, and one row per design.
std::string designs_header() {
  std::string out = "  " + pad_right("design", 11) + pad_left("r1/n1", 7) + pad_left("r/n", 8);
  for (const char* column : {"alpha", "power", "PET(p0)", "EN(p0)", "PET(p1)", "EN(p1)"}) {
    out += pad_left(column, 9);
  }
  return out + "  weight q\n";
}

std::string design_row(const std::string& label, const SimonDesign& d, const std::string& weights) {
  return "  " + pad_right(label, 11) + pad_left(fraction(d.r1, d.n1), 7) + pad_left(fraction(d.r, d.n), 8) +
         format("%9.4f", d.alpha) + format("%9.4f", d.power) + format("%9.4f", d.early_stop_null) +
         format("%9.2f", d.expected_patients_null) + format("%9.4f", d.early_stop_alternative) +
         format("%9.2f", d.expected_patients_alternative) + "  " + weights + "\n";
}

std::string weights_text(double low, double high) {
  const auto end = [](double q) { return q <= 0.0 ? std::string("0") : q >= 1.0 ? std::string("1") : format("%.3f", q); };
  return end(low) + " to " + end(high);
}

}  // namespace

std::string simon_text(const DesignResult& result) {
  const SimonPlan& plan = *result.simon;
  const endpoints::SimonSpec& spec = plan.settings.spec;
  const SimonDesign& d = plan.chosen();
  detail::TextStream out;
  if (!result.name.empty()) out << result.name << "\n\n";
  out << "Simon's two-stage design, " << simon_criterion_name(plan.settings.criterion) << "\n"
      << "  response rate " << format("%g", spec.alternative_rate) << " worth pursuing, "
      << format("%g", spec.null_rate) << " not (p1 and p0)\n"
      << "  one-sided alpha " << format("%g", spec.alpha) << ", beta " << format("%g", spec.beta) << " (power "
      << format("%g", 100.0 * (1.0 - spec.beta)) << "%)\n\n";
  out << "  stage 1: treat " << d.n1 << " patients; stop if "
      << (d.r1 == 0 ? std::string("none of them responds") : std::to_string(d.r1) + " or fewer respond") << "\n"
      << "  stage 2: treat " << d.n - d.n1 << " more, " << d.n << " in all; the treatment is promising if "
      << d.r + 1 << " or more respond (more than " << d.r << ")\n"
      << "  alpha " << format("%.4f", d.alpha) << ", power " << format("%.4f", d.power)
      << "; under p0 the trial stops after stage 1 with probability " << format("%.4f", d.early_stop_null)
      << " and treats " << format("%.2f", d.expected_patients_null) << " patients on average\n\n";

  out << designs_header();
  // The admissible designs run from the minimax design to the optimal.
  const std::vector<endpoints::AdmissibleDesign>& designs = plan.result.admissible;
  for (std::size_t k = 0; k < designs.size(); ++k) {
    out << design_row(simon_design_kind(k, designs.size()), designs[k].design,
                      weights_text(designs[k].weight_low, designs[k].weight_high));
  }
  out << "\n  PET: the probability of stopping after stage 1; EN: the expected patients.\n"
      << "  weight q: each design is the best for q n + (1 - q) EN(p0) while q, the weight of the\n"
      << "  maximum patients n, lies in its range: the minimax design (least n) at q = 1, the optimal\n"
      << "  (least EN(p0)) at q = 0, and between them the admissible designs (Jung et al. 2004).\n";
  if (plan.result.single_stage_patients > 0) {
    out << "  a single stage would need " << plan.result.single_stage_patients
        << " patients (promising with more than " << plan.result.single_stage_critical << ").\n";
  }
  out << "  searched: every design of at most " << spec.max_patients << " patients (design.max_patients)\n";
  for (const std::string& w : simon_warnings(plan)) out << "  warning: " << w << '\n';
  out << "  method: exact binomial probabilities of every two-stage design (Simon 1989, Controlled\n"
      << "  Clinical Trials 10:1-10)\n\n";

  out << "Operating characteristics of the " << simon_criterion_name(plan.settings.criterion) << " design\n"
      << "      rate  P(promising)  P(stop after stage 1)  expected patients\n";
  for (const SimonOperatingPoint& p : plan.operating_characteristics) {
    // The table's rates are p0 and p1 as given, or a quarter of their gap or more away.
    const auto is = [&](double rate) { return std::fabs(p.rate - rate) < 1e-12; };
    out << format("%10.4f", p.rate) << format("%14.4f", p.promising) << format("%23.4f", p.early_stop)
        << format("%19.2f", p.expected_patients)
        << (is(spec.null_rate) ? "  (p0)" : is(spec.alternative_rate) ? "  (p1)" : "") << '\n';
  }
  return out.str();
}

std::string simon_csv(const DesignResult& result) {
  const SimonPlan& plan = *result.simon;
  detail::TextStream out;
  out << "design,r1,n1,r,n,alpha,power,early_stop_h0,expected_patients_h0,early_stop_h1,"
         "expected_patients_h1,weight_low,weight_high\n";
  const auto row = [&](const std::string& label, const SimonDesign& d, const std::string& weights) {
    out << label << ',' << d.r1 << ',' << d.n1 << ',' << d.r << ',' << d.n << ',' << detail::csv_value(d.alpha)
        << ',' << detail::csv_value(d.power) << ',' << detail::csv_value(d.early_stop_null) << ','
        << detail::csv_value(d.expected_patients_null) << ',' << detail::csv_value(d.early_stop_alternative)
        << ',' << detail::csv_value(d.expected_patients_alternative) << ',' << weights << '\n';
  };
  const std::vector<endpoints::AdmissibleDesign>& designs = plan.result.admissible;
  for (std::size_t k = 0; k < designs.size(); ++k) {
    row(simon_design_kind(k, designs.size()), designs[k].design,
        detail::csv_value(designs[k].weight_low) + ',' + detail::csv_value(designs[k].weight_high));
  }
  return out.str();
}

std::vector<SvgChart> simon_charts(const DesignResult& result) {
  const SimonPlan& plan = *result.simon;
  const endpoints::SimonSpec& spec = plan.settings.spec;
  const std::vector<SimonOperatingPoint> curve = simon_curve(plan);
  ChartSeries promising{"P(promising)", {}, {}, palette(0)};
  ChartSeries stop{"P(stop after stage 1)", {}, {}, palette(1)};
  stop.dashed = true;
  ChartSeries patients{"expected patients", {}, {}, palette(2)};
  for (const SimonOperatingPoint& p : curve) {
    promising.x.push_back(p.rate);
    promising.y.push_back(p.promising);
    stop.x.push_back(p.rate);
    stop.y.push_back(p.early_stop);
    patients.x.push_back(p.rate);
    patients.y.push_back(p.expected_patients);
  }
  const SimonDesign& d = plan.chosen();
  SvgChart probabilities("Simon's two-stage design " + fraction(d.r1, d.n1) + ", " + fraction(d.r, d.n) +
                             ": probabilities over the true response rate",
                         {"true response rate", 0.0, 1.0, {}, {}}, {"probability", 0.0, 1.0, {}, {}});
  probabilities.add_series(promising);
  probabilities.add_series(stop);
  probabilities.add_vertical_marker(spec.null_rate, "p0");
  probabilities.add_vertical_marker(spec.alternative_rate, "p1");
  probabilities.add_horizontal_marker(spec.alpha, "alpha");
  probabilities.add_horizontal_marker(1.0 - spec.beta, "1 - beta");
  SvgChart expected("Expected patients over the true response rate",
                    {"true response rate", 0.0, 1.0, {}, {}},
                    {"patients", 0.0, static_cast<double>(d.n), {}, {}});
  expected.add_series(patients);
  expected.add_vertical_marker(spec.null_rate, "p0");
  expected.add_vertical_marker(spec.alternative_rate, "p1");
  return {probabilities, expected};
}

}  // namespace gsd::render
