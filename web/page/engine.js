// The engine, on the page's thread for what redraws at once (a design, a
// monitoring look) and in Web Workers for what takes longer (a simulation,
// the power curve). Every call passes the config as JSON text and gets back
// the engine's reply, parsed: {result, result_text, csv, plot} or {error}.
/* global createGsdModule */

function parseReply(text) {
  const reply = JSON.parse(text);
  if (reply.result_text !== undefined) reply.result = JSON.parse(reply.result_text);
  return reply;
}

// The engine's WebAssembly, gzip-compressed in the page as base64
// (build_page.mjs), as a Response that inflates it.
function wasmResponse() {
  const text = document.getElementById("gsd-wasm").textContent.trim();
  let gzipped;
  if (Uint8Array.fromBase64) {
    gzipped = Uint8Array.fromBase64(text);
  } else {
    const raw = atob(text);
    gzipped = new Uint8Array(raw.length);
    for (let i = 0; i < raw.length; ++i) gzipped[i] = raw.charCodeAt(i);
  }
  const body = new Response(gzipped).body.pipeThrough(new DecompressionStream("gzip"));
  return new Response(body, {headers: {"Content-Type": "application/wasm"}});
}

// Emscripten's hook for instantiating a module compiled elsewhere.
function instantiateFrom(wasmModule) {
  return (imports, receive) => {
    WebAssembly.instantiate(wasmModule, imports).then((instance) => receive(instance, wasmModule));
    return {};
  };
}

const Engine = {
  module: null,
  wasmModule: null,  // compiled once, shared with the workers

  async start() {
    // The whole module inflated first, then compiled off this thread:
    // compiling it while it streams from the DecompressionStream costs the
    // page's thread a step per chunk.
    this.wasmModule = await WebAssembly.compile(await wasmResponse().arrayBuffer());
    this.module = await createGsdModule({instantiateWasm: instantiateFrom(this.wasmModule)});
    this.version = this.module.ccall("gsd_web_version", "string", [], []);
  },

  call(name, types, args) {
    return parseReply(this.module.ccall(name, "string", types, args));
  },

  // plot data without the power curve, which BackgroundEngine computes
  design(configText) {
    return this.call("gsd_web_design", ["string", "number"], [configText, 0]);
  },

  // the boundaries alone (complete: the whole design when there is no survival model)
  boundaries(configText) {
    return this.call("gsd_web_boundaries", ["string"], [configText]);
  },

  monitor(configText) {
    return this.call("gsd_web_monitor", ["string"], [configText]);
  },

  monitorReport(configText, generatedAt) {
    return this.call("gsd_web_monitor_report", ["string", "string"], [configText, generatedAt]);
  },

  // exactly what `gsd <command> --format json` prints, as {result, result_text}
  run(configText, command) {
    return this.call("gsd_web_run", ["string", "string"], [configText, command]);
  },
};

// A worker is started from a small Blob of worker.js and sent the engine's
// script and the compiled WebAssembly module as a message (a Blob of the
// engine with its WebAssembly inlined, 1.4 MB, cost the page's thread some
// 100 ms to make, and each worker compiled the WebAssembly again).
let workerUrl = null;
let engineSource = null;

// One Web Worker running the engine. A request returns a promise of the
// reply; cancel() ends the worker at once (a page opened from file:// cannot
// share memory with a worker, so there is no gentler way to interrupt a
// running call) and the next request starts a fresh one.
class BackgroundEngine {
  constructor() {
    this.worker = null;
    this.nextId = 1;
    this.pending = new Map();
  }

  ensure() {
    if (this.worker) return;
    if (!workerUrl) {
      workerUrl = URL.createObjectURL(new Blob([document.getElementById("gsd-worker").textContent],
                                               {type: "text/javascript"}));
      engineSource = document.getElementById("gsd-engine").textContent;
    }
    this.worker = new Worker(workerUrl);
    this.worker.postMessage({kind: "engine", source: engineSource, wasmModule: Engine.wasmModule});
    this.worker.onmessage = (event) => {
      const {id, kind, done, reply} = event.data;
      const job = this.pending.get(id);
      if (!job) return;
      if (kind === "progress") {
        if (job.onProgress) job.onProgress(done);
        return;
      }
      this.pending.delete(id);
      try {
        job.resolve(parseReply(reply));
      } catch (e) {
        job.reject(e);
      }
    };
    this.worker.onerror = (event) => {
      for (const job of this.pending.values()) job.reject(new Error(event.message || "worker failed"));
      this.pending.clear();
      this.worker = null;
    };
  }

  request(kind, configText, onProgress) {
    this.ensure();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, {resolve, reject, onProgress});
      this.worker.postMessage({id, kind, config: configText});
    });
  }

  cancel() {
    if (this.worker) this.worker.terminate();
    this.worker = null;
    for (const job of this.pending.values()) job.reject(new Error("cancelled"));
    this.pending.clear();
  }
}
