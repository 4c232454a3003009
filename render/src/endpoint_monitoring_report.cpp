// The body of the monitoring report (gsd monitor --report) for a normal or
// binary endpoint: the plan, the looks on the z and natural scales, the
// inference after a stop, conditional power and the charts against patients.
#include <cmath>
#include <cstdio>
#include <sstream>

#include "bound_columns.hpp"
#include "endpoint_monitoring_output.hpp"
#include "gsd/presentation.hpp"
#include "gsd/render/endpoint_charts.hpp"
#include "gsd/render/svg_chart.hpp"
#include "number_format.hpp"

namespace gsd::render::detail {

namespace {

using monitoring::LookResult;

std::string opt(const char* format, const std::optional<double>& x) {
  return x ? detail::format(format, *x) : std::string("&ndash;");
}

bool two_sided(const MonitoringReport& in) {
  return in.plan.design.sided == spending::Sidedness::kTwoSidedSymmetric;
}

std::string plan_section(const MonitoringReport& in) {
  const spending::DesignSpec& spec = in.plan.design;
  const EndpointMonitoring& ep = *in.endpoint;
  detail::TextStream o;
  o << "<h2>Design</h2><table>"
    << "<tr><th>efficacy boundary</th><td class=l>" << xml_escape(efficacy_description(spec)) << "</td></tr>"
    << "<tr><th>alpha</th><td class=l>" << spec.alpha
    << (two_sided(in) ? " two-sided (symmetric)" : " one-sided") << "</td></tr>"
    << "<tr><th>endpoint</th><td class=l>" << endpoint_type_name(ep.spec.type) << ", "
    << estimate_name(ep.spec) << " against " << ep.spec.null_value() << " under H0 ("
    << direction_name(ep.spec.test_direction()) << " test)</td></tr>"
    << "<tr><th>planned patients</th><td class=l>" << ep.planned_patients << "</td></tr>"
    << "<tr><th>effect for conditional power</th><td class=l>the endpoint's alternative, "
    << ep.spec.alternative() << "</td></tr>";
  if (spec.futility) {
    o << "<tr><th>futility</th><td class=l>" << xml_escape(futility_name(*spec.futility)) << ", "
      << (spec.futility->binding ? "binding" : "non-binding (advisory)") << "</td></tr>";
  }
  o << "</table><p class=note>Bounds at the looks are recomputed at the information actually "
       "observed (patients / planned patients); the final analysis spends all remaining alpha.</p>";
  return o.str();
}

std::string looks_section(const MonitoringReport& in) {
  const EndpointMonitoring& ep = *in.endpoint;
  const auto& looks = in.result.looks;
  detail::TextStream o;
  o << "<h2>Looks</h2><table><tr><th>look</th><th>patients</th><th>information</th><th>z</th>"
       "<th>efficacy z</th>" << bound_header_cells(in.plan.design) << "<th>nominal p ("
    << (two_sided(in) ? "2-sided" : "1-sided")
    << ")</th><th>" << estimate_name(ep.spec) << "</th><th>at the bound</th><th>repeated CI</th>"
       "<th>repeated p</th><th>CP (alternative)</th><th>CP (trend)</th><th>decision</th></tr>";
  for (std::size_t k = 0; k < looks.size(); ++k) {
    const LookResult& l = looks[k];
    const EndpointLookReport& e = ep.looks[k];
    const std::string decision = decision_name(l.decision);
    o << "<tr class=\"" << decision << "\"><td>" << k + 1 << "</td><td>" << e.statistic.patients << "</td><td>"
      << detail::format("%.4f", l.information_fraction) << "</td><td>" << detail::format("%.4f", l.look.z)
      << "</td><td>" << detail::bound(l.efficacy_z) << "</td>"
      << bound_cells(in.plan.design, l.futility_z, l.harm_z) << "<td>"
      << detail::nominal_p_at(l.efficacy_z, detail::format("%.6f", (two_sided(in) ? 2.0 : 1.0) * l.nominal_p_one_sided))
      << "</td><td>"
      << opt("%.4f", e.statistic.estimate) << "</td><td>" << opt("%.4f", e.efficacy_effect) << "</td><td>"
      << (e.repeated_ci ? detail::format("%.4f", e.repeated_ci->lower) + " &ndash; " +
                              detail::format("%.4f", e.repeated_ci->upper)
                        : std::string("&ndash;"))
      << "</td><td>" << detail::format("%.4g", l.repeated_p_value) << "</td><td>"
      << (l.conditional_power ? detail::format("%.4f", l.conditional_power->assumed.back()) : "&ndash;") << "</td><td>"
      << (l.conditional_power ? detail::format("%.4f", l.conditional_power->trend.back()) : "&ndash;")
      << "</td><td class=l>" << decision << "</td></tr>";
  }
  o << "</table><ol class=note>";
  for (const LookResult& l : looks) {
    const std::optional<std::string> advice = futility_advice(l);
    o << "<li>" << xml_escape(decision_reason(l, in.plan, "patients"))
      << (advice ? ". Advice: " + xml_escape(*advice) : "") << ".</li>";
  }
  o << "</ol>";
  if (in.result.final_inference && ep.final_inference) {
    const auto& f = *in.result.final_inference;
    const auto& n = *ep.final_inference;
    o << "<h2>Inference after the stop (stage-wise ordering)</h2><table>"
      << "<tr><th>p-value (" << (two_sided(in) ? "two-sided" : "one-sided") << ")</th><td>"
      << xml_escape(p_value_text(f.p_value)) << "</td></tr><tr><th>median-unbiased " << estimate_name(ep.spec)
      << "</th><td>" << detail::format("%.4f", n.median_unbiased) << "</td></tr><tr><th>"
      << detail::format("%.0f", 100.0 * f.confidence_level) << "% CI</th><td>" << detail::format("%.4f", n.ci.lower)
      << " &ndash; " << detail::format("%.4f", n.ci.upper) << "</td></tr></table>";
  }
  return o.str();
}

}  // namespace

std::string endpoint_report_body(const MonitoringReport& in) {
  detail::TextStream o;
  o << plan_section(in) << looks_section(in) << "<h2>Plots</h2>\n";
  for (const SvgChart& chart : endpoint_monitoring_charts(in)) {
    o << "<div class=plot>" << chart.render() << "</div>\n";
  }
  if (!in.result.looks.back().conditional_power) {
    o << "<p class=note>The trial has stopped: no conditional power is computed.</p>";
  }
  o << "<p class=note>Methods: the look's statistic as the design's test (t converted to z "
       "through its p-value, Farrington-Manning or pooled rates under the margin); bounds from the "
       "spending function at the observed information (Lan &amp; DeMets 1983); repeated confidence "
       "intervals by inverting the look's test at its bound and repeated p-values (Jennison &amp; "
       "Turnbull 2000, ch. 9); conditional power (J&amp;T 2000, ch. 10); stage-wise ordering "
       "inference (J&amp;T 2000, ch. 8), on the natural scale through the stopping look's standard "
       "error as rpact 3.3.4 reports it. Positive z favours the alternative.</p>\n";
  return o.str();
}

}  // namespace gsd::render::detail
