// The WebAssembly engine (built without OpenMP, run by Node.js) against the
// golden outputs of the native command line (tests/golden/): every case of
// tests/golden/cases.txt, JSON value for value and CSV field for field.
// Simulations among them check that the single-threaded simulator draws the
// same trials as the OpenMP build. For each design, the boundaries alone
// (what the page draws at once) match the golden design's; for Simon's
// two-stage design, which has none, that call's whole result does.
//   node web/test/engine_check.mjs build/web-wasm/gsd_web.js
import {createRequire} from "node:module";
import {readFileSync} from "node:fs";
import {join, resolve} from "node:path";
import {compareCsv, compareJson, describe} from "./compare.mjs";

const enginePath = process.argv[2];
if (!enginePath) {
  console.error("usage: node web/test/engine_check.mjs ENGINE.js");
  process.exit(2);
}
const root = resolve(new URL("../..", import.meta.url).pathname);
const golden = join(root, "tests", "golden");
const M = await createRequire(import.meta.url)(resolve(enginePath))();
const call = (name, config) => {
  const types = name === "gsd_web_design" ? ["string", "number"] : ["string"];
  const reply = JSON.parse(M.ccall(name, "string", types, [JSON.stringify(config), 0]));
  if (reply.error) throw new Error(reply.error.message);
  return reply;
};

// The command-line options of the cases, as the config's simulation section
// (a request and the section give the same run; --threads changes nothing).
function withOptions(config, extra) {
  const args = extra.trim() ? extra.trim().split(/\s+/) : [];
  const keys = {"--replicates": "replicates", "--seed": "seed", "--max-duration": "max_duration"};
  for (let i = 0; i < args.length; i += 2) {
    if (args[i] === "--threads") continue;
    if (!(args[i] in keys)) throw new Error(`option ${args[i]} is not supported here`);
    config.simulation = Object.assign({}, config.simulation, {[keys[args[i]]]: Number(args[i + 1])});
  }
  return config;
}

let failures = 0;
let cases = 0;
for (const line of readFileSync(join(golden, "cases.txt"), "utf8").split("\n")) {
  if (!line.trim() || line.trim().startsWith("#")) continue;
  const [name, command, input, extra] = line.split("|").map((s) => s.trim());
  const config = withOptions(JSON.parse(readFileSync(join(root, input), "utf8")), extra || "");
  const fn = {design: "gsd_web_design", simulate: "gsd_web_simulate", monitor: "gsd_web_monitor"}[command];
  cases += 1;
  try {
    const reply = call(fn, config);
    const json = compareJson(JSON.parse(reply.result_text), JSON.parse(readFileSync(join(golden, "expected", `${name}.json`), "utf8")),
                             {subset: true});
    const csv = compareCsv(reply.csv, readFileSync(join(golden, "expected", `${name}.csv`), "utf8"));
    let ok = !json.bad.length && !csv.bad.length;
    let boundaries = "";
    if (command === "design" && config.design && config.design.type === "simon-two-stage") {
      // Simon's two-stage design has no boundaries: the page's call at once
      // gives its whole result, the golden JSON value for value
      const want = JSON.parse(readFileSync(join(golden, "expected", `${name}.json`), "utf8"));
      const fast = call("gsd_web_boundaries", config);
      const whole = compareJson(JSON.parse(fast.result_text), want);
      ok = ok && !whole.bad.length && fast.complete === true;
      boundaries = `; the call at once: whole result ${describe(whole)}${fast.complete === true ? "" : ", not 'complete'"}`;
    } else if (command === "design") {
      // the page's redraw at once: the same boundaries, and the whole design
      // when there is no survival model
      const want = JSON.parse(readFileSync(join(golden, "expected", `${name}.json`), "utf8"));
      const fast = call("gsd_web_boundaries", config);
      const got = JSON.parse(fast.result_text);
      // A whole-number plan recomputes its bounds at the whole events; what
      // the page draws at once is the continuous design, kept beside it.
      const b = compareJson(got.boundaries, (want.continuous ?? want).boundaries);
      const complete = !("sample_size" in want);
      ok = ok && !b.bad.length && fast.complete === complete && !("sample_size" in got);
      boundaries = `; boundaries alone ${describe(b)}${fast.complete === complete ? "" : ", wrong 'complete'"}`;
    }
    if (!ok) failures += 1;
    console.log(`${ok ? "ok  " : "FAIL"} ${name}: json ${describe(json)}; csv ${describe(csv)}${boundaries}`);
  } catch (e) {
    failures += 1;
    console.log(`FAIL ${name}: ${e.message}`);
  }
}
console.log(failures ? `engine check: ${failures} of ${cases} cases failed` : `engine check: all ${cases} cases match`);
process.exit(failures ? 1 : 0);
