// The HTML report's body for a weighted log-rank, MaxCombo, RMST or milestone
// survival.test: the design, each look against its bound at the observed
// information, and the path on the z scale. These tests are monitored on
// their bounds and decisions (docs/config.md): no hazard-ratio inference.
#include <algorithm>
#include <cmath>
#include <sstream>

#include "gsd/presentation.hpp"
#include "gsd/render/svg_chart.hpp"
#include "number_format.hpp"
#include "test_monitoring_output.hpp"

namespace gsd::render::detail {

namespace {

bool is_maxcombo(const TestMonitoring& t) { return t.test.kind == survival::TestKind::kMaxCombo; }

// One look as the report shows it, whichever the test.
struct ReportLook {
  double events = 0.0;
  double information_fraction = 0.0;
  double z = 0.0;  // MaxCombo: the largest of its tests'
  double efficacy_z = 0.0;
  std::optional<double> futility_z;
  double nominal_p_one_sided = 0.0;
  double cumulative_alpha = 0.0;
  spending::Decision decision = spending::Decision::kContinue;
  std::string detail;  // the variance, or the test giving the largest z
  double efficacy_z_error = 0.0;  // MaxCombo: the bound's error from the lattice rule's
  double nominal_p_error = 0.0;   // MaxCombo: the lattice rule's error of the nominal p
};

std::vector<ReportLook> report_looks(const MonitoringReport& report) {
  const TestMonitoring& t = *report.test;
  std::vector<ReportLook> out;
  if (is_maxcombo(t)) {
    for (std::size_t k = 0; k < t.maxcombo.size(); ++k) {
      const monitoring::MaxComboLookResult& r = t.maxcombo[k];
      out.push_back({report.inputs[k].events, r.information_fraction, r.max_z, r.efficacy_z, std::nullopt,
                     r.nominal_p_one_sided, r.cumulative_alpha, r.decision,
                     test_weight_name(t.test.combo[r.max_test]), r.efficacy_z_error, r.nominal_p_error});
    }
    return out;
  }
  for (std::size_t k = 0; k < t.weighted.size(); ++k) {
    const monitoring::WeightedLookResult& r = t.weighted[k];
    const LookInput& in = report.inputs[k];
    out.push_back({in.events, r.information_fraction, in.z.value_or(0.0), r.efficacy_z, r.futility_z,
                   r.nominal_p_one_sided, r.cumulative_alpha, r.decision, format("%.6g", in.variance.value_or(0.0))});
  }
  return out;
}

std::string design_section(const MonitoringReport& report) {
  const TestMonitoring& t = *report.test;
  const spending::DesignSpec& spec = report.plan.design;
  detail::TextStream o;
  o << "<h2>Design</h2><table>"
    << "<tr><th>test</th><td class=l>" << xml_escape(test_title(t.test)) << "</td></tr>"
    << "<tr><th>efficacy boundary</th><td class=l>" << xml_escape(efficacy_description(spec)) << "</td></tr>"
    << "<tr><th>alpha</th><td class=l>" << spec.alpha
    << (spec.sided == spending::Sidedness::kTwoSidedSymmetric ? " two-sided (symmetric)" : " one-sided")
    << "</td></tr>"
    << "<tr><th>planned events</th><td class=l>" << t.planned_events << "</td></tr>";
  if (is_maxcombo(t)) {
    o << "<tr><th>information</th><td class=l>events / planned events; bounds from the observed correlations of "
         "the tests' scores (multivariate normal error target "
      << format("%g", t.mvn.abs_tolerance) << ", seed " << t.mvn.seed << ")</td></tr>";
  } else {
    o << "<tr><th>planned variance</th><td class=l>" << format("%.6g", t.planned_variance)
      << (t.planned_variance_given ? " (monitoring.planned_variance)" : " (the plan's, from the survival model)")
      << "</td></tr><tr><th>information</th><td class=l>"
      << (t.test.is_km_contrast() ? "planned variance / variance of the estimate"
                                  : "variance of the score / planned variance")
      << "</td></tr>";
  }
  if (spec.futility) {
    o << "<tr><th>futility</th><td class=l>" << xml_escape(futility_name(*spec.futility)) << ", "
      << (spec.futility->binding ? "binding" : "non-binding (advisory)") << "</td></tr>";
  }
  o << "</table>";
  return o.str();
}

std::string looks_section(const MonitoringReport& report, const std::vector<ReportLook>& looks) {
  const bool maxcombo = is_maxcombo(*report.test);
  detail::TextStream o;
  o << "<h2>Looks</h2><table><tr><th>look</th><th>events</th><th>"
    << (maxcombo ? "largest z from" : "variance") << "</th><th>information</th><th>"
    << (maxcombo ? "max z" : "z") << "</th><th>efficacy z</th>"
    << (maxcombo ? "<th>&plusmn; z</th>" : "<th>futility z</th>")
    << "<th>nominal p (1-sided)</th><th>alpha spent</th><th>decision</th></tr>";
  for (std::size_t k = 0; k < looks.size(); ++k) {
    const ReportLook& l = looks[k];
    const std::string decision = decision_name(l.decision);
    o << "<tr class=\"" << decision << "\"><td>" << k + 1 << "</td><td>" << l.events << "</td><td>"
      << xml_escape(l.detail) << "</td><td>" << format("%.4f", l.information_fraction) << "</td><td>"
      << format("%.4f", l.z) << "</td><td>" << detail::bound(l.efficacy_z) << "</td>";
    if (maxcombo) {
      o << "<td>" << format("%.4f", l.efficacy_z_error) << "</td>";
    } else {
      o << "<td>" << (l.futility_z ? format("%.4f", *l.futility_z) : std::string("&ndash;")) << "</td>";
    }
    o << "<td>"
      << detail::nominal_p_at(l.efficacy_z, maxcombo ? detail::to_error_digits(l.nominal_p_one_sided, l.nominal_p_error)
                                                     : format("%.6g", l.nominal_p_one_sided))
      << "</td><td>" << format("%.6f", l.cumulative_alpha)
      << "</td><td class=l>" << decision << "</td></tr>";
  }
  o << "</table><p class=note>"
    << (maxcombo ? "&plusmn; z: the bound's error from the multivariate normal probabilities' (3 standard errors "
                   "over the random shifts; a largest z within it has the bound solved again on finer lattices). "
                   "nominal p: the chance under H0 that the look's largest z reaches the bound, to the digits "
                   "its error leaves. "
                 : "nominal p: the one-sided p-value at the bound. ")
    << "These tests are monitored on their bounds and decisions: no hazard-ratio estimate, repeated "
       "confidence interval or conditional power is given.</p>";
  return o.str();
}

SvgChart z_chart(const std::vector<ReportLook>& looks, bool two_sided) {
  std::vector<double> x;
  std::vector<double> bound;
  std::vector<double> z;
  std::vector<double> fx;
  std::vector<double> fy;
  double lo = -1.0;
  double hi = 0.0;
  std::vector<double> lower;  // a symmetric two-sided design's -b
  for (const ReportLook& l : looks) {
    x.push_back(l.information_fraction);
    z.push_back(l.z);
    if (std::isfinite(l.efficacy_z)) {
      bound.push_back(l.efficacy_z);
      lower.push_back(-l.efficacy_z);
      hi = std::max(hi, l.efficacy_z);
      if (two_sided) lo = std::min(lo, -l.efficacy_z);
    }
    if (l.futility_z) {
      fx.push_back(l.information_fraction);
      fy.push_back(*l.futility_z);
      lo = std::min(lo, *l.futility_z);
    }
    hi = std::max(hi, l.z);
    lo = std::min(lo, l.z);
  }
  std::vector<double> bx;
  for (const ReportLook& l : looks) {
    if (std::isfinite(l.efficacy_z)) bx.push_back(l.information_fraction);
  }
  SvgChart chart("The looks on the z scale, each bound at its observed information",
                 ChartAxis{"information fraction", 0.0, std::max(1.0, x.back()) * 1.05, {}, {}},
                 ChartAxis{"z (positive favours the experimental arm)", std::floor(lo - 0.5), std::ceil(hi + 0.5),
                           {}, {}});
  chart.add_series({"efficacy bound", bx, bound, palette(0), true, true});
  if (two_sided) chart.add_series({"lower bound", bx, lower, palette(0), true, true, true});
  if (!fx.empty()) chart.add_series({"futility", fx, fy, palette(2), true, true, true});
  chart.add_series({"observed z", x, z, palette(1), true, true});
  chart.add_horizontal_marker(0.0, "");
  return chart;
}

}  // namespace

std::string test_report_body(const MonitoringReport& report) {
  const std::vector<ReportLook> looks = report_looks(report);
  detail::TextStream o;
  o << design_section(report) << looks_section(report, looks) << "<h2>Plot</h2>\n<div class=plot>"
    << z_chart(looks, report.plan.design.sided == spending::Sidedness::kTwoSidedSymmetric).render()
    << "</div>\n"
    << "<p class=note>Methods: bounds from the spending function at the observed information (Lan &amp; "
       "DeMets 1983); "
    << (is_maxcombo(*report.test) ? "MaxCombo bounds from the joint normal of the tests' scores (Karrison 2016), "
                                    "its probabilities by Genz &amp; Bretz's lattice rule. "
        : report.test->test.is_km_contrast()
            ? "the information of an RMST or milestone difference is one over its variance (Murray &amp; Tsiatis "
              "1999). "
            : "the information of a weighted log-rank score is its variance (Tsiatis 1982). ")
    << "Positive z favours the experimental arm.</p>\n";
  return o.str();
}

}  // namespace gsd::render::detail
