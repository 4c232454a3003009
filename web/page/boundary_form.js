// The boundary options of the Design tab (a harm bound, fixed futility
// bounds, per-look switches, spending time) and the calendar options of the
// Survival tab (look triggers, the analysis cap, whole numbers): each input
// writes its key of the config exactly as docs/config.md spells it, and an
// empty input leaves the key out (the engine's default).

const HARM_FAMILIES = [
  {name: "", label: "none"},
  {name: "lan-demets-obf", label: "Lan-DeMets O'Brien-Fleming"},
  {name: "lan-demets-pocock", label: "Lan-DeMets Pocock"},
  {name: "hsd", label: "Hwang-Shih-DeCani", parameter: "γ (gamma)", value: -2},
  {name: "power", label: "Kim-DeMets power", parameter: "ρ (rho)", value: 2},
  {name: "exponential", label: "exponential (Anderson-Clark)", parameter: "ν (nu)", value: 0.75},
];
// The keys of a futility bound given per look instead of by beta spending.
const FIXED_FUTILITY_KEYS = ["z", "hazard_ratio", "conditional_power"];

function fixedFutilityKey(fut) {
  return fut ? FIXED_FUTILITY_KEYS.find((k) => k in fut) : undefined;
}

// "no, yes, yes" (or 0/1, false/true) as booleans; null when a word is not one.
function parseSwitches(text) {
  const words = text.split(/[\s,;]+/).filter((w) => w !== "");
  const out = words.map((w) => {
    const v = w.toLowerCase();
    if (["yes", "y", "true", "1", "on"].includes(v)) return true;
    if (["no", "n", "false", "0", "off"].includes(v)) return false;
    return null;
  });
  return out.some((v) => v === null) ? null : out;
}

// "0.4, 0.75, 1" as numbers; null when one is not a number.
function parseNumbers(text) {
  const values = text.split(/[\s,;]+/).filter((w) => w !== "").map(Number);
  return values.some((v) => !Number.isFinite(v)) ? null : values;
}

// "time 24, first 36, events" as survival.looks: {time}, {trigger, time}, {}.
function parseTriggers(text) {
  const out = [];
  for (const part of text.split(/[,;]/).map((p) => p.trim()).filter((p) => p !== "")) {
    const [kind, value, extra] = part.split(/\s+/);
    if (extra !== undefined) return null;
    if (kind === "events" && value === undefined) {
      out.push({});
    } else if (["time", "first", "last"].includes(kind) && Number.isFinite(Number(value))) {
      out.push(kind === "time" ? {time: Number(value)} : {trigger: kind, time: Number(value)});
    } else {
      return null;
    }
  }
  return out;
}

function formatTriggers(looks) {
  return looks.map((l) => {
    const kind = l.trigger || ("time" in l ? "time" : "events");
    return kind === "events" ? "events" : `${kind} ${l.time}`;
  }).join(", ");
}

function formatSwitches(values) {
  return values.map((v) => (v ? "yes" : "no")).join(", ");
}

function listText(value, format) {
  return Array.isArray(value) ? format(value) : "";
}

function syncBoundaryForm() {
  const c = App.config;
  const design = c.design || {};
  const harm = design.harm;
  fillSelect($("harm-family"), HARM_FAMILIES, harm ? (harm.spending || "lan-demets-obf") : "");
  syncParameter("harm", HARM_FAMILIES, harm ? {spending: harm.spending || "lan-demets-obf", parameter: harm.parameter}
                                            : {spending: ""});
  $("harm-alpha").value = harm && harm.alpha !== undefined ? String(harm.alpha) : "";
  $("harm-alpha").disabled = !harm;
  $("harm-binding").checked = !!(harm && harm.binding);
  $("harm-binding").disabled = !harm;
  const fut = design.futility;
  const key = fixedFutilityKey(fut);
  if (key) $("futility-fixed-kind").value = key;
  if (document.activeElement !== $("futility-fixed")) {
    $("futility-fixed").value = !key ? "" : key === "conditional_power" ? String(fut[key]) : fut[key].join(", ");
  }
  const lists = [["efficacy-stops", design.efficacy_stops, formatSwitches],
                 ["futility-stops", design.futility_stops, formatSwitches],
                 ["harm-stops", design.harm_stops, formatSwitches],
                 ["spending-time", design.spending_time, (v) => v.join(", ")]];
  for (const [id, value, format] of lists) {
    if (document.activeElement !== $(id)) $(id).value = listText(value, format);
  }
  const s = c.survival || {};
  if (document.activeElement !== $("look-triggers")) $("look-triggers").value = listText(s.looks, formatTriggers);
  $("survival-integer").checked = s.integer === true;
}

// Text a list field cannot read: as for a number field's, the field is
// marked, the config keeps its last value and the outputs go grey, since
// they are no longer those of what the form shows.
function refuseList(input, message) {
  showStatus(message, "error");
  input.classList.add("field-error");
  document.body.classList.add("stale");
}

// A text field that sets (or, empty, removes) one key: `parse` returns the
// value or null for text it cannot read, which is marked and left out.
function wireListField(id, label, example, parse, apply) {
  $(id).addEventListener("change", () => {
    const text = $(id).value.trim();
    const value = text === "" ? undefined : parse(text);
    if (value === null) {
      refuseList($(id), `${label}: ${example}`);
      return;
    }
    $(id).classList.remove("field-error");
    edit((c) => apply(c, value));
  });
}

function setOrDelete(c, path, value) {
  if (value === undefined) deletePath(c, path);
  else setPath(c, path, value);
}

function onHarmFamily() {
  const name = $("harm-family").value;
  edit((c) => {
    c.design = c.design || {};
    if (!name) {
      delete c.design.harm;
      delete c.design.harm_stops;
      return;
    }
    const before = c.design.harm || {};
    const f = family(HARM_FAMILIES, name);
    // A first harm bound takes two fifths of alpha (0.01 of 0.025).
    const alpha = before.alpha ?? +(0.4 * (c.design.alpha ?? 0.025)).toFixed(4);
    const harm = {spending: name, alpha};
    if (f.value !== undefined) harm.parameter = f.value;
    if (before.binding) harm.binding = true;
    c.design.harm = harm;
  });
}

function onFixedFutility(text) {
  const kind = $("futility-fixed-kind").value;
  if (text === undefined) return undefined;
  if (kind === "conditional_power") {
    const v = Number(text);
    return Number.isFinite(v) ? v : null;
  }
  return parseNumbers(text);
}

function wireBoundaryForm() {
  $("harm-family").addEventListener("change", onHarmFamily);
  $("harm-parameter").addEventListener("input", () => onParameter("harm"));
  $("harm-alpha").addEventListener("input", () => {
    if (!App.config.design.harm) return;
    if (unreadable($("harm-alpha"))) {
      refuseUnreadable($("harm-alpha"), "design.harm.alpha");
      return;
    }
    // Empty leaves the key out, as every number field does: the engine then
    // says that harm.alpha is needed, where the field was ignored unseen.
    const v = readNumber($("harm-alpha"));
    if (v === undefined) delete App.config.design.harm.alpha;
    else App.config.design.harm.alpha = v;
    commit();
  });
  $("harm-binding").addEventListener("change", (e) => edit((c) => {
    if (e.target.checked) c.design.harm.binding = true;
    else delete c.design.harm.binding;
  }));
  const futilityText = () => $("futility-fixed").value.trim();
  const applyFixed = (c, value) => {
    c.design = c.design || {};
    const binding = c.design.futility && c.design.futility.binding;
    if (value === undefined) {
      if (fixedFutilityKey(c.design.futility)) delete c.design.futility;
      return;
    }
    c.design.futility = {[$("futility-fixed-kind").value]: value};
    if (binding) c.design.futility.binding = true;
  };
  wireListField("futility-fixed", "Fixed futility bounds",
                "numbers per look before the last, e.g. 0, 0.5 (one threshold for conditional power)",
                onFixedFutility, applyFixed);
  $("futility-fixed-kind").addEventListener("change", () => {
    const text = futilityText();
    if (text === "") return;
    const value = onFixedFutility(text);
    if (value !== null) edit((c) => applyFixed(c, value));
  });
  const switches = [["efficacy-stops", "design.efficacy_stops", "Efficacy stops"],
                    ["futility-stops", "design.futility_stops", "Futility stops"],
                    ["harm-stops", "design.harm_stops", "Harm stops"]];
  for (const [id, path, label] of switches) {
    wireListField(id, label, "yes or no per look, e.g. no, yes, yes", parseSwitches,
                  (c, v) => setOrDelete(c, path, v));
  }
  wireListField("spending-time", "Spending time", "one number per look ending at 1, e.g. 0.4, 0.75, 1",
                parseNumbers, (c, v) => setOrDelete(c, "design.spending_time", v));
  wireListField("look-triggers", "Look triggers",
                "one per look: events, time T, first T or last T, e.g. time 24, first 36, events",
                parseTriggers, (c, v) => setOrDelete(c, "survival.looks", v));
  $("survival-integer").addEventListener("change", (e) => edit((c) => {
    if (e.target.checked) c.survival.integer = true;
    else delete c.survival.integer;
  }));
}
