// The form of the page in a real browser (as page_test.mjs): each field that
// sizes the trial or shapes its boundaries writes its key as docs/config.md
// spells it, and the page then shows what the command line gives for the
// page's own config (taken from its #config= link):
//   - the sizing method (survival.method) with the command line's numbers,
//     or its message when it refuses the model;
//   - a non-inferiority margin (survival.hazard_ratio_h0): the plan, the
//     bounds on the hazard-ratio scale and the power curve up to the margin;
//   - the boundary and calendar options (harm bound, switches, spending
//     time, fixed futility, look triggers, analysis cap, whole numbers).
//   node web/test/form_test.mjs PAGE.html GSD_BINARY
import {readFileSync, rmSync} from "node:fs";
import {join, resolve} from "node:path";
import {pathToFileURL} from "node:url";
import {configOfUrl, designResult, harness, launch, root} from "./harness.mjs";

const [pagePath, gsdPath] = process.argv.slice(2);
if (!gsdPath) {
  console.error("usage: node web/test/form_test.mjs PAGE.html GSD_BINARY");
  process.exit(2);
}
const {check, gsd, gsdRefusal, sameJson, done} = harness(gsdPath);
const pageUrl = pathToFileURL(resolve(pagePath)).href;
const seed = JSON.parse(readFileSync(join(root, "configs/blinatumomab-20120215.json"), "utf8"));

const {profile, context} = await launch();
const errors = [];
try {
  const page = await context.newPage();
  page.on("pageerror", (e) => errors.push(e.message));
  page.setDefaultTimeout(60000);
  await page.goto(pageUrl);
  await page.waitForSelector("body[data-ready='1']");

  // --------------------------------------------- the sizing method, survival.method
  // On the seed trial's cure model the classical methods are refused, as on the command line.
  await page.click("#reset-seed");
  await page.waitForFunction(() => document.getElementById("status").textContent === "");
  await page.click("[data-tab=survival]");
  await page.selectOption("#survival-method", "schoenfeld");
  await page.waitForFunction(() => document.getElementById("status").textContent.includes("survival.method"));
  const refusal = gsdRefusal("design", configOfUrl(page.url()));
  check(refusal.status === 2 && await page.textContent("#status") === refusal.message &&
        await page.evaluate(() => document.getElementById("survival-method").classList.contains("field-error")),
        `Schoenfeld on a cure model: the command line's refusal, field marked (${refusal.message.slice(0, 60)}...)`);
  // Without cure fractions, each method gives the command line's plan.
  const proportional = JSON.parse(JSON.stringify(seed));
  proportional.survival.control.cure_fraction = 0;
  proportional.survival.treatment.cure_fraction = 0;
  proportional.survival.events = 150;
  await page.goto(pageUrl + "#config=" + Buffer.from(JSON.stringify(proportional)).toString("base64url"));
  await page.waitForFunction(() => document.getElementById("gsd-result").textContent.includes('"events": 150'));
  for (const method of ["schoenfeld", "freedman", "hsieh-freedman", "lachin-foulkes", "exact"]) {
    await page.selectOption("#survival-method", method);
    await page.waitForFunction((m) => document.getElementById("gsd-result").textContent.includes(`"name": "${m}"`), method);
    const methodConfig = configOfUrl(page.url());
    check(method === "exact" ? !("method" in methodConfig.survival) : methodConfig.survival.method === method,
          `method ${method}: the link says so`);
    const methodCli = gsd("design", methodConfig);
    sameJson(JSON.parse(await page.textContent("#gsd-result")), methodCli, `method ${method}: #gsd-result = gsd design`);
    const mp = methodCli.sample_size;
    const cardOf = (stat) => page.textContent(`#survival-cards [data-stat=${stat}] .stat-value`);
    check(await cardOf("power") === mp.power.toFixed(4) && await cardOf("power-fixed-times") === mp.power_fixed_times.toFixed(4) &&
          (method === "exact" ? !(await page.$("#survival-cards [data-stat=power-event-driven]")) :
                                await cardOf("power-event-driven") === mp.power_event_driven.toFixed(4)),
          `method ${method}: power ${mp.power.toFixed(4)}` +
          (method === "exact" ? "" : `, event-driven ${mp.power_event_driven.toFixed(4)}`) +
          `, at the expected look times ${mp.power_fixed_times.toFixed(4)}`);
    const modelPower = method === "exact" ? mp.power : mp.power_event_driven;
    const note = await page.textContent("#note-schoenfeld");
    check(note.includes("no cure fraction") && note.includes(`is ${modelPower.toFixed(4)}.`),
          `method ${method}: the note says the formula applies without a cure fraction, beside the model's ${modelPower.toFixed(4)}`);
  }
  check(!(await page.isVisible("#survival-warnings")), "a plan without warnings shows none");

  // ------------------------------------- boundary and calendar options of the form
  // Each field writes its key as docs/config.md spells it, and the page's
  // design is what the command line gives for the page's config.
  await page.goto(pageUrl);
  await page.waitForSelector("body[data-ready='1']");
  await page.click("[data-tab=design]");
  const changeText = async (selector, text) => {
    await page.fill(selector, text);
    await page.$eval(selector, (el) => el.dispatchEvent(new Event("change", {bubbles: true})));
  };
  // The Design tab's table, look by look: the information fraction and the
  // efficacy bound as `gsd design` prints them for the page's config ("–"
  // at a look without an efficacy stop).
  const shown = (x) => (x === null ? "–" : x.toFixed(4));
  const designTableSays = async (cli) => {
    const rows = await page.$$eval("#table-design tbody tr", (trs) =>
      trs.map((tr) => [tr.children[1].textContent, tr.children[2].textContent]));
    return rows.length === cli.boundaries.looks.length && cli.boundaries.looks.every((l, k) =>
      rows[k][0] === l.information_fraction.toFixed(4) && rows[k][1] === shown(l.efficacy_z));
  };
  const resultSays = (text) => page.waitForFunction((t) => document.getElementById("gsd-result").textContent.includes(t), text);
  await page.selectOption("[data-path='design.sided']", "1");
  await page.selectOption("#harm-family", "lan-demets-pocock");
  await resultSays('"probability_harm_h0"');
  await page.check("#harm-binding");
  await changeText("#efficacy-stops", "no, yes, yes");
  await changeText("#spending-time", "0.4, 0.8, 1");
  await page.selectOption("#futility-fixed-kind", "hazard_ratio");
  await changeText("#futility-fixed", "1, 0.9");
  await resultSays('"futility_z": 0.0');
  const optionConfig = configOfUrl(page.url());
  check(JSON.stringify(optionConfig.design.harm) === JSON.stringify({spending: "lan-demets-pocock", alpha: 0.02, binding: true}) &&
        JSON.stringify(optionConfig.design.efficacy_stops) === "[false,true,true]" &&
        JSON.stringify(optionConfig.design.spending_time) === "[0.4,0.8,1]" &&
        JSON.stringify(optionConfig.design.futility) === '{"hazard_ratio":[1,0.9]}',
        "the form writes design.harm, efficacy_stops, spending_time and futility.hazard_ratio");
  sameJson(await designResult(page), gsd("design", optionConfig),
           "harm bound, switches, spending time and a hazard-ratio futility: #gsd-result = gsd design");
  // The plan's looks with a futility bound: its z, the hazard ratio at it and
  // the chance of a stop below the efficacy region, as the command line gives them.
  const optionLooks = gsd("design", optionConfig).sample_size.looks;
  await page.click("[data-tab=survival]");
  await page.waitForFunction((n) => !document.getElementById("tab-survival").classList.contains("results-pending") &&
                             document.querySelectorAll("#table-survival thead th").length === n, 11);
  const survivalHead = await page.$$eval("#table-survival thead th", (ths) => ths.map((th) => th.textContent));
  const survivalRows = await page.$$eval("#table-survival tbody tr", (trs) =>
    trs.map((tr) => [...tr.children].map((c) => c.textContent)));
  check(survivalHead[6] === "Futility z" && survivalHead[7] === "HR at futility" &&
        survivalHead[10] === "P(stop below) at look" && survivalRows.length === optionLooks.length &&
        optionLooks.every((l, k) => survivalRows[k][6] === shown(l.futility_z) &&
                                    survivalRows[k][7] === shown(l.hazard_ratio_at_futility) &&
                                    survivalRows[k][10] === l.crossing_probability_lower.toFixed(4)),
        `the plan's looks show the futility z (${optionLooks.map((l) => shown(l.futility_z)).join(", ")}), ` +
        "the hazard ratio at it and the chance of a stop below, as gsd design gives them");
  await page.click("[data-tab=design]");
  // An emptied harm alpha is left out, as any emptied number field, and the
  // engine's refusal names it (the field was ignored, its old value kept).
  await page.fill("#harm-alpha", "");
  await page.waitForFunction(() => document.getElementById("status").textContent.startsWith("error"), null, {timeout: 5000})
    .catch(() => {});
  const noHarmAlpha = configOfUrl(page.url());
  const harmAlphaRefusal = gsdRefusal("design", noHarmAlpha);
  check(!("alpha" in noHarmAlpha.design.harm) && harmAlphaRefusal.status === 2 &&
        (await page.textContent("#status")) === harmAlphaRefusal.message &&
        await page.$eval("#harm-alpha", (n) => n.classList.contains("field-error")),
        `harm alpha emptied: left out, the command line's refusal by the field (${harmAlphaRefusal.message})`);
  await page.fill("#harm-alpha", "0.02");
  await page.waitForFunction(() => document.getElementById("status").textContent === "");
  await page.click("[data-tab=survival]");
  await changeText("#look-triggers", "time 24, first 36, events");
  await page.fill("[data-path='survival.analysis_cap']", "60");
  await resultSays('"analysis_cap": 60');
  const calendarConfig = configOfUrl(page.url());
  check(JSON.stringify(calendarConfig.survival.looks) === '[{"time":24},{"trigger":"first","time":36},{}]' &&
        calendarConfig.survival.analysis_cap === 60, "the form writes survival.looks and survival.analysis_cap");
  sameJson(await designResult(page), gsd("design", calendarConfig), "look triggers and a 60-month cap: #gsd-result = gsd design");
  await changeText("#look-triggers", "");
  await page.check("#survival-integer");
  await page.fill("[data-path='survival.block']", "4");
  await resultSays('"continuous"');
  const integerConfig = configOfUrl(page.url());
  check(integerConfig.survival.integer === true && integerConfig.survival.block === 4 && !("looks" in integerConfig.survival),
        "the form writes survival.integer and survival.block");
  const integerCli = gsd("design", integerConfig);
  sameJson(await designResult(page), integerCli, "a whole-number plan: #gsd-result = gsd design");
  await page.click("[data-tab=design]");
  check(await designTableSays(integerCli), "a whole-number plan, after the edit: the Design tab's table is gsd design's bounds " +
        `(look 2 at ${integerCli.boundaries.looks[1].information_fraction.toFixed(4)}, z ${shown(integerCli.boundaries.looks[1].efficacy_z)})`);
  // Opened from a link, the whole-number plan of examples/boundaries moves
  // the looks to whole events (0.5053 and 0.7579 of the information, not the
  // planned 0.5 and 0.75): the Design tab shows the bounds recomputed there,
  // as gsd design prints them, once the plan is known.
  const integerPlan = JSON.parse(readFileSync(join(root, "examples/boundaries/integer-plan.json"), "utf8"));
  await page.goto(pageUrl + "#config=" + Buffer.from(JSON.stringify(integerPlan)).toString("base64url"));
  await page.waitForSelector("body[data-ready='1']");
  await page.click("[data-tab=design]");
  const integerPlanCli = gsd("design", integerPlan);
  check(integerPlanCli.boundaries.looks[0].information_fraction !== 0.5 && await designTableSays(integerPlanCli),
        "examples/boundaries/integer-plan.json opened: the Design tab's table is gsd design's bounds " +
        `(look 1 at ${integerPlanCli.boundaries.looks[0].information_fraction.toFixed(4)}, ` +
        `z ${integerPlanCli.boundaries.looks[0].efficacy_z.toFixed(4)})`);
  await page.click("[data-tab=design]");
  const harmStopsBefore = JSON.stringify(configOfUrl(page.url()).design.harm_stops);
  await changeText("#harm-stops", "yes, maybe");
  check(await page.evaluate(() => document.getElementById("harm-stops").classList.contains("field-error")) &&
        (await page.textContent("#status")).startsWith("Harm stops:"),
        "an unreadable switch list marks its field and says what it takes");
  check(await page.$eval("body", (b) => b.classList.contains("stale")) &&
        JSON.stringify(configOfUrl(page.url()).design.harm_stops) === harmStopsBefore,
        "an unreadable switch list: the config keeps its last value and the outputs go grey");
  await changeText("#fractions", "0.5, half, 1");
  check(await page.$eval("#fractions", (n) => n.classList.contains("field-error")) &&
        await page.$eval("body", (b) => b.classList.contains("stale")),
        "unreadable information fractions: the field is marked and the outputs go grey");
  // ------------------------------------ a non-inferiority margin, hazard_ratio_h0
  // The trial of examples/non-inferiority: equal hazards planned, H0 a
  // hazard ratio of 1.3 or more, sized by Schoenfeld's formula; opened at a
  // margin of 1.2, then given 1.3 in the field.
  const margin = JSON.parse(readFileSync(join(root, "examples/non-inferiority/survival-margin-1.3.json"), "utf8"));
  delete margin.simulation;
  margin.survival.hazard_ratio_h0 = 1.2;
  await page.goto(pageUrl + "#config=" + Buffer.from(JSON.stringify(margin)).toString("base64url"));
  await page.waitForSelector("body[data-ready='1']");
  await page.click("[data-tab=survival]");
  await page.waitForFunction(() => document.getElementById("gsd-result").textContent.includes('"sample_size"'));
  const atMargin12 = await designResult(page);
  await page.fill("[data-path='survival.hazard_ratio_h0']", "1.3");
  await page.waitForFunction(() => document.getElementById("gsd-result").textContent.includes('"hazard_ratio_h0": 1.3'));
  const marginConfig = configOfUrl(page.url());
  check(marginConfig.survival.hazard_ratio_h0 === 1.3, "the margin field writes survival.hazard_ratio_h0");
  const marginCli = gsd("design", marginConfig);
  sameJson(await designResult(page), marginCli, "margin 1.3: #gsd-result = gsd design");
  check(marginCli.sample_size.events < atMargin12.sample_size.events,
        `margin 1.3: ${marginCli.sample_size.events} events, fewer than the ${atMargin12.sample_size.events} of margin 1.2`);
  await page.waitForSelector("#chart-power path.series");
  check((await page.textContent("#power-caption")).includes("margin"), "the power curve's caption names the margin");
  const curveEnd = await page.$$eval("#chart-power .tick", (ticks) => Math.max(...ticks.map((t) => parseFloat(t.textContent)).filter(Number.isFinite)));
  check(curveEnd > 1.1 && (await page.textContent("#chart-power")).includes("margin 1.3"),
        `the power curve's axis passes 1.1 (to ${curveEnd}) and marks the margin`);
  await page.click("[data-tab=design]");
  await page.check("input[name=bound-scale][value=hr]");
  await page.waitForFunction(() => document.getElementById("bounds-caption").textContent.includes("margin"));
  check((await page.textContent("#bounds-caption")).includes("margin · exp(−z / √I)"),
        "the hazard-ratio scale says the bound is margin · exp(−z / √I)");
  const refusedCure = JSON.parse(JSON.stringify(seed));
  refusedCure.survival.hazard_ratio_h0 = 1.3;
  refusedCure.survival.method = "schoenfeld";
  const cureRefusal = gsdRefusal("design", refusedCure);
  await page.goto(pageUrl + "#config=" + Buffer.from(JSON.stringify(refusedCure)).toString("base64url"));
  await page.waitForFunction(() => document.getElementById("status").textContent.startsWith("error"));
  check(cureRefusal.status === 2 && (await page.textContent("#status")) === cureRefusal.message,
        `a margin with a cure model: the command line's refusal (${cureRefusal.message.slice(0, 70)}...)`);

  // ------------------------------------------ text that is not a number, a fraction of a whole number
  // A number input holding "0.05e" has the value "" (validity.badInput): it
  // must be refused by its key, not read as an empty field (the default).
  await page.goto(pageUrl);
  await page.click("#reset-seed");
  await page.waitForFunction(() => document.getElementById("status").textContent === "");
  await page.click("[data-tab=design]");
  const alphaBox = "input[type=number][data-path='design.alpha']";
  // Typed in one piece over the seed's 0.05 (one input event).
  await page.focus(alphaBox);
  await page.keyboard.press("Control+A");
  await page.keyboard.insertText("0.05e");  // refused within its input event: nothing to wait for
  check((await page.textContent("#status")) ===
        "error: design.alpha is not a number; type a number, or empty the field to leave the key out",
        `alpha "0.05e": refused by its key (${await page.textContent("#status")})`);
  check(await page.$eval(alphaBox, (n) => n.classList.contains("field-error")) &&
        await page.$eval("body", (b) => b.classList.contains("stale")),
        `alpha "0.05e": the field is marked and the outputs go grey`);
  check(configOfUrl(page.url()).design.alpha === seed.design.alpha,
        `alpha "0.05e": the config keeps alpha ${seed.design.alpha}, not the engine's default`);
  await page.fill(alphaBox, "0.04");
  await page.waitForFunction(() => document.getElementById("status").textContent === "");
  check(configOfUrl(page.url()).design.alpha === 0.04 &&
        !(await page.$eval("body", (b) => b.classList.contains("stale"))),
        "a number typed after it is taken, and the mark goes");
  // 202.4 patients: refused as the command line refuses it, not rounded to 202.
  await page.click("[data-tab=survival]");
  await page.fill("[data-path='survival.patients']", "202.4");
  // Checked below whether it comes or not (a rounded 202 gives no error).
  await page.waitForFunction(() => document.getElementById("status").textContent.startsWith("error"),
                             null, {timeout: 10000}).catch(() => {});
  const fractional = configOfUrl(page.url());
  const fractionalRefusal = gsdRefusal("design", fractional);
  check(fractional.survival.patients === 202.4 && fractionalRefusal.status === 2 &&
        (await page.textContent("#status")) === fractionalRefusal.message,
        `patients 202.4: the command line's refusal (${fractionalRefusal.message})`);
  // Whole patients again, so that the refusal below is the trials' own.
  await page.fill("[data-path='survival.patients']", "202");
  await page.waitForFunction(() => document.getElementById("status").textContent === "");
  await page.click("[data-tab=simulation]");
  // 150.5 trials: the command line's refusal, not 151 trials run.
  await page.fill("#sim-replicates", "150.5");
  await page.click("#sim-run");
  const fractionalRuns = configOfUrl(page.url());
  const runsRefusal = gsdRefusal("simulate", fractionalRuns);
  check(fractionalRuns.simulation.replicates === 150.5 && runsRefusal.status === 2 &&
        runsRefusal.message.startsWith("error: simulation.replicates = 150.5") &&
        (await page.textContent("#status")) === runsRefusal.message &&
        (await page.$eval("body", (b) => b.dataset.simulation || "")) !== "running",
        `replicates 150.5: the command line's refusal (${runsRefusal.message}), and no simulation starts`);
  await page.focus("#sim-replicates");
  await page.keyboard.press("Control+A");
  await page.keyboard.insertText("1e");
  await page.click("#sim-run");
  check((await page.textContent("#status")) ===
        "error: simulation.replicates is not a number; type a number, or empty the field to leave the key out" &&
        (await page.$eval("body", (b) => b.dataset.simulation || "")) !== "running",
        `replicates "1e": refused, and no simulation starts`);

  // A seed above 2^53 - 1 cannot pass through the page's doubles exactly
  // (9007199254740993 is the double 9007199254740992): refused as typed,
  // rather than run as another seed or refused under another value.
  await page.fill("#sim-replicates", "200");
  for (const typed of ["9007199254740993", "18446744073709551615"]) {
    await page.fill("#sim-seed", typed);
    await page.click("#sim-run");
    const seedConfig = configOfUrl(page.url());
    check((await page.textContent("#status")).startsWith(`error: simulation.seed = ${typed} is above 9007199254740991`) &&
          await page.$eval("#sim-seed", (n) => n.classList.contains("field-error")) &&
          !(seedConfig.simulation && seedConfig.simulation.seed > Number.MAX_SAFE_INTEGER) &&
          (await page.$eval("body", (b) => b.dataset.simulation || "")) !== "running",
          `seed ${typed}: refused as typed, no simulation starts with another seed`);
  }
  await page.fill("#sim-seed", "1");

  // ------------------------------------- planned events beyond the model's reach
  // With no look entered yet, monitoring.planned_events = 1e300 is refused as
  // the command line refuses the page's config: the library checks it against
  // what the survival model's patients can ever produce when it reads the
  // config, so the page's design call refuses it and the field is marked.
  await page.goto(pageUrl);
  await page.waitForSelector("body[data-ready='1']");
  await page.click("[data-tab=monitoring]");
  await changeText("#planned-events", "1e300");
  await page.waitForFunction(() => document.getElementById("status").textContent.startsWith("error"),
                             null, {timeout: 10000}).catch(() => {});
  const unreachable = configOfUrl(page.url());
  const unreachableRefusal = gsdRefusal("design", unreachable);
  check(unreachable.monitoring.planned_events === 1e300 && !(unreachable.monitoring.looks || []).length &&
        unreachableRefusal.status === 2 && (await page.textContent("#status")) === unreachableRefusal.message &&
        await page.$eval("#planned-events", (n) => n.classList.contains("field-error")),
        `planned events 1e300, no look: the command line's refusal (${unreachableRefusal.message}), the field marked`);

  // ------------------------------------- the number of looks, K
  // Refused as typed, never clamped or rounded: 26 is one more than the
  // engine's most, 2.5 and -1 are not a number of looks.
  await page.goto(pageUrl);
  await page.waitForSelector("body[data-ready='1']");
  await page.click("[data-tab=design]");
  for (const [typed, says] of [["26", "error: the number of looks K = 26 must be a whole number from 1 to 25; type how many looks"],
                               ["2.5", "error: the number of looks K = 2.5 must be a whole number from 1 to 25"],
                               ["-1", "error: the number of looks K = -1 must be a whole number from 1 to 25"],
                               ["", "error: the number of looks K is empty; type a whole number from 1 to 25"]]) {
    await changeText("#looks-count", typed);
    check((await page.textContent("#status")).startsWith(says) &&
          await page.$eval("#looks-count", (n) => n.classList.contains("field-error")) &&
          configOfUrl(page.url()).design.information_fractions.length === seed.design.information_fractions.length,
          `${typed === "" ? "an empty" : typed} number of looks: refused by the field, the config keeps its ` +
          `${seed.design.information_fractions.length} looks (${await page.textContent("#status")})`);
  }
  await changeText("#looks-count", "25");
  await page.waitForFunction(() => document.getElementById("status").textContent === "");
  check(configOfUrl(page.url()).design.information_fractions.length === 25, "25 looks are taken");

  // ------------------------------------- a normal or binary endpoint's sample size
  // gsd design sizes an endpoint in patients; the Survival tab says so with
  // its numbers, not that the config gives no sample size.
  for (const file of ["configs/normal-two-sample.json", "configs/binary-noninferiority.json"]) {
    const endpointConfig = JSON.parse(readFileSync(join(root, file), "utf8"));
    await page.goto(pageUrl + "#config=" + Buffer.from(JSON.stringify(endpointConfig)).toString("base64url"));
    await page.waitForSelector("body[data-ready='1']");
    await page.click("[data-tab=survival]");
    const sized = gsd("design", endpointConfig).sample_size;
    const says = await page.textContent("#survival-absent p");
    check(says.includes(`${sized.patients} patients`) && says.includes(`power ${sized.power.toFixed(4)}`) &&
          !says.includes("no sample size") && !(await page.isVisible("#add-survival")),
          `${file}: the Survival tab gives gsd design's ${sized.patients} patients and power ${sized.power.toFixed(4)}`);
  }

  // ------------------------------------- an endpoint's monitoring looks
  // Looks of a normal endpoint count patients and estimate a mean
  // difference: the table gives gsd monitor's, the chart draws them, and the
  // looks given as per-arm summaries are kept when one is marked final.
  const endpointMonitoring = JSON.parse(readFileSync(join(root, "examples/endpoint-monitoring/normal-two-sample.json"), "utf8"));
  const errorsBefore = errors.length;
  await page.goto(pageUrl + "#config=" + Buffer.from(JSON.stringify(endpointMonitoring)).toString("base64url"));
  await page.waitForSelector("body[data-ready='1']");
  await page.click("[data-tab=monitoring]");
  await page.waitForFunction(() => document.getElementById("gsd-monitor-result").textContent !== "");
  const endpointLooks = gsd("monitor", endpointMonitoring).monitoring.looks;
  const monitorRows = await page.$$eval("#table-monitoring tbody tr", (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
  check(monitorRows.length === endpointLooks.length && endpointLooks.every((l, k) =>
          monitorRows[k][1] === String(l.patients) && monitorRows[k][7] === l.effect.toFixed(4) &&
          monitorRows[k][8] === `${l.repeated_ci_effect[0].toFixed(4)} to ${l.repeated_ci_effect[1].toFixed(4)}`),
        `endpoint monitoring: patients, estimate and repeated CI as gsd monitor gives them (look 2: ${monitorRows[1]})`);
  check(errors.length === errorsBefore && (await page.$$("#chart-monitor path.series")).length === 2,
        "endpoint monitoring: the looks are drawn by patients, without a script error");
  await page.check('#looks-editor [data-look="1"] [data-field=final]');
  await page.waitForFunction(() => document.getElementById("gsd-monitor-result").textContent.includes('"final": {'));
  const finalLooks = configOfUrl(page.url()).monitoring.looks;
  check(finalLooks[1].final === true &&
        JSON.stringify(finalLooks[1].treatment) === JSON.stringify(endpointMonitoring.monitoring.looks[1].treatment),
        "endpoint monitoring: a look given as per-arm summaries keeps them when it is marked final");
  sameJson(JSON.parse(await page.textContent("#gsd-monitor-result")), gsd("monitor", configOfUrl(page.url())),
           "endpoint monitoring, final look: #gsd-monitor-result = gsd monitor");

  // A look added to an endpoint's trial counts patients (the planned first
  // look's 91.94 made whole), and the editor writes them.
  const normalTrial = JSON.parse(readFileSync(join(root, "configs/normal-two-sample.json"), "utf8"));
  await page.goto(pageUrl + "#config=" + Buffer.from(JSON.stringify(normalTrial)).toString("base64url"));
  await page.waitForSelector("body[data-ready='1']");
  await page.click("[data-tab=monitoring]");
  check(!(await page.isVisible("#committee-look")), "endpoint monitoring: no button for the seed trial's look by events");
  await page.click("#add-look");
  await page.waitForFunction(() => document.getElementById("gsd-monitor-result").textContent !== "");
  check(JSON.stringify(configOfUrl(page.url()).monitoring.looks) === '[{"patients":92,"z":2}]' &&
        (await page.textContent("#status")) === "" &&
        JSON.stringify(await page.$$eval('#looks-editor [data-look="0"] [data-field=kind] option', (os) => os.map((o) => o.value))) === '["z"]',
        "endpoint monitoring: Add a look gives the first planned look's 92 patients and a z, the only statistic offered");
  await changeText('#looks-editor [data-look="0"] [data-field=size]', "100");
  await page.waitForFunction(() => document.getElementById("gsd-monitor-result").textContent.includes('"patients": 100'));
  const addedLook = configOfUrl(page.url());
  check(JSON.stringify(addedLook.monitoring.looks) === '[{"patients":100,"z":2}]', "endpoint monitoring: the look's field writes its patients");
  sameJson(JSON.parse(await page.textContent("#gsd-monitor-result")), gsd("monitor", addedLook),
           "endpoint monitoring, a look added on the page: #gsd-monitor-result = gsd monitor");
  // Its plan counts patients too: the planned field writes planned_patients,
  // and no hazard ratio is asked for.
  await page.fill("#planned-events", "200");
  await page.waitForFunction(() => document.getElementById("gsd-monitor-result").textContent.includes("of 200 planned patients"));
  const plannedPatients = configOfUrl(page.url());
  check(plannedPatients.monitoring.planned_patients === 200 && !("planned_events" in plannedPatients.monitoring) &&
        (await page.textContent("#status")) === "" && !(await page.isVisible("[data-path='monitoring.assumed_hazard_ratio']")),
        "endpoint monitoring: the planned field writes monitoring.planned_patients, and no assumed hazard ratio is offered");

  // ------------------------------------- a simulation without a survival model
  // A design alone has nothing to simulate: the page says so as the command
  // line does, and its config (and so its bounds) stays as it was.
  const harmDesign = JSON.parse(readFileSync(join(root, "examples/boundaries/harm-bound.json"), "utf8"));
  await page.goto(pageUrl + "#config=" + Buffer.from(JSON.stringify(harmDesign)).toString("base64url"));
  await page.waitForSelector("body[data-ready='1']");
  await page.click("[data-tab=simulation]");
  await page.click("#sim-run");
  check((await page.textContent("#status")).startsWith("error: survival is missing: gsd simulate draws trials from the survival model") &&
        JSON.stringify(configOfUrl(page.url())) === JSON.stringify(harmDesign) &&
        (await page.textContent("#gsd-result")) !== "",
        "Simulate on a design without a survival model: refused, the config and its design kept");

  // ------------------------------------- the field an engine's refusal names
  // The engine's path names a key that a list field or a monitoring look's
  // row writes: that input is marked, and no other whose key starts alike.
  const markedFields = () => page.evaluate(() =>
    [...document.querySelectorAll(".field-error")].map((n) => n.id || n.dataset.field || n.dataset.path));
  await page.click("#reset-seed");
  await page.click("[data-tab=design]");
  await changeText("#efficacy-stops", "no, yes");
  await page.waitForFunction(() => document.getElementById("status").textContent.startsWith("error: design.efficacy_stops"));
  check(JSON.stringify(await markedFields()) === '["efficacy-stops"]',
        `efficacy stops refused by the engine: that field is marked, not the efficacy family (${await markedFields()})`);
  await changeText("#efficacy-stops", "");
  await page.click("[data-tab=survival]");
  await changeText("#look-triggers", "time 24");
  await page.waitForFunction(() => document.getElementById("status").textContent.startsWith("error: survival.looks"));
  check(JSON.stringify(await markedFields()) === '["look-triggers"]',
        `look triggers refused by the engine: that field is marked (${await markedFields()})`);
  await changeText("#look-triggers", "");
  await page.click("[data-tab=monitoring]");
  await page.click("#committee-look");
  await changeText('#looks-editor [data-look="0"] [data-field=size]', "-1");
  await page.waitForFunction(() => document.getElementById("status").textContent.startsWith("error: monitoring.looks[0].events"));
  check(JSON.stringify(await markedFields()) === '["size"]',
        `a look's events refused when the config is read: its field is marked (${await markedFields()})`);
  await changeText('#looks-editor [data-look="0"] [data-field=size]', "1e300");
  await page.waitForFunction(() => document.getElementById("monitor-banner").textContent.startsWith("error: monitoring.looks[0].events"));
  check(JSON.stringify(await markedFields()) === '["size"]',
        `a look's events refused by the monitor: its field is marked (${await markedFields()})`);

  // ------------------------------------- no download of outputs in grey
  // A CSV saved beside an exported config must be what the command line
  // prints for that config: outputs of an earlier input are not saved.
  const noDownload = async (selector) => {
    const [download] = await Promise.all([page.waitForEvent("download", {timeout: 3000}).catch(() => null),
                                          page.click(selector)]);
    return download === null;
  };
  await page.goto(pageUrl);
  await page.waitForSelector("body[data-ready='1']");
  await page.click("[data-tab=monitoring]");
  await page.click("#committee-look");
  await page.waitForFunction(() => document.getElementById("gsd-monitor-result").textContent !== "");
  await page.fill("#planned-events", "-1");
  await page.waitForFunction(() => document.getElementById("status").textContent.startsWith("error"));
  check(await noDownload("#csv-monitoring") &&
        (await page.textContent("#status")).startsWith("Monitoring CSV not saved"),
        "planned events -1 refused: the monitoring CSV of the looks in grey is not saved, and the page says why");
  await page.fill("#planned-events", "");
  await page.waitForFunction(() => document.getElementById("status").textContent === "");
  await page.click("[data-tab=simulation]");
  await page.fill("#sim-replicates", "200");
  await page.click("#sim-run");
  await page.waitForSelector("body[data-simulation=done]");
  await page.click("[data-tab=design]");
  await page.fill("input[type=number][data-path='design.alpha']", "0.04");
  await page.click("[data-tab=simulation]");
  check(await noDownload("#csv-simulation") &&
        (await page.textContent("#status")).startsWith("Simulation CSV not saved"),
        "alpha changed after a simulation: its CSV is not saved as the new config's, and the page says why");

  // ------------------------------------- a refused number of trials, corrected
  // 10.5 trials: the engine's refusal marks the field, and correcting it
  // (its change event) brings the outputs back, without simulating again.
  const statusIs = (text) => page.waitForFunction((t) => document.getElementById("status").textContent === t, text,
                                                  {timeout: 10000}).catch(() => {});
  await page.goto(pageUrl);
  await page.click("#reset-seed");
  await statusIs("");
  await page.click("[data-tab=simulation]");
  await page.fill("#sim-replicates", "10.5");
  await page.click("#sim-run");
  await page.waitForFunction(() => document.getElementById("status").textContent.startsWith("error: simulation.replicates"));
  check(await page.$eval("#sim-replicates", (n) => n.classList.contains("field-error")),
        `replicates 10.5 refused by the engine: the field is marked (${await page.textContent("#status")})`);
  await changeText("#sim-replicates", "1000");
  await statusIs("");
  check((await page.textContent("#status")) === "" && !(await page.$eval("body", (b) => b.classList.contains("stale"))) &&
        configOfUrl(page.url()).simulation.replicates === 1000 &&
        !(await page.$eval("#sim-replicates", (n) => n.classList.contains("field-error"))),
        "replicates corrected to 1000: written into the config, the error and the grey go without simulating");
  await page.click("[data-tab=design]");
  await page.fill("input[type=number][data-path='design.alpha']", "0.04");
  await statusIs("");
  await page.click("[data-tab=monitoring]");
  await page.click("#committee-look");
  await page.waitForFunction(() => document.getElementById("gsd-monitor-result").textContent !== "", null, {timeout: 10000})
    .catch(() => {});
  check((await page.textContent("#status")) === "" && (await page.textContent("#gsd-monitor-result")) !== "",
        "after the corrected replicates, an alpha edit and a committee look compute");

  // ------------------------------------- a final look before accrual ends
  // Without cure fractions the seed trial's final look comes before accrual
  // ends (follow_up < 0): the card says so as gsd design does, and solving
  // for patients from the follow-up starts from 0, not the negative one.
  const noCure = JSON.parse(JSON.stringify(seed));
  noCure.survival.control.cure_fraction = 0;
  noCure.survival.treatment.cure_fraction = 0;
  await page.goto(pageUrl + "#config=" + Buffer.from(JSON.stringify(noCure)).toString("base64url"));
  await page.waitForSelector("body[data-ready='1']");
  await page.click("[data-tab=survival]");
  const early = gsd("design", noCure).sample_size;
  const durationSays = await page.textContent("#survival-cards [data-stat=duration] .stat-detail");
  check(early.follow_up < 0 &&
        durationSays.includes(`${(-early.follow_up).toFixed(2)} before accrual ends: about ` +
                              `${early.patients_at_study_end.toFixed(1)} of the ${early.patients} patients are enrolled by the final look`) &&
        !durationSays.includes("-"),
        `no cure: the duration card says the final look comes ${(-early.follow_up).toFixed(2)} before accrual ends (${durationSays})`);
  await page.selectOption("#solve-mode", "patients");
  await page.waitForFunction(() => document.getElementById("status").textContent !== "" ||
                             !document.getElementById("gsd-result").dataset.pending);
  await designResult(page).catch(() => null);
  const fromFollowUp = configOfUrl(page.url());
  check(fromFollowUp.survival.follow_up === 0 && (await page.textContent("#status")) === "" &&
        gsdRefusal("design", fromFollowUp).status === 0,
        `no cure, solving for patients from power and follow-up: follow_up ${fromFollowUp.survival.follow_up}, taken`);

  // ------------------------------------- a plan's power near 1
  // Cure fractions 0.3 and 0.6 give power 0.9969: switching to a mode that
  // takes a target power writes one below 1, which the engine takes.
  const strong = JSON.parse(JSON.stringify(seed));
  strong.survival.control.cure_fraction = 0.3;
  strong.survival.treatment.cure_fraction = 0.6;
  const strongPower = gsd("design", strong).sample_size.power;
  for (const mode of ["patients", "events"]) {
    await page.goto(pageUrl + "#config=" + Buffer.from(JSON.stringify(strong)).toString("base64url"));
    await page.waitForSelector("body[data-ready='1']");
    await page.click("[data-tab=survival]");
    await page.selectOption("#solve-mode", mode);
    await page.waitForFunction(() => document.getElementById("status").textContent !== "" ||
                               !document.getElementById("gsd-result").dataset.pending);
    const target = configOfUrl(page.url()).survival.power;
    check(target > 0 && target < 1 && (await page.textContent("#status")) === "",
          `power ${strongPower.toFixed(4)}, solving in mode "${mode}": target power ${target} taken ` +
          `(${await page.textContent("#status")})`);
  }

  // ------------------------------------- an endpoint's Survival tab
  // No curves, calendar or note for a normal endpoint, and none of the seed
  // trial's captions left when its link follows the seed in one document.
  await page.goto(pageUrl);
  await page.click("#reset-seed");
  await page.click("[data-tab=survival]");
  await page.waitForFunction(() => document.getElementById("power-caption").textContent !== "");
  await page.evaluate((hash) => { location.hash = hash; },
                      "#config=" + Buffer.from(JSON.stringify(normalTrial)).toString("base64url"));
  await page.waitForFunction(() => document.getElementById("survival-absent-text").textContent.includes("patients"));
  const visibleCards = await page.$$eval("#tab-survival .outputs > .card", (ns) =>
    ns.filter((n) => n.getClientRects().length > 0).map((n) => n.id || n.querySelector("h2")?.textContent || n.tagName));
  const captions = await page.$$eval("#tab-survival figcaption", (ns) => ns.map((n) => n.textContent).join(""));
  check(visibleCards.length === 0 && captions === "",
        `normal endpoint after the seed trial: no survival cards shown (${visibleCards.join("; ")}), ` +
        `no stale caption (${captions.slice(0, 60)})`);

  check(errors.length === 0, "no script error" + (errors.length ? ": " + errors.join("; ") : ""));
} finally {
  await context.close();
  rmSync(profile, {recursive: true, force: true});
}
const failures = done();
console.log(failures ? `form test: ${failures} failed` : "form test: all passed");
process.exit(failures ? 1 : 0);
