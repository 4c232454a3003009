// The page's state is one gsd config (the JSON the command line reads). It
// lives in the URL fragment as #config=<base64url of the JSON text>, so a
// link reproduces the page, and the exported file is that same config.

const CONFIG_PREFIX = "#config=";

function base64urlEncode(text) {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function base64urlDecode(text) {
  let b64 = text.replace(/-/g, "+").replace(/_/g, "/");
  while (b64.length % 4) b64 += "=";
  const binary = atob(b64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; ++i) bytes[i] = binary.charCodeAt(i);
  return new TextDecoder("utf-8", {fatal: true}).decode(bytes);
}

// The config in the fragment, or null when there is none. Throws with a
// message for a person when the fragment is not base64url of a JSON object.
function configFromHash(hash) {
  if (!hash || !hash.startsWith(CONFIG_PREFIX)) return null;
  let text;
  try {
    text = base64urlDecode(hash.slice(CONFIG_PREFIX.length));
  } catch (e) {
    throw new Error("the link's #config= is not base64url text");
  }
  let config;
  try {
    config = JSON.parse(text);
  } catch (e) {
    throw new Error("the link's #config= does not hold JSON: " + e.message);
  }
  if (config === null || typeof config !== "object" || Array.isArray(config)) {
    throw new Error("the link's #config= must hold a JSON object");
  }
  return config;
}

function hashFromConfig(config) {
  return CONFIG_PREFIX + base64urlEncode(JSON.stringify(config));
}

function clone(value) {
  return JSON.parse(JSON.stringify(value));
}

// Path helpers on plain objects: "survival.control.cure_fraction".
function getPath(obj, path) {
  let cur = obj;
  for (const key of path.split(".")) {
    if (cur === null || typeof cur !== "object" || !(key in cur)) return undefined;
    cur = cur[key];
  }
  return cur;
}

function setPath(obj, path, value) {
  const keys = path.split(".");
  let cur = obj;
  for (const key of keys.slice(0, -1)) {
    if (cur[key] === null || typeof cur[key] !== "object" || Array.isArray(cur[key])) cur[key] = {};
    cur = cur[key];
  }
  cur[keys[keys.length - 1]] = value;
}

// Deletes the key, then any object left empty on the way up.
function deletePath(obj, path) {
  const keys = path.split(".");
  const chain = [obj];
  for (const key of keys.slice(0, -1)) {
    const next = chain[chain.length - 1][key];
    if (next === null || typeof next !== "object") return;
    chain.push(next);
  }
  delete chain[chain.length - 1][keys[keys.length - 1]];
  for (let i = chain.length - 1; i > 0; --i) {
    if (Object.keys(chain[i]).length) break;
    delete chain[i - 1][keys[i - 1]];
  }
}
