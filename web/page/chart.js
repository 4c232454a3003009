// SVG charts drawn by the page itself: lines, steps, markers, reference
// lines and grouped bars on linear or log axes. The data always come from
// the engine (plot data and results); this file only places them.

const SVG_NS = "http://www.w3.org/2000/svg";

function svgEl(name, attrs, text) {
  const el = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v !== undefined && v !== null) el.setAttribute(k, v);
  }
  if (text !== undefined) el.textContent = text;
  return el;
}

// Tick values at 1, 2 or 5 times a power of ten, about `count` of them.
function niceTicks(lo, hi, count) {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / Math.max(1, count);
  const mag = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) || 10 * mag;
  const ticks = [];
  for (let v = Math.ceil(lo / step - 1e-9) * step; v <= hi + step * 1e-9; v += step) {
    ticks.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  }
  return ticks;
}

// As many decimals as the step needs (0.025 needs three, 0.02 two), so
// that no tick is rounded onto another value.
function tickLabel(v, step) {
  if (v === 0) return "0";
  let digits = 0;
  while (digits < 6 && Math.abs(step * 10 ** digits - Math.round(step * 10 ** digits)) > 1e-6 * step * 10 ** digits) {
    ++digits;
  }
  return v.toFixed(digits);
}

// Ticks within [lo, hi] for a log axis: powers of ten (thinned to at most
// 7), or 1, 2 and 5 times them when the range spans less than two decades.
function logTicks(lo, hi) {
  const a = Math.floor(Math.log10(lo));
  const b = Math.ceil(Math.log10(hi));
  const mantissas = b - a <= 2 ? [1, 2, 5] : [1];
  const every = Math.max(1, Math.ceil((b - a + 1) / 7));
  const out = [];
  for (let e = a; e <= b; e += every) {
    for (const m of mantissas) {
      const v = m * Math.pow(10, e);
      if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) out.push(v);
    }
  }
  return out;
}

function logTickLabel(v) {
  const e = Math.floor(Math.log10(v) + 1e-9);
  return e >= -4 ? String(+v.toPrecision(1)) : v.toExponential(0);
}

function extent(values, fallback) {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v === null || v === undefined || !Number.isFinite(v)) continue;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  return lo <= hi ? [lo, hi] : fallback;
}

// One axis: domain [min, max] on a linear or log scale mapped to [a, b].
function makeScale(axis, a, b) {
  const log = !!axis.log;
  const f = log ? Math.log10 : (v) => v;
  const d0 = f(axis.min);
  const d1 = f(axis.max);
  const scale = (v) => a + ((f(v) - d0) / (d1 - d0 || 1)) * (b - a);
  scale.ticks = log ? logTicks(axis.min, axis.max) : niceTicks(axis.min, axis.max, axis.tickCount || 5);
  const step = scale.ticks.length > 1 ? scale.ticks[1] - scale.ticks[0] : 1;
  scale.label = axis.tickFormat || (log ? logTickLabel : (v) => tickLabel(v, step));
  scale.inside = (v) => v !== null && Number.isFinite(v) && (!log || v > 0);
  return scale;
}

// Fills in min and max from the data where the spec leaves them out, with a
// little headroom on linear axes.
function resolveAxis(axis, values) {
  const out = Object.assign({}, axis);
  const positive = axis.log ? values.filter((v) => v > 0) : values;
  const [lo, hi] = extent(positive, axis.log ? [1e-4, 1] : [0, 1]);
  if (out.min === undefined) out.min = axis.log ? lo / 1.5 : lo - (hi - lo) * 0.05;
  if (out.max === undefined) out.max = axis.log ? hi * 1.5 : hi + (hi - lo) * 0.05;
  if (!(out.max > out.min)) out.max = out.min + (axis.log ? out.min * 9 : 1);
  return out;
}

// Draws a chart into `host` (emptied first). spec:
//   {title, x: axis, y: axis, series: [{name, x, y, color, dash, step, width,
//    markers, opacity}], points: [{x, y, color, label, shape}],
//    hlines: [{y, color, dash, label}], vlines: [{x, color, dash, label}],
//    bars: {groups: [labels], series: [{name, values, color}]}}
// axis: {label, min, max, log, tickCount, tickFormat}.
// Reads the width of every chart host in `panel` at once, before anything
// is drawn: reading one after each change to the page would make the
// browser lay it out again each time.
function measureChartHosts(panel) {
  const hosts = [...panel.querySelectorAll(".chart-host")];
  const widths = hosts.map((h) => h.clientWidth);
  hosts.forEach((h, i) => {
    h.dataset.width = String(widths[i]);
  });
}

// The drawing has the host's width in CSS pixels, so its text keeps the
// page's type size (larger in projector mode); its height follows `aspect`.
function drawChart(host, spec) {
  const W = Math.max(300, Number(host.dataset.width) || host.clientWidth || 640);
  const H = Math.round(Math.min(480, Math.max(250, W * (spec.aspect || 0.62))));
  const legendItems = [...(spec.series || []).filter((s) => s.name), ...(spec.bars ? spec.bars.series : [])];
  const m = {left: 64, right: 16, top: spec.title ? 30 : 12, bottom: legendItems.length ? 74 : 50};
  const svg = svgEl("svg", {viewBox: `0 0 ${W} ${H}`, class: "chart", role: "img"});
  if (spec.title) svg.appendChild(svgEl("title", {}, spec.title));
  const xs = [];
  const ys = [];
  for (const s of spec.series || []) {
    xs.push(...s.x);
    ys.push(...s.y);
  }
  for (const p of spec.points || []) {
    xs.push(p.x);
    ys.push(p.y);
  }
  for (const h of spec.hlines || []) ys.push(h.y);
  for (const v of spec.vlines || []) xs.push(v.x);
  const bars = spec.bars;
  if (bars) for (const s of bars.series) ys.push(...s.values, 0);
  const yAxis = resolveAxis(spec.y, ys);
  const x = bars ? null : makeScale(resolveAxis(spec.x, xs), m.left, W - m.right);
  const y = makeScale(yAxis, H - m.bottom, m.top);

  const frame = svgEl("g", {class: "frame"});
  svg.appendChild(frame);
  for (const t of y.ticks) {
    const py = y(t);
    frame.appendChild(svgEl("line", {x1: m.left, x2: W - m.right, y1: py, y2: py, class: "grid"}));
    frame.appendChild(svgEl("text", {x: m.left - 6, y: py + 4, class: "tick", "text-anchor": "end"}, y.label(t)));
  }
  if (x) {
    for (const t of x.ticks) {
      const px = x(t);
      frame.appendChild(svgEl("line", {x1: px, x2: px, y1: m.top, y2: H - m.bottom, class: "grid"}));
      frame.appendChild(svgEl("text", {x: px, y: H - m.bottom + 18, class: "tick", "text-anchor": "middle"}, x.label(t)));
    }
  }
  frame.appendChild(svgEl("rect", {x: m.left, y: m.top, width: W - m.left - m.right, height: H - m.top - m.bottom, class: "plot-area"}));
  if (spec.title) svg.appendChild(svgEl("text", {x: m.left, y: 18, class: "chart-title"}, spec.title));
  if (spec.x && spec.x.label) {
    svg.appendChild(svgEl("text", {x: (m.left + W - m.right) / 2, y: H - m.bottom + 38, class: "axis-label", "text-anchor": "middle"}, spec.x.label));
  }
  if (spec.y.label) {
    svg.appendChild(svgEl("text", {x: 14, y: (m.top + H - m.bottom) / 2, class: "axis-label", "text-anchor": "middle",
                                   transform: `rotate(-90 14 ${(m.top + H - m.bottom) / 2})`}, spec.y.label));
  }

  const clipId = "clip" + Math.random().toString(36).slice(2);
  const clip = svgEl("clipPath", {id: clipId});
  // A little wider than the frame, so that markers on its edges stay whole.
  const pad = 8;
  clip.appendChild(svgEl("rect", {x: m.left - pad, y: m.top - pad, width: W - m.left - m.right + 2 * pad,
                                  height: H - m.top - m.bottom + 2 * pad}));
  svg.appendChild(clip);
  const plot = svgEl("g", {"clip-path": `url(#${clipId})`});
  svg.appendChild(plot);

  if (bars) drawBars(plot, svg, bars, y, m, W, H);
  for (const h of spec.hlines || []) {
    if (!y.inside(h.y)) continue;
    plot.appendChild(svgEl("line", {x1: m.left, x2: W - m.right, y1: y(h.y), y2: y(h.y), stroke: h.color || "#777",
                                    "stroke-dasharray": h.dash || "4 4", class: "ref"}));
    if (h.label) plot.appendChild(svgEl("text", {x: W - m.right - 4, y: y(h.y) - 4, class: "ref-label", "text-anchor": "end", fill: h.color || "#555"}, h.label));
  }
  for (const v of spec.vlines || []) {
    if (!x || !x.inside(v.x)) continue;
    plot.appendChild(svgEl("line", {x1: x(v.x), x2: x(v.x), y1: m.top, y2: H - m.bottom, stroke: v.color || "#777",
                                    "stroke-dasharray": v.dash || "4 4", class: "ref"}));
    if (v.label) plot.appendChild(svgEl("text", {x: x(v.x) + 3, y: m.top + 12, class: "ref-label", fill: v.color || "#555"}, v.label));
  }
  for (const s of spec.series || []) drawSeries(plot, s, x, y);
  for (const p of spec.points || []) {
    if (!x.inside(p.x) || !y.inside(p.y)) continue;
    plot.appendChild(marker(p.shape || "circle", x(p.x), y(p.y), p.color || "#000", p.size || 5));
    if (p.label) plot.appendChild(svgEl("text", {x: x(p.x) + 7, y: y(p.y) - 7, class: "point-label", fill: p.color || "#000"}, p.label));
  }
  drawLegend(svg, legendItems, m, W, H);
  host.replaceChildren(svg);
  return svg;
}

function marker(shape, cx, cy, color, r) {
  if (shape === "square") return svgEl("rect", {x: cx - r, y: cy - r, width: 2 * r, height: 2 * r, fill: color});
  if (shape === "diamond") {
    return svgEl("polygon", {points: `${cx},${cy - r - 1} ${cx + r + 1},${cy} ${cx},${cy + r + 1} ${cx - r - 1},${cy}`, fill: color});
  }
  if (shape === "ring") return svgEl("circle", {cx, cy, r, fill: "white", stroke: color, "stroke-width": 2});
  return svgEl("circle", {cx, cy, r, fill: color});
}

// A polyline broken at nulls; `step` draws a right-continuous step function.
function drawSeries(g, s, x, y) {
  let d = "";
  let open = false;
  let prev = null;
  for (let i = 0; i < s.x.length; ++i) {
    const xv = s.x[i];
    const yv = s.y[i];
    if (!x.inside(xv) || !y.inside(yv)) {
      open = false;
      prev = null;
      continue;
    }
    const px = x(xv).toFixed(2);
    const py = y(yv).toFixed(2);
    if (!open) d += `M${px},${py}`;
    else if (s.step && prev !== null) d += `H${px}V${py}`;
    else d += `L${px},${py}`;
    open = true;
    prev = py;
  }
  if (d) {
    g.appendChild(svgEl("path", {d, fill: "none", stroke: s.color || "#000", "stroke-width": s.width || 2.5,
                                 "stroke-dasharray": s.dash, opacity: s.opacity, class: s.thin ? "series thin" : "series"}));
  }
  if (s.markers) {
    for (let i = 0; i < s.x.length; ++i) {
      if (x.inside(s.x[i]) && y.inside(s.y[i])) g.appendChild(marker(s.markers, x(s.x[i]), y(s.y[i]), s.color || "#000", 5));
    }
  }
}

function drawBars(g, svg, bars, y, m, W, H) {
  const n = bars.groups.length;
  const k = bars.series.length;
  const band = (W - m.left - m.right) / n;
  const bw = (band * 0.7) / k;
  bars.groups.forEach((label, i) => {
    const x0 = m.left + i * band + band * 0.15;
    svg.appendChild(svgEl("text", {x: m.left + (i + 0.5) * band, y: H - m.bottom + 18, class: "tick", "text-anchor": "middle"}, label));
    bars.series.forEach((s, j) => {
      const v = s.values[i];
      if (v === null || !Number.isFinite(v)) return;
      const top = y(Math.max(v, 0));
      g.appendChild(svgEl("rect", {x: x0 + j * bw, y: top, width: bw * 0.92, height: Math.max(0, y(0) - top), fill: s.color}));
    });
  });
}

// One row under the x axis, left to right; wraps to a second row if needed.
function drawLegend(svg, series, m, W, H) {
  if (!series.length) return;
  const g = svgEl("g", {class: "legend"});
  let px = m.left;
  let py = H - 10;
  for (const s of series) {
    const width = 34 + 7.4 * s.name.length;
    if (px + width > W - m.right && px > m.left) {
      px = m.left;
      py += 18;
    }
    g.appendChild(svgEl("line", {x1: px, x2: px + 24, y1: py - 5, y2: py - 5, stroke: s.color || "#000",
                                 "stroke-width": 4, "stroke-dasharray": s.dash}));
    g.appendChild(svgEl("text", {x: px + 30, y: py, class: "legend-label"}, s.name));
    px += width + 14;
  }
  svg.appendChild(g);
}
