// What the browser tests share: Debian's Chromium with a fresh profile, the
// command line run on the page's own config, and checks that print one line
// each and are counted.
import {execFileSync} from "node:child_process";
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {chromium} from "playwright-core";
import {compareCsv, compareJson, describe} from "./compare.mjs";

export const root = resolve(new URL("../..", import.meta.url).pathname);

// A browser of its own: Debian's Chromium with a fresh profile.
export async function launch() {
  const profile = mkdtempSync(join(tmpdir(), "gsd-page-profile-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.GSD_CHROMIUM || "/usr/bin/chromium",
    headless: true,
    viewport: {width: 1280, height: 900},
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
           "--disable-sync", "--no-first-run"],
  });
  return {profile, context};
}

// The config of a page's #config= link.
export function configOfUrl(url) {
  const b64 = new URL(url).hash.replace(/^#config=/, "").replace(/-/g, "+").replace(/_/g, "/");
  return JSON.parse(Buffer.from(b64, "base64").toString("utf8"));
}

export const cell = (page, table, row, col) =>
  page.textContent(`#${table} tbody tr:nth-child(${row}) > :nth-child(${col})`);

// #gsd-result, once the survival plan of the last edit has come from its worker.
export async function designResult(page) {
  await page.waitForSelector("#gsd-result:not([data-pending])", {state: "attached"});
  return JSON.parse(await page.textContent("#gsd-result"));
}

// The checks of one test program, against the command line GSD_PATH, with a
// scratch folder of their own (removed by done()).
export function harness(gsdPath) {
  const work = mkdtempSync(join(tmpdir(), "gsd-page-test-"));
  let failures = 0;
  function check(ok, what) {
    console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
    if (!ok) failures += 1;
  }

  // The command line's JSON for a config.
  function gsd(command, config, ...args) {
    const file = join(work, `config-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(file, JSON.stringify(config));
    return JSON.parse(execFileSync(gsdPath, [command, file, "--format", "json", ...args], {encoding: "utf8"}));
  }

  // The command line's output as text, for a config file.
  function gsdText(command, file, ...args) {
    return execFileSync(gsdPath, [command, file, ...args], {encoding: "utf8", stdio: ["ignore", "pipe", "pipe"]});
  }

  // The command line's refusal of a config: its exit status and its stderr.
  function gsdRefusal(command, config) {
    const file = join(work, `refused-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(file, JSON.stringify(config));
    try {
      gsdText(command, file, "--format", "json");
      return {status: 0, message: ""};
    } catch (e) {
      return {status: e.status, message: String(e.stderr).trim()};
    }
  }

  // Value for value, to the tolerance of compare.mjs.
  function sameJson(got, want, what) {
    const stats = compareJson(got, want);
    check(stats.bad.length === 0, `${what}: ${describe(stats)}`);
  }

  function sameCsv(got, want, what) {
    const stats = compareCsv(got, want);
    check(stats.bad.length === 0 && stats.numbers > 0, `${what}: ${describe(stats)}`);
  }

  // What a click downloads: the file's suggested name, its text, and a copy in
  // the scratch folder for the command line.
  async function downloadOf(page, selector) {
    const [download] = await Promise.all([page.waitForEvent("download"), page.click(selector)]);
    const name = download.suggestedFilename();
    const file = join(work, `download-${Math.random().toString(36).slice(2)}-${name}`);
    await download.saveAs(file);
    return {name, file, text: readFileSync(file, "utf8")};
  }

  // Export config: the file the page saves, and what the command line makes of it.
  async function exportedConfig(page, what) {
    const exported = await downloadOf(page, "#export-config");
    check(JSON.stringify(JSON.parse(exported.text)) === JSON.stringify(configOfUrl(page.url())),
          `${what}: Export config saves the page's config (${exported.name})`);
    return exported.file;
  }

  // Removes the scratch folder; the number of failed checks.
  function done() {
    rmSync(work, {recursive: true, force: true});
    return failures;
  }

  return {work, check, gsd, gsdText, gsdRefusal, sameJson, sameCsv, downloadOf, exportedConfig, done};
}
