// The teaching notes beside the plots, with the current numbers in them.

function renderDesignNotes(b, hasFutility) {
  const looks = b.looks;
  const first = looks[0];
  const last = looks[looks.length - 1];
  const spendingName = b.efficacy_spending || "this family";
  note(document.getElementById("note-obf"), "Why O'Brien-Fleming spends little early", [
    "The Lan-DeMets O'Brien-Fleming function spends α<sub>s</sub>(t) = 2 − 2Φ(Φ<sup>−1</sup>(1 − α<sub>s</sub>/2)/√t) " +
    "by information fraction t, on each side that rejects (α<sub>s</sub> = α one-sided, α/2 on each side of a " +
    "two-sided design): almost nothing at first, most of α at the end. An early stop then needs overwhelming " +
    "evidence, and the final bound stays close to a one-look test's, so the trial needs little more information " +
    "than a fixed design. Pocock's function α ln(1 + (e − 1)t) spends more of α early (62% of it by half the " +
    "information), so that its z bounds stay nearly equal: early stops come easier, at the price of a higher " +
    "final bound and a larger maximum.",
    `Here (${spendingName}), look 1 at t = ${fixed(first.information_fraction, 2)} spends ` +
    `${pvalue(first.cumulative_alpha)} of α = ${b.alpha} (bound z = ${fixed(first.efficacy_z, 3)}); the final ` +
    `bound is z = ${fixed(last.efficacy_z, 3)} and the maximum information is ${fixed(b.inflation_factor, 3)} ` +
    "times a fixed design's. Change the family and watch both move.",
  ]);
  const futilityText = hasFutility ?
    `This design has one (${b.futility_spending}, ${b.futility_binding ? "binding" : "non-binding"}): under H0 ` +
    `the trial uses on average ${fixed(b.average_sample_number_h0, 3)} times a fixed design's information ` +
    `(${fixed(b.expected_information_fraction_h0, 3)} of its maximum, which is ${fixed(b.inflation_factor, 3)} ` +
    `times a fixed design's); under H1, ${fixed(b.average_sample_number_h1, 3)} times.` :
    "This design has none: under H0 the trial almost always runs to the end (on average " +
    `${fixed(b.average_sample_number_h0, 3)} times a fixed design's information, ` +
    `${fixed(b.expected_information_fraction_h0, 3)} of its maximum). Choose a β-spending family, ` +
    "e.g. Hwang-Shih-DeCani with γ = −2, and watch this fall while the inflation factor rises.";
  note(document.getElementById("note-futility"), "What a futility bound buys", [
    "A futility bound stops a trial that is unlikely to show benefit. A non-binding one leaves the efficacy " +
    "bounds as they were (they are computed as if it were never obeyed), so α is kept whatever the committee " +
    "does; to keep the power, the maximum information grows a little. In exchange the expected information " +
    "under H0 falls: fewer patients are exposed to an ineffective treatment.",
    futilityText,
  ]);
}

function renderSchoenfeldNote(ss, plot) {
  const sc = ss.schoenfeld;
  const hr0 = plot.hazard_ratio && plot.hazard_ratio.y.length ? plot.hazard_ratio.y[0] : null;
  const paragraphs = [
    "Schoenfeld's formula counts the events a log-rank test needs when the hazard ratio is the same at all " +
    "times. Under a cure model it is not: the cured never have the event, so each arm's hazard falls as its " +
    "noncured patients have theirs, and the ratio of the two hazards drifts (chart below). The benefit shows " +
    "above all in the cure fractions, that is, in fewer events.",
  ];
  const cured = ss.control.cure_fraction > 0 || ss.treatment.cure_fraction > 0;
  // the model's own power: the plan's under "exact", else the event-driven one beside it
  const modelPower = ss.method.name === "exact" ? ss.power : ss.power_event_driven;
  if (sc && cured) {
    paragraphs.push(
      `With the noncured hazard ratio ${sc.hazard_ratio} taken as if it held for everyone, the formula asks for ` +
      `<b>${count(sc.fixed_events)} events</b> (${count(sc.group_sequential_events)} with these looks) for power ` +
      `${fixed(sc.target_power, 2)}, and ${count(ss.events)} events would give only ${fixed(sc.power_at_plan_events, 3)}. ` +
      `The cure model gives power <b>${fixed(modelPower, 4)} with ${count(ss.events)} events</b>: early in the trial, ` +
      `when most events happen, the hazard ratio is ${fixed(hr0, 2)}, far below ${sc.hazard_ratio}.`);
  } else if (sc) {
    paragraphs.push(
      `This model has no cure fraction, so its hazard ratio stays ${sc.hazard_ratio} and the formula applies: it asks ` +
      `for ${count(sc.fixed_events)} events (${count(sc.group_sequential_events)} with these looks) for power ` +
      `${fixed(sc.target_power, 2)}, and gives ${fixed(sc.power_at_plan_events, 3)} with ${count(ss.events)} events; ` +
      `the event-driven power of the model, with the looks at random calendar times, is ${fixed(modelPower, 4)}.`);
  }
  note(document.getElementById("note-schoenfeld"), "Why a cure plateau breaks the proportional-hazards formula", paragraphs);
}

function renderSimulationNote(s) {
  const how = s.look_patients ?
    "Each simulated trial draws its patients' outcomes (normal or binary, per arm) and analyses at the planned " +
    "patient counts with the endpoint's statistic and the design's bounds. The simulated power " :
    "Each simulated trial enrols its patients, draws who is cured and when the others have the event, and " +
    `analyses at the planned event counts with ${s.test ? `the config's ${s.test.type} test` : "the log-rank test"} and ` +
    `${s.weighted_bounds === "observed" ? "bounds recomputed at the variance each look observes" : "the design's bounds"}. ` +
    "The simulated power ";
  note(document.getElementById("note-simulation"), "Simulated against analytic", [
    how +
    "differs from the analytic one by Monte Carlo error, with standard error √(p(1 − p)/R), and by what the " +
    "asymptotic formula leaves out.",
    `The exported config holds these ${count(s.replicates)} trials and seed ${s.seed}: ` +
    "<code>gsd simulate CONFIG.json --format json</code> gives the same numbers, on any number of threads.",
  ]);
}

function renderMonitoringNote() {
  note(document.getElementById("note-monitoring"), "Bounds at the information actually observed", [
    "A committee rarely looks at exactly the planned events. The spending function says how much α may be " +
    "spent by the information observed (events / planned events), and the bound is recomputed there. In the " +
    "seed trial the first look came at 49 events instead of 47: the bound moves from two-sided p .00305 to " +
    ".00381, which the paper reports as .004.",
    "The repeated confidence interval and repeated p-value keep their coverage and error rate however often " +
    "and whenever the committee looks (Jennison &amp; Turnbull 2000, ch. 9). Conditional power is the chance " +
    "of crossing a remaining bound given the data so far, under the assumed hazard ratio or the design's " +
    "model, and under the current trend.",
  ]);
}
