// Comparing the page's numbers with the command line's. The WebAssembly and
// native builds differ in the last bits of exp, log and the normal tails (the
// native build vectorises with AVX2 and uses glibc; WebAssembly runs scalar
// code on musl). The engine's coarsest root search, the look-time bins of the
// event-driven power, stops at a relative 2^-30 (about 1e-9), so a survival
// plan's power, and what is derived from it, may move by about that between
// builds. 1e-7 leaves room for that and is ten times below the accuracy
// target (1e-6 in z); the page shows 4 to 6 digits. Integers, strings,
// booleans and nulls must be equal.
export const kRelative = 1e-7;
// The unrounded patients and events of a survival solve are roots found to
// 2^-16 relative (survival/src/sample_size.cpp): two builds may land anywhere
// within that of the true root, so twice it apart.
export const kUnroundedRelative = 2 ** -15;
const isUnrounded = (name) => name.endsWith("_unrounded");

function numbersClose(got, want, relative = kRelative) {
  if (got === want) return true;
  if (Number.isInteger(want) && Math.abs(want) > 1) return false;  // counts are exact
  return Math.abs(got - want) <= relative * Math.abs(want);
}

// Walks `want`; with `subset`, `got` may hold more keys (as the golden test
// allows new keys). Returns {numbers, identical, maxRelative, bad: [...]}.
export function compareJson(got, want, {subset = false} = {}) {
  const stats = {numbers: 0, identical: 0, maxRelative: 0, bad: []};
  const walk = (g, w, path) => {
    if (typeof w === "number" && typeof g === "number") {
      stats.numbers += 1;
      if (g === w) stats.identical += 1;
      else stats.maxRelative = Math.max(stats.maxRelative, Math.abs(g - w) / Math.max(Math.abs(w), 1e-300));
      if (!numbersClose(g, w, isUnrounded(path) ? kUnroundedRelative : kRelative)) {
        stats.bad.push(`${path}: ${g} vs ${w}`);
      }
      return;
    }
    if (w === null || typeof w !== "object" || g === null || typeof g !== "object" ||
        Array.isArray(g) !== Array.isArray(w)) {
      if (g !== w) stats.bad.push(`${path}: ${JSON.stringify(g)} vs ${JSON.stringify(w)}`);
      return;
    }
    if (Array.isArray(w) && g.length !== w.length) stats.bad.push(`${path}: length ${g.length} vs ${w.length}`);
    const keys = subset ? Object.keys(w) : [...new Set([...Object.keys(w), ...Object.keys(g)])];
    for (const k of keys) {
      if (!(k in g) || !(k in w)) stats.bad.push(`${path}.${k}: present on one side only`);
      else walk(g[k], w[k], `${path}.${k}`);
    }
  };
  walk(got, want, "$");
  return stats;
}

// CSV text field by field: numbers as above, everything else exactly.
export function compareCsv(got, want) {
  const stats = {numbers: 0, identical: 0, maxRelative: 0, bad: []};
  const g = got.split("\n");
  const w = want.split("\n");
  if (g.length !== w.length) stats.bad.push(`${g.length} lines vs ${w.length}`);
  const header = w[0].split(",");
  for (let i = 0; i < Math.min(g.length, w.length); ++i) {
    const gf = g[i].split(",");
    const wf = w[i].split(",");
    if (gf.length !== wf.length) {
      stats.bad.push(`line ${i + 1}: ${g[i]} vs ${w[i]}`);
      continue;
    }
    wf.forEach((field, j) => {
      const a = Number(gf[j]);
      const b = Number(field);
      if (field !== "" && Number.isFinite(b) && Number.isFinite(a) && gf[j] !== "") {
        stats.numbers += 1;
        if (gf[j] === field) stats.identical += 1;
        else stats.maxRelative = Math.max(stats.maxRelative, Math.abs(a - b) / Math.max(Math.abs(b), 1e-300));
        if (!numbersClose(a, b, isUnrounded(header[j] || "") ? kUnroundedRelative : kRelative)) stats.bad.push(`line ${i + 1} field ${j + 1}: ${gf[j]} vs ${field}`);
      } else if (gf[j] !== field) {
        stats.bad.push(`line ${i + 1} field ${j + 1}: ${gf[j]} vs ${field}`);
      }
    });
  }
  return stats;
}

export function describe(stats) {
  return `${stats.numbers} numbers, ${stats.identical} identical as printed, largest relative difference ` +
         `${stats.maxRelative.toExponential(1)}` + (stats.bad.length ? `\n     ${stats.bad.slice(0, 5).join("\n     ")}` : "");
}
