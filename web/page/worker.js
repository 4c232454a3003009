// The page's Web Worker: the same engine, for the work that takes longer
// than a redraw (a simulation; a survival plan; the power against the hazard
// ratio). It is started from a Blob of this file, which works from file://
// too, and its first message brings the engine's script and its compiled
// WebAssembly: {kind: "engine", source, wasmModule}. Then messages in: {id, kind: "simulate" | "design" |
// "power-curve", config: JSON text}. Messages out: {id, kind: "progress",
// done} while a simulation runs, then {id, kind, reply: JSON text from the
// engine}.
/* global createGsdModule */
"use strict";

let currentId = null;
let engine = null;

self.onmessage = async (event) => {
  if (event.data.kind === "engine") {
    // the script defines createGsdModule in the worker's global scope
    (0, eval)(event.data.source);
    const wasmModule = event.data.wasmModule;
    engine = createGsdModule({
      instantiateWasm(imports, receive) {
        WebAssembly.instantiate(wasmModule, imports).then((instance) => receive(instance, wasmModule));
        return {};
      },
      onSimulationProgress(done) {
        postMessage({id: currentId, kind: "progress", done});
      },
    });
    return;
  }
  const {id, kind, config} = event.data;
  const M = await engine;
  currentId = id;
  let reply;
  if (kind === "simulate") {
    reply = M.ccall("gsd_web_simulate", "string", ["string"], [config]);
  } else if (kind === "design") {
    reply = M.ccall("gsd_web_design", "string", ["string", "number"], [config, 0]);
  } else if (kind === "power-curve") {
    reply = M.ccall("gsd_web_design", "string", ["string", "number"], [config, 1]);
  } else {
    reply = JSON.stringify({error: {kind: "input", message: "unknown request " + kind, path: ""}});
  }
  postMessage({id, kind, reply});
};
