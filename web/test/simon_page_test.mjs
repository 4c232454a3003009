// Simon's two-stage design in the page, in a real browser (Debian's
// Chromium, driven by playwright-core, as page_test.mjs): the example opened
// from a link shows its rules, designs and operating characteristics as
// `gsd design` gives them, its inputs write their keys, and opened as a file
// over the group-sequential page it takes the Design tab, from which the seed
// trial brings that page back.
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
const {work, check, gsd, gsdText, gsdRefusal, sameJson, sameCsv, downloadOf, done} = harness(gsdPath);
const pageUrl = pathToFileURL(resolve(pagePath)).href;
const seed = JSON.parse(readFileSync(join(root, "configs/blinatumomab-20120215.json"), "utf8"));

// Simon's two-stage design (examples/single-arm), a design without bounds.
// Opened from a #config= link in a page of its own: the chosen design's rules
// in words, the admissible designs and the operating characteristics as
// `gsd design` gives them, the chart, the CSV, the tabs that do not apply
// hidden with the command line's words for why, its inputs (the criterion,
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
        !(await visible("[data-tab=monitoring]")) && await visible("#simon-form") && !(await visible("#looks-slider")) &&
        !(await visible("#chart-bounds")) && await visible("#tab-design"),
        "Simon: its own inputs; no bounds, spending form, Survival, Simulation or Monitoring tab");
  for (const command of ["simulate", "monitor"]) {
    const refusal = gsdRefusal(command, simonConfig);
    check(refusal.status === 2 && `error: ${(await sp.textContent(`#note-simon-exact [data-refusal=${command}]`))
      .replace(`gsd ${command}: `, "")}` === refusal.message,
          `Simon: nothing to ${command}, in the command line's words (${refusal.message.slice(0, 60)}...)`);
  }
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

const {profile, context} = await launch();
try {
  // The seed trial's page on its Simulation tab, where the file is opened.
  const page = await context.newPage();
  page.setDefaultTimeout(60000);
  await page.goto(pageUrl);
  await page.waitForFunction(() => document.getElementById("gsd-result").textContent.includes('"sample_size"'));
  await page.click("[data-tab=simulation]");
  await checkSimon(context, page);
} finally {
  await context.close();
  rmSync(profile, {recursive: true, force: true});
}
const failures = done();
console.log(failures ? `Simon page test: ${failures} failed` : "Simon page test: all passed");
process.exit(failures ? 1 : 0);
