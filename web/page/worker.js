// The page's Web Worker: the same engine, for the work that takes longer
// than a redraw (a simulation; the power against the hazard ratio). It is
// started from a Blob of the engine's script plus this file, which works
// from file:// too. Messages in: {id, kind: "simulate" | "power-curve",
// config: JSON text}. Messages out: {id, kind: "progress", done} while a
// simulation runs, then {id, kind, reply: JSON text from the engine}.
/* global createGsdModule */
"use strict";

let currentId = null;
const engine = createGsdModule({
  onSimulationProgress(done) {
    postMessage({id: currentId, kind: "progress", done});
  },
});

self.onmessage = async (event) => {
  const {id, kind, config} = event.data;
  const M = await engine;
  currentId = id;
  let reply;
  if (kind === "simulate") {
    reply = M.ccall("gsd_web_simulate", "string", ["string"], [config]);
  } else if (kind === "power-curve") {
    reply = M.ccall("gsd_web_design", "string", ["string", "number"], [config, 1]);
  } else {
    reply = JSON.stringify({error: {kind: "input", message: "unknown request " + kind, path: ""}});
  }
  postMessage({id, kind, reply});
};
