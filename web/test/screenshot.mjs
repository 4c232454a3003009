// A screenshot of one tab of the page, as in docs/web.md.
//   node web/test/screenshot.mjs PAGE.html OUT.png [design|survival|simulation|monitoring]
import {mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {pathToFileURL} from "node:url";
import {chromium} from "playwright-core";

const [pagePath, out, tab = "survival"] = process.argv.slice(2);
if (!out) {
  console.error("usage: node web/test/screenshot.mjs PAGE.html OUT.png [TAB]");
  process.exit(2);
}
const profile = mkdtempSync(join(tmpdir(), "gsd-page-profile-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.GSD_CHROMIUM || "/usr/bin/chromium",
  headless: true,
  viewport: {width: 1400, height: 1000},
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run"],
});
try {
  const page = await context.newPage();
  await page.goto(pathToFileURL(resolve(pagePath)).href);
  await page.waitForSelector("body[data-ready='1']");
  await page.click(`[data-tab=${tab}]`);
  if (tab === "survival") await page.waitForSelector("#chart-power path.series", {timeout: 60000});
  if (tab === "monitoring") await page.click("#committee-look");
  await page.screenshot({path: out});
} finally {
  await context.close();
  rmSync(profile, {recursive: true, force: true});
}
