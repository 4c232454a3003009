// Writes the page: one self-contained HTML file (docs/web.md) from the
// template web/page/index.html, its CSS and scripts, the seed config and the
// engine (Emscripten's JavaScript with the WebAssembly inlined).
//   node web/build_page.mjs ENGINE.js SEED_CONFIG.json OUT.html
import {createRequire} from "node:module";
import {mkdirSync, readFileSync, statSync, writeFileSync} from "node:fs";
import {dirname, join, resolve} from "node:path";
import {gzipSync} from "node:zlib";
import {fileURLToPath} from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const [enginePath, seedPath, outPath] = process.argv.slice(2);
if (!outPath) {
  console.error("usage: node web/build_page.mjs ENGINE.js SEED_CONFIG.json OUT.html");
  process.exit(2);
}

// Inline text must not end the <script> element that holds it.
function inlineSafe(name, text) {
  if (/<\/script/i.test(text)) throw new Error(`${name} contains "</script" and cannot be inlined`);
  return text;
}

// Replaces every `token` without String.replace's $-patterns (the engine's
// code is full of "$").
function put(text, token, value) {
  if (!text.includes(token)) throw new Error(`template has no ${token}`);
  return text.split(token).join(value);
}

// The WebAssembly, inlined by Emscripten as a base64 data URL, goes into an
// element of its own, gzip-compressed (1.4 MB of base64 becomes about 0.5):
// the browser's main thread decodes and tokenizes every byte of the page
// before it runs a script, some 200 ms for the uncompressed engine on the
// build machine. The page inflates it with the browser's DecompressionStream,
// compiles it once and hands the compiled module to its workers (engine.js).
const kWasmUrl = /"data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)"/;
const engineText = readFileSync(enginePath, "utf8");
const wasm = engineText.match(kWasmUrl);
if (!wasm || engineText.split(kWasmUrl).length !== 3) throw new Error("the engine has no single inlined WebAssembly data URL");
// (an empty data URL still tells Emscripten not to look for a file)
const engine = inlineSafe("the engine", engineText.replace(kWasmUrl, '"data:application/octet-stream;base64,"'));
// The version comes from the engine itself, so the page cannot claim another.
const createGsdModule = createRequire(import.meta.url)(resolve(enginePath));
const module = await createGsdModule();
const version = module.ccall("gsd_web_version", "string", [], []);

const seed = JSON.parse(readFileSync(seedPath, "utf8"));
const seedText = JSON.stringify(seed).replace(/<\//g, "<\\/");

let html = readFileSync(join(here, "page", "index.html"), "utf8");
// (a replacer function's result is inserted as it is, "$" included)
html = html.replace(/@INCLUDE ([\w.-]+)@/g, (_, name) =>
  inlineSafe(name, readFileSync(join(here, "page", name), "utf8")));
html = put(html, "@SEED_CONFIG@", seedText);
html = put(html, "@GSD_VERSION@", version);
html = put(html, "@ENGINE@", engine);
html = put(html, "@WASM_BASE64@", gzipSync(Buffer.from(wasm[1], "base64"), {level: 9}).toString("base64"));

mkdirSync(dirname(resolve(outPath)), {recursive: true});
writeFileSync(outPath, html);
const bytes = statSync(outPath).size;
console.error(`web: wrote ${outPath} (${(bytes / 1e6).toFixed(2)} MB, gsd ${version})`);
