// Simon's two-stage design in the page, in a real browser (Debian's
// Chromium, driven by playwright-core, as page_test.mjs): the example opened
// from a link shows its rules, designs and operating characteristics as
// `gsd design` gives them, its inputs write their keys, and opened as a file
// over the group-sequential page it takes the Design tab, from which the seed
// trial brings that page back. The monitored example, opened as a file, shows
// its looks on the Monitoring tab as `gsd monitor` gives them: the decisions,
// the p-value, the estimates and the interval; its stage fields give stage 1
// alone (the chance of a promising end) and a stop at 1 of 10.
//   node web/test/simon_page_test.mjs PAGE.html GSD_BINARY [SCREENSHOT.png]
import {readFileSync, rmSync} from "node:fs";
import {join, resolve} from "node:path";
import {pathToFileURL} from "node:url";
import {configOfUrl, harness, launch, root} from "./harness.mjs";

const [pagePath, gsdPath, screenshotPath] = process.argv.slice(2);
if (!gsdPath) {
  console.error("usage: node web/test/simon_page_test.mjs PAGE.html GSD_BINARY [SCREENSHOT.png]");
  process.exit(2);
}
const {work, check, gsd, gsdText, gsdRefusal, sameJson, sameCsv, downloadOf, exportedConfig, done} = harness(gsdPath);
const pageUrl = pathToFileURL(resolve(pagePath)).href;
const seed = JSON.parse(readFileSync(join(root, "configs/blinatumomab-20120215.json"), "utf8"));

// Simon's two-stage design (examples/single-arm), a design without bounds.
// Opened from a #config= link in a page of its own: the chosen design's rules
// in words, the admissible designs and the operating characteristics as
// `gsd design` gives them, the chart, the CSV, the tabs that do not apply
// hidden with the command line's words for why, the Monitoring tab without
// looks, its inputs (the criterion,
// p1, a p0 the engine refuses) writing their keys, and a screenshot
// (SCREENSHOT.png). Then opened as a file on `page`, from its
// Simulation tab: the Design tab shows it; the seed trial brings the
// group-sequential page back.
async function checkSimon(context, page) {
  const simonFile = join(root, "examples/single-arm/simon-two-stage.json");
  const simonConfig = JSON.parse(readFileSync(simonFile, "utf8"));
  const link = (config) => pageUrl + "#config=" + Buffer.from(JSON.stringify(config)).toString("base64url");
  const sp = await context.newPage();
  const simonErrors = [];
  sp.on("pageerror", (e) => simonErrors.push(e.message));
  sp.setDefaultTimeout(60000);
  await sp.goto(link(simonConfig));
  await sp.waitForSelector("body[data-ready='1']");
  const cli = gsd("design", simonConfig);
  sameJson(JSON.parse(await sp.textContent("#gsd-result")), cli, "Simon's design from a link: #gsd-result = gsd design --format json");
  check(JSON.stringify(configOfUrl(sp.url())) === JSON.stringify(simonConfig), "Simon: the #config= fragment holds the example's config");
  const rule = (page, key) => page.textContent(`#simon-rules [data-key=${key}]`);
  const rulesSay = async (page, d) =>
    await rule(page, "n1") === String(d.n1) && await rule(page, "r1") === String(d.r1) &&
    await rule(page, "n") === String(d.n) && await rule(page, "r") === String(d.r);
  const d = cli.simon_two_stage.design;
  const stages = await sp.$$eval("#simon-rules li", (items) => items.map((li) => li.textContent));
  check(d.n1 === 10 && d.r1 === 1 && d.n === 29 && d.r === 5 && await rulesSay(sp, d) &&
        stages[0] === "Stage 1: treat 10 patients; stop if 1 or fewer respond." &&
        stages[1] === "Stage 2: treat 19 more, 29 in all; the treatment is promising if more than 5 respond (6 or more).",
        `Simon: the rules in words, n1 10, r1 1, n 29, r 5 ("${stages.join(" ")}")`);
  // The admissible designs, minimax to optimal, each row as gsd design gives it.
  const rowOf = (a, label) => [label, `${a.r1}/${a.n1}`, `${a.r}/${a.n}`, a.alpha.toFixed(4), a.power.toFixed(4),
                               a.early_stop_h0.toFixed(4), a.expected_patients_h0.toFixed(2), a.early_stop_h1.toFixed(4),
                               a.expected_patients_h1.toFixed(2), `${+a.weight_low.toFixed(3)} to ${+a.weight_high.toFixed(3)}`];
  const tableRows = (page, id) => page.$$eval(`#${id} tbody tr`, (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
  const admissible = cli.simon_two_stage.admissible;
  const labels = admissible.map((_, k) => (k === 0 ? "minimax" : k === admissible.length - 1 ? "optimal" : "admissible"));
  const shownDesigns = await tableRows(sp, "table-simon");
  check(JSON.stringify(shownDesigns) === JSON.stringify(admissible.map((a, k) => rowOf(a, labels[k]))),
        `Simon: the ${admissible.length} admissible designs as gsd design gives them (${labels.join(", ")})`);
  check(JSON.stringify(await sp.$$eval("#table-simon tr[data-row=optimal] > *", (cells) => cells.map((c) => c.textContent))) ===
        '["optimal","1/10","5/29","0.0471","0.8051","0.7361","15.01","0.1493","26.16","0 to 0.293"]' &&
        await sp.$eval("#table-simon tr[data-row=optimal]", (tr) => tr.classList.contains("chosen")),
        "Simon: the optimal row 1/10, 5/29, alpha 0.0471, power 0.8051, EN(p0) 15.01, highlighted as the design chosen");
  const oc = cli.simon_two_stage.operating_characteristics;
  const shownOc = await tableRows(sp, "table-simon-oc");
  check(shownOc.length === oc.length && oc.every((o, k) => shownOc[k][0].startsWith(o.rate.toFixed(4)) &&
        shownOc[k][1] === o.promising.toFixed(4) && shownOc[k][2] === o.early_stop.toFixed(4) &&
        shownOc[k][3] === o.expected_patients.toFixed(2)) &&
        shownOc[1][0] === "0.1000 (p0)" && shownOc[5][0] === "0.3000 (p1)",
        `Simon: the operating characteristics at ${oc.length} rates as gsd design gives them, p0 and p1 marked`);
  const chart = await sp.evaluate(() => ({
    paths: document.querySelectorAll("#chart-simon path.series").length,
    labels: [...document.querySelectorAll("#chart-simon .ref-label")].map((t) => t.textContent),
    legend: document.querySelector("#chart-simon .legend").textContent,
  }));
  check(chart.paths === 2 && ["p0 0.1", "p1 0.3", "α 0.05", "1 − β 0.8"].every((l) => chart.labels.includes(l)) &&
        chart.legend.includes("P(promising)") && chart.legend.includes("P(stop after stage 1)"),
        `Simon: the chart of P(promising) and P(stop after stage 1) with p0, p1, α and 1 − β marked (${chart.labels.join(", ")})`);
  const visible = async (selector) => sp.isVisible(selector);
  check(!(await visible("[data-tab=survival]")) && !(await visible("[data-tab=simulation]")) &&
        await visible("[data-tab=monitoring]") && await visible("#simon-form") && !(await visible("#looks-slider")) &&
        !(await visible("#chart-bounds")) && await visible("#tab-design"),
        "Simon: its own inputs; no bounds, spending form, Survival or Simulation tab; a Monitoring tab");
  const refusal = gsdRefusal("simulate", simonConfig);
  check(refusal.status === 2 && `error: ${(await sp.textContent("#note-simon-exact [data-refusal=simulate]"))
    .replace("gsd simulate: ", "")}` === refusal.message && !(await sp.$("#note-simon-exact [data-refusal=monitor]")),
        `Simon: nothing to simulate, in the command line's words (${refusal.message.slice(0, 60)}...)`);
  // No monitoring section: the Monitoring tab asks for stage 1's counts.
  await sp.click("[data-tab=monitoring]");
  check(await visible("#simon-monitor-form") && !(await visible("#looks-editor")) && !(await visible("#table-monitoring")) &&
        (await sp.textContent("#monitor-banner")).startsWith("No looks yet: enter the patients and responders of stage 1") &&
        await sp.inputValue("#simon-look1-n") === "" && await sp.textContent("#gsd-monitor-result") === "",
        "Simon without looks: the Monitoring tab has the stage fields, empty, and asks for stage 1's counts");
  await sp.click("[data-tab=design]");
  sameCsv((await downloadOf(sp, "#csv-simon")).text, gsdText("design", simonFile, "--format", "csv"),
          "Simon: the CSV of the designs = gsd design --format csv");
  // The inputs: the criterion, then p1, each writing its key.
  await sp.selectOption("#simon-criterion", "minimax");
  await sp.waitForFunction(() => document.getElementById("gsd-result").textContent.includes('"criterion": "minimax"'));
  const minimaxConfig = configOfUrl(sp.url());
  const minimaxCli = gsd("design", minimaxConfig);
  const chosen = await sp.$$eval("#table-simon tr.chosen > *", (cells) => cells.map((c) => c.textContent));
  check(minimaxConfig.design.criterion === "minimax" &&
        await rulesSay(sp, {n1: 15, r1: 1, n: 25, r: 5}) && chosen[0] === "minimax" && chosen[1] === "1/15" && chosen[2] === "5/25",
        "Simon: the criterion minimax writes design.criterion; the rules and the highlighted row say 1/15, 5/25");
  sameJson(JSON.parse(await sp.textContent("#gsd-result")), minimaxCli, "Simon, minimax: #gsd-result = gsd design on the page's config");
  await sp.fill("#simon-form input[type=number][data-path='endpoint.rate']", "0.35");
  await sp.waitForFunction(() => document.getElementById("gsd-result").textContent.includes('"rate_h1": 0.35'));
  const rateConfig = configOfUrl(sp.url());
  const rateCli = gsd("design", rateConfig);
  sameJson(JSON.parse(await sp.textContent("#gsd-result")), rateCli, "Simon, p1 0.35: #gsd-result = gsd design on the page's config");
  check(rateConfig.endpoint.rate === 0.35 && await rulesSay(sp, rateCli.simon_two_stage.design),
        `Simon, p1 0.35: endpoint.rate written, the rules say ${rateCli.simon_two_stage.design.r1}/${rateCli.simon_two_stage.design.n1}, ` +
        `${rateCli.simon_two_stage.design.r}/${rateCli.simon_two_stage.design.n}`);
  // p0 above p1: the engine's refusal, as the command line words it.
  await sp.fill("#simon-form input[type=number][data-path='endpoint.margin']", "0.5");
  await sp.waitForFunction(() => document.getElementById("status").textContent.startsWith("error"));
  const refused = gsdRefusal("design", configOfUrl(sp.url()));
  check(refused.status === 2 && await sp.textContent("#status") === refused.message &&
        await sp.$eval("#simon-form input[type=number][data-path='endpoint.rate']", (n) => n.classList.contains("field-error")) &&
        await sp.textContent("#gsd-result") === "",
        `Simon, p0 0.5 above p1: the command line's refusal, the field it names marked (${refused.message.slice(0, 50)}...)`);
  await sp.fill("#simon-form input[type=number][data-path='endpoint.margin']", "0.1");
  await sp.waitForFunction(() => document.getElementById("gsd-result").textContent !== "");
  check(await sp.textContent("#status") === "", "Simon: p0 back at 0.1 clears the error");
  // One design both minimax and optimal.
  const bothConfig = JSON.parse(JSON.stringify(simonConfig));
  bothConfig.endpoint.margin = 0.2;
  bothConfig.endpoint.rate = 0.7;
  await sp.goto(link(bothConfig));
  await sp.waitForFunction(() => document.getElementById("gsd-result").textContent.includes('"rate_h1": 0.7'));
  const bothCli = gsd("design", bothConfig).simon_two_stage;
  const bothRows = await tableRows(sp, "table-simon");
  check(bothCli.admissible.length === 1 && bothRows.length === 1 && bothRows[0][0] === "both",
        "Simon: one design both minimax and optimal is labelled both");
  // An optimum near the search's bound: the engine's warning, shown as it words it.
  const nearConfig = JSON.parse(JSON.stringify(simonConfig));
  nearConfig.design.max_patients = 28;
  await sp.goto(link(nearConfig));
  await sp.waitForFunction(() => document.getElementById("gsd-result").textContent.includes('"max_patients": 28'));
  const nearWarnings = gsd("design", nearConfig).simon_two_stage.warnings;
  check(nearWarnings.length === 1 && await sp.isVisible("#simon-warnings") &&
        (await sp.textContent("#simon-warnings li")) === nearWarnings[0],
        `Simon, bound 28: the engine's warning shown (${nearWarnings[0].slice(0, 50)}...)`);
  // the screenshot, on the example
  await sp.goto(link(simonConfig));
  await sp.waitForFunction(() => document.getElementById("gsd-result").textContent.includes('"rate_h1": 0.3'));
  await sp.evaluate(() => {
    document.activeElement.blur();
    window.scrollTo(0, 0);
  });
  await sp.waitForTimeout(200);
  await sp.screenshot({path: screenshotPath || join(work, "simon.png"),
                       fullPage: true});
  check(!(await sp.isVisible("#simon-warnings")), "Simon: the example has no warning, and none is shown");
  check(simonErrors.length === 0, "Simon: no script error" + (simonErrors.length ? ": " + simonErrors.join("; ") : ""));
  await sp.close();

  // Opened as a file from the Simulation tab, then back to the seed trial.
  await page.setInputFiles("#open-config", simonFile);
  await page.waitForFunction(() => document.getElementById("gsd-result").textContent.includes('"design_type": "simon-two-stage"'));
  check(await page.isVisible("#tab-design") && !(await page.isVisible("#tab-simulation")) &&
        !(await page.isVisible("[data-tab=simulation]")) && await rulesSay(page, d),
        "Simon opened as a file on the Simulation tab: the Design tab shows its rules, the Simulation tab is hidden");
  await page.click("#reset-seed");
  await page.waitForFunction(() => document.getElementById("gsd-result").textContent.includes('"sample_size"'));
  const seedAgain = gsd("design", seed);
  sameJson(JSON.parse(await page.textContent("#gsd-result")), seedAgain, "after Simon, the seed trial: #gsd-result = gsd design");
  check(await page.isVisible("[data-tab=survival]") && await page.isVisible("[data-tab=monitoring]") &&
        await page.isVisible("#chart-bounds svg") && !(await page.isVisible("#simon-form")) &&
        (await page.$$("#table-design tbody tr")).length === seedAgain.boundaries.looks.length,
        "after Simon, the seed trial: its tabs, bounds and table are back, the Simon inputs hidden");
}

// The monitored example (examples/single-arm/simon-monitoring.json), opened
// as a file on `page`: its looks on the Monitoring tab as `gsd monitor`
// gives them, the decisions and their reasons, the p-value, the estimates and
// the interval, the CSV and the committee's report; then, through the stage
// fields, stage 1 alone (3 of 10: the chance of a promising end at p0, p1 and
// stage 1's rate), a stop at 1 of 10, the engine's refusals, a confidence
// level of its own, and a stage of other than the planned patients with the
// engine's warnings.
async function checkSimonMonitoring(page) {
  const file = join(root, "examples/single-arm/simon-monitoring.json");
  await page.setInputFiles("#open-config", file);
  await page.waitForFunction(() => document.getElementById("gsd-result").textContent.includes('"design_type": "simon-two-stage"'));
  await page.click("[data-tab=monitoring]");
  await page.waitForFunction(() => document.getElementById("gsd-monitor-result").textContent !== "");
  const cli = JSON.parse(gsdText("monitor", file, "--format", "json"));
  const text = gsdText("monitor", file);
  sameJson(JSON.parse(await page.textContent("#gsd-monitor-result")), cli,
           "Simon monitored, opened as a file: #gsd-monitor-result = gsd monitor --format json");
  const stat = (page, key) => page.textContent(`#simon-monitor-cards [data-stat=${key}] .stat-value`);
  const final = (page, key) => page.textContent(`#simon-monitor-final [data-key=${key}]`);
  const rows = (page) => page.$$eval("#table-simon-monitoring tbody tr", (trs) =>
    trs.map((tr) => ({cells: [...tr.children].map((c) => c.textContent), decision: tr.dataset.decision})));
  const reasons = (page) => page.$$eval("#simon-monitor-reasons li", (items) => items.map((li) => li.textContent));
  // the looks: counts, rate, decision and reason, as gsd monitor gives them
  const looksShown = async (page, m, what) => {
    const shown = await rows(page);
    const said = await reasons(page);
    check(shown.length === m.looks.length && m.looks.every((l, k) =>
      shown[k].cells[0] === String(l.look) && shown[k].cells[1] === String(l.stage) &&
      shown[k].cells[2] === String(l.patients) && shown[k].cells[3] === String(l.responders) &&
      shown[k].cells[4] === l.rate.toFixed(4) && shown[k].cells[5] === l.verdict && shown[k].decision === l.decision &&
      said[k] === `Look ${l.look}: ${l.reason}.`),
          `${what}: the looks' counts, decisions and reasons as gsd monitor gives them ` +
          `(${m.looks.map((l) => `${l.responders}/${l.patients} ${l.decision}`).join(", ")})`);
    const last = m.looks[m.looks.length - 1];
    check(await page.textContent("#monitor-banner") === `${last.verdict} Look ${last.look}: ${last.reason}.` &&
          await page.getAttribute("#monitor-banner", "class") === `banner decision-${last.decision}`,
          `${what}: the banner gives the last look's verdict and reason (${last.verdict})`);
  };
  // the inference once the trial has ended, as gsd monitor gives it
  const inferenceShown = async (page, f, what) => {
    const ci = `${f.ci_rate[0].toFixed(4)} to ${f.ci_rate[1].toFixed(4)}`;
    const level = `${+(100 * f.confidence_level).toPrecision(6)}%`;
    check(await stat(page, "p-value") === f.p_value.toFixed(6) && await final(page, "p-value") === f.p_value.toFixed(6) &&
          await stat(page, "ci") === ci && await final(page, "ci") === ci &&
          (await page.textContent("#simon-monitor-cards [data-stat=ci] .stat-label")).startsWith(level) &&
          await stat(page, "observed") === f.observed_rate.toFixed(4) && await stat(page, "umvue") === f.umvue_rate.toFixed(4) &&
          await stat(page, "median-unbiased") === f.median_unbiased_rate.toFixed(4) &&
          !(await page.$("#simon-monitor-cards [data-stat=cp-h0]")),
          `${what}: p-value ${f.p_value.toFixed(6)}, ${level} CI ${ci}, observed ${f.observed_rate.toFixed(4)}, ` +
          `UMVUE ${f.umvue_rate.toFixed(4)}, median-unbiased ${f.median_unbiased_rate.toFixed(4)} as gsd monitor gives them`);
  };
  const m = cli.monitoring;
  check(m.looks.length === 2 && m.looks[1].decision === "stop-efficacy" && m.final && m.final.look === 2,
        "Simon monitored: the example's two looks end the trial promising (gsd monitor)");
  await looksShown(page, m, "Simon monitored");
  await inferenceShown(page, m.final, "Simon monitored");
  // and in the command line's text: the same p-value and interval
  const textP = text.match(/p-value (\S+) \(one-sided/)[1];
  const textCi = text.match(/(\d+% CI \S+ to \S+)/)[1];
  const finalText = await page.textContent("#simon-monitor-final");
  check(textP === "0.017696" && textCi === "90% CI 0.1243 to 0.4322" && finalText.includes(`p-value ${textP} (one-sided`) &&
        finalText.includes(textCi), `Simon monitored: the page says p-value ${textP} and ${textCi}, as gsd monitor's text`);
  const table = await rows(page);
  check(table[0].cells[6] === "2025-03-14" && table[1].cells[7] === "end of stage 2",
        "Simon monitored: the looks' dates and notes from the config");
  check(!(await page.isVisible("#simon-monitor-warnings")) && m.warnings.length === 0,
        "Simon monitored: no warning from gsd monitor, and none shown");
  check(await page.isVisible("[data-tab=monitoring]") && !(await page.isVisible("[data-tab=simulation]")) &&
        await page.isVisible("#simon-monitor-form") && !(await page.isVisible("#looks-editor")) &&
        !(await page.isVisible("#chart-monitor")) && await page.inputValue("#simon-look1-n") === "10" &&
        await page.inputValue("#simon-look1-responders") === "3" && await page.inputValue("#simon-look2-n") === "29" &&
        await page.inputValue("#simon-look2-responders") === "7",
        "Simon monitored: the stage fields hold 3 of 10 and 7 of 29; no group-sequential looks or bounds");
  const legend = await page.textContent("#chart-simon-monitor .legend");
  check(["P(promising)", "look 1: 0.3000", "look 2: 0.2414", "90% CI"].every((l) => legend.includes(l)),
        "Simon monitored: the chart marks each look's rate and the interval");
  const exported = await exportedConfig(page, "Simon monitored");
  sameCsv((await downloadOf(page, "#csv-simon-monitoring")).text, gsdText("monitor", exported, "--format", "csv"),
          "Simon monitored: the CSV of the looks = gsd monitor --format csv");
  const reportFile = join(work, "simon-report.html");
  gsdText("monitor", exported, "--report", reportFile);
  const stamp = (html) => html.replace(/(<div class=meta>[^<]*?, generated ).*?( from ).*?(<\/div>)/, "$1T$2S$3");
  const pageReport = (await downloadOf(page, "#report-simon-monitoring")).text;
  check(pageReport.includes("<div class=meta>") && stamp(pageReport) === stamp(readFileSync(reportFile, "utf8")),
        "Simon monitored: the DMC report = gsd monitor --report (but for its time stamp and source)");

  // Stage 1 alone, 3 of 10: stage 2's fields emptied.
  await page.fill("#simon-look2-n", "");
  await page.fill("#simon-look2-responders", "");
  await page.waitForFunction(() => !document.getElementById("gsd-monitor-result").textContent.includes('"look": 2'));
  const stage1Config = configOfUrl(page.url());
  const stage1 = gsd("monitor", stage1Config).monitoring;
  const cp = stage1.looks[0].conditional_probability;
  check(JSON.stringify(stage1Config.monitoring.looks) ===
        '[{"n":10,"responders":3,"date":"2025-03-14","note":"end of stage 1"}]',
        "Simon, stage 2 emptied: monitoring.looks holds stage 1 alone, its date and note kept");
  sameJson(JSON.parse(await page.textContent("#gsd-monitor-result")), gsd("monitor", stage1Config),
           "Simon, 3 of 10: #gsd-monitor-result = gsd monitor on the page's config");
  await looksShown(page, stage1, "Simon, 3 of 10");
  check(stage1.final === null && cp !== null && await stat(page, "cp-h0") === cp.rate_h0.toFixed(4) &&
        await stat(page, "cp-h1") === cp.rate_h1.toFixed(4) && await stat(page, "cp-observed") === cp.observed_rate.toFixed(4) &&
        await final(page, "cp-h0") === "0.2946" && await final(page, "cp-h1") === "0.9538" &&
        !(await page.$("#simon-monitor-cards [data-stat=p-value]")),
        `Simon, 3 of 10: while stage 2 runs, the chance of a promising end ${cp.rate_h0.toFixed(4)} at p0, ` +
        `${cp.rate_h1.toFixed(4)} at p1, ${cp.observed_rate.toFixed(4)} at stage 1's rate, as gsd monitor gives it; no inference`);

  // A responder count the engine refuses: its message, the field marked.
  await page.fill("#simon-look1-responders", "12");
  await page.waitForFunction(() => document.getElementById("status").textContent.startsWith("error"));
  const tooMany = gsdRefusal("monitor", configOfUrl(page.url()));
  check(tooMany.status === 2 && await page.textContent("#status") === tooMany.message &&
        await page.$eval("#simon-look1-responders", (n) => n.classList.contains("field-error")) &&
        !(await page.$eval("#simon-look1-n", (n) => n.classList.contains("field-error"))),
        `Simon, 12 responders of 10: the command line's refusal, the field marked (${tooMany.message.slice(0, 60)}...)`);

  // A stop at 1 of 10.
  await page.fill("#simon-look1-responders", "1");
  await page.waitForFunction(() => document.getElementById("gsd-monitor-result").textContent.includes('"stop-futility"'));
  const stopConfig = configOfUrl(page.url());
  const stopCli = gsd("monitor", stopConfig);
  sameJson(JSON.parse(await page.textContent("#gsd-monitor-result")), stopCli,
           "Simon, 1 of 10: #gsd-monitor-result = gsd monitor on the page's config");
  const stop = stopCli.monitoring;
  check(await page.textContent("#status") === "" && stop.looks.length === 1 && stop.looks[0].decision === "stop-futility" &&
        stop.final && stop.final.look === 1 && (await page.textContent("#simon-monitor-final")).startsWith("After the stop after stage 1"),
        "Simon, 1 of 10: the trial stops after stage 1 (gsd monitor), the error gone");
  await looksShown(page, stop, "Simon, 1 of 10");
  await inferenceShown(page, stop.final, "Simon, 1 of 10");

  // A second look after the stop: gsd monitor's refusal, stage 2's fields marked.
  await page.fill("#simon-look2-n", "29");
  await page.fill("#simon-look2-responders", "3");
  await page.waitForFunction(() => document.getElementById("monitor-banner").className === "banner error");
  const afterStop = gsdRefusal("monitor", configOfUrl(page.url()));
  check(afterStop.status === 2 && await page.textContent("#monitor-banner") === afterStop.message &&
        await page.$eval("#simon-look2-n", (n) => n.classList.contains("field-error")) &&
        await page.textContent("#gsd-monitor-result") === "",
        `Simon, a look after the stop: the command line's refusal, stage 2 marked (${afterStop.message.slice(0, 60)}...)`);
  await page.fill("#simon-look2-n", "");
  await page.fill("#simon-look2-responders", "");
  await page.waitForFunction(() => document.getElementById("gsd-monitor-result").textContent.includes('"stop-futility"'));

  // A confidence level of its own.
  await page.fill("#simon-confidence", "0.95");
  await page.waitForFunction(() => document.getElementById("gsd-monitor-result").textContent.includes('"confidence_level": 0.95'));
  const levelConfig = configOfUrl(page.url());
  const levelCli = gsd("monitor", levelConfig).monitoring;
  check(levelConfig.monitoring.confidence_level === 0.95, "Simon: the confidence level writes monitoring.confidence_level");
  await inferenceShown(page, levelCli.final, "Simon, 1 of 10 at 0.95");

  // Stages of other than the planned patients: the engine's warnings, shown as it words them.
  const offPlan = JSON.parse(readFileSync(file, "utf8"));
  offPlan.monitoring.looks = [{n: 12, responders: 3}, {n: 30, responders: 6}];
  await page.goto(pageUrl + "#config=" + Buffer.from(JSON.stringify(offPlan)).toString("base64url"));
  await page.waitForSelector("body[data-ready='1']");
  await page.click("[data-tab=monitoring]");
  await page.waitForFunction(() => document.getElementById("gsd-monitor-result").textContent.includes('"patients": 30'));
  const offCli = gsd("monitor", offPlan).monitoring;
  const shownWarnings = await page.$$eval("#simon-monitor-warnings li", (items) => items.map((li) => li.textContent));
  check(offCli.warnings.length === 2 && await page.isVisible("#simon-monitor-warnings") &&
        JSON.stringify(shownWarnings) === JSON.stringify(offCli.warnings),
        `Simon, 12 then 30 patients: gsd monitor's ${offCli.warnings.length} warnings shown (${offCli.warnings[0].slice(0, 40)}...)`);
  await looksShown(page, offCli, "Simon, 12 then 30 patients");
  await inferenceShown(page, offCli.final, "Simon, 12 then 30 patients");
}

const {profile, context} = await launch();
try {
  // The seed trial's page on its Simulation tab, where the file is opened.
  const page = await context.newPage();
  page.setDefaultTimeout(60000);
  await page.goto(pageUrl);
  await page.waitForFunction(() => document.getElementById("gsd-result").textContent.includes('"sample_size"'));
  await page.click("[data-tab=simulation]");
  await checkSimon(context, page);
  await checkSimonMonitoring(page);
} finally {
  await context.close();
  rmSync(profile, {recursive: true, force: true});
}
const failures = done();
console.log(failures ? `Simon page test: ${failures} failed` : "Simon page test: all passed");
process.exit(failures ? 1 : 0);
