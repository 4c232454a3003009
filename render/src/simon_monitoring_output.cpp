// gsd monitor's output for Simon's two-stage design: the design's rules, each
// look's counts and decision, the chance of a promising end while stage 2
// runs, and the exact inference once the trial has ended.
#include "simon_monitoring_output.hpp"

#include <sstream>

#include "gsd/presentation.hpp"
#include "gsd/render/simon_output.hpp"
#include "gsd/render/svg_chart.hpp"
#include "number_format.hpp"

namespace gsd::render::detail {

namespace {

using endpoints::SimonInferenceResult;

std::string responders(int r) { return std::to_string(r) + (r == 1 ? " responder" : " responders"); }

std::string design_lines(const SimonMonitoring& m) {
  const endpoints::SimonSpec& spec = m.plan.settings.spec;
  const endpoints::SimonDesign& d = m.design();
  detail::TextStream out;
  out << "Simon's two-stage design, " << simon_criterion_name(m.plan.settings.criterion) << ": p0 "
      << format("%g", spec.null_rate) << " against p1 " << format("%g", spec.alternative_rate)
      << ", one-sided alpha " << format("%g", spec.alpha) << "\n"
      << "  stage 1: " << d.n1 << " patients; stop with at most " << responders(d.r1) << "\n"
      << "  stage 2: " << d.n - d.n1 << " more; promising with more than " << responders(d.r) << " of " << d.n
      << "\n";
  return out.str();
}

std::string conditional_lines(const SimonMonitoring& m, const SimonInferenceResult& r) {
  const endpoints::SimonSpec& spec = m.plan.settings.spec;
  const endpoints::SimonDesign& d = m.design();
  detail::TextStream out;
  out << "\nWhile stage 2 runs: the chance of more than " << responders(d.r) << " once stage 2's "
      << d.n - d.n1 << " patients are in, given stage 1\n"
      << "  " << format("%.4f", r.conditional->at_null) << " at p0 " << format("%g", spec.null_rate) << ", "
      << format("%.4f", r.conditional->at_alternative) << " at p1 " << format("%g", spec.alternative_rate) << ", "
      << format("%.4f", r.conditional->at_observed) << " at stage 1's rate "
      << format("%.4f", r.observed_rate) << "\n";
  return out.str();
}

std::string inference_lines(const SimonMonitoring& m, const SimonInferenceResult& r) {
  detail::TextStream out;
  out << "\nAfter " << (m.looks.size() == 1 ? "the stop after stage 1" : "stage 2")
      << " (stage-wise ordering, exact binomial):\n"
      << "  p-value " << probability(r.p_value) << " (one-sided, against p0 "
      << format("%g", m.plan.settings.spec.null_rate) << ")\n"
      << "  response rate: observed " << format("%.4f", r.observed_rate) << ", UMVUE " << format("%.4f", r.umvue)
      << ", median-unbiased " << format("%.4f", r.median_unbiased) << ", "
      << format("%g", 100.0 * r.confidence) << "% CI " << format("%.4f", r.ci_lower) << " to "
      << format("%.4f", r.ci_upper) << "\n"
      << "  method: Jennison & Turnbull (2000) ch. 8; UMVUE of Jung & Kim (2004); the observed rate is\n"
      << "  biased by the stop rule\n";
  return out.str();
}

}  // namespace

std::string simon_monitoring_text(const MonitoringReport& report) {
  const SimonMonitoring& m = *report.simon;
  detail::TextStream out;
  if (!report.name.empty()) out << report.name << "\n\n";
  out << design_lines(m) << "\n"
      << "look  stage  patients  responders    rate  decision\n";
  for (std::size_t k = 0; k < m.looks.size(); ++k) {
    const SimonInferenceResult& r = m.looks[k];
    out << format("%4.0f", static_cast<double>(k + 1)) << format("%7.0f", static_cast<double>(k + 1))
        << format("%10.0f", r.patients) << format("%12.0f", r.responders)
        << format("%8.4f", r.observed_rate) << "  " << simon_verdict(r.decision)
        << "\n";
  }
  out << "\n";
  for (std::size_t k = 0; k < m.looks.size(); ++k) {
    out << "Look " << k + 1 << ": " << simon_look_reason(m, k) << ".\n";
  }
  const SimonInferenceResult& last = m.looks.back();
  if (last.conditional) out << conditional_lines(m, last);
  if (last.ended) out << inference_lines(m, last);
  for (const std::string& w : simon_monitoring_warnings(m)) out << "warning: " << w << "\n";
  return out.str();
}

std::string simon_monitoring_csv(const MonitoringReport& report) {
  const SimonMonitoring& m = *report.simon;
  detail::TextStream out;
  out << "look,stage,patients,responders,rate,decision,p_value,observed_rate,umvue_rate,median_unbiased_rate,"
         "ci_lower,ci_upper,confidence_level\n";
  for (std::size_t k = 0; k < m.looks.size(); ++k) {
    const SimonInferenceResult& r = m.looks[k];
    out << k + 1 << ',' << k + 1 << ',' << r.patients << ',' << r.responders << ','
        << csv_value(r.observed_rate) << ',' << simon_decision_name(r.decision);
    if (r.ended) {
      for (const double v : {r.p_value, r.observed_rate, r.umvue, r.median_unbiased, r.ci_lower, r.ci_upper,
                             r.confidence}) {
        out << ',' << csv_value(v);
      }
    } else {
      out << ",,,,,,,";
    }
    out << '\n';
  }
  return out.str();
}

std::string simon_report_body(const MonitoringReport& report) {
  const SimonMonitoring& m = *report.simon;
  detail::TextStream o;
  o << "<h2>Design</h2><pre>" << xml_escape(design_lines(m)) << "</pre>";
  o << "<h2>Looks</h2><table><tr><th>look</th><th>patients</th><th>responders</th><th>rate</th>"
       "<th>decision</th><th>reason</th><th>date</th><th>note</th></tr>";
  for (std::size_t k = 0; k < m.looks.size(); ++k) {
    const SimonInferenceResult& r = m.looks[k];
    const SimonLookInput& in = m.inputs[k];
    o << "<tr><td>" << k + 1 << "</td><td>" << r.patients << "</td><td>" << r.responders << "</td><td>"
      << format("%.4f", r.observed_rate) << "</td><td class=l>"
      << simon_verdict(r.decision) << "</td><td class=l>" << xml_escape(simon_look_reason(m, k))
      << "</td><td class=l>" << xml_escape(in.date.value_or("")) << "</td><td class=l>"
      << xml_escape(in.note.value_or("")) << "</td></tr>";
  }
  o << "</table>";
  const SimonInferenceResult& last = m.looks.back();
  if (last.conditional) o << "<pre>" << xml_escape(conditional_lines(m, last).substr(1)) << "</pre>";
  const std::string level = format("%g", 100.0 * last.confidence) + "%";
  if (last.ended) {
    const auto row = [&o](const std::string& what, const std::string& value) {
      o << "<tr><th>" << xml_escape(what) << "</th><td class=l>" << value << "</td></tr>";
    };
    o << "<h2>Inference</h2><table>";
    row("p-value", probability(last.p_value) + " (one-sided, against p0 " +
                       format("%g", m.plan.settings.spec.null_rate) + ")");
    row(level + " confidence interval", format("%.4f", last.ci_lower) + " to " + format("%.4f", last.ci_upper));
    row("median-unbiased estimate", format("%.4f", last.median_unbiased));
    row("UMVUE", format("%.4f", last.umvue));
    row("observed rate", format("%.4f", last.observed_rate) + " (biased by the stop rule)");
    o << "</table><p class=note>Stage-wise ordering of the outcomes, exact binomial probabilities "
         "(Jennison &amp; Turnbull 2000, ch. 8); UMVUE of Jung &amp; Kim (2004).</p>";
  }
  for (const std::string& w : simon_monitoring_warnings(m)) o << "<p class=note>warning: " << xml_escape(w) << "</p>";
  DesignResult design;
  design.name = report.name;
  design.simon = m.plan;
  o << "<h2>The design over the true rate</h2>\n";
  for (const SvgChart& chart : simon_charts(design)) o << "<div class=plot>" << chart.render() << "</div>\n";
  return o.str();
}

}  // namespace gsd::render::detail
