// The Monitoring tab's looks: one row per look of monitoring.looks, with its
// events and one form of the statistic (z, a two-sided p with its direction,
// or a hazard ratio).

const THE_COMMITTEES_LOOK = {events: 49, p_two_sided: 0.001, direction: "favours-treatment"};

function lookKind(look) {
  if ("p_two_sided" in look) return "p";
  if ("hazard_ratio" in look) return "hr";
  return "z";
}

// A survival trial's looks count events; a normal or binary endpoint's count
// patients and give z (a two-sided p or a hazard ratio is a survival look's).
function lookSizeKey() {
  return App.config.endpoint ? "patients" : "events";
}

function renderLooksEditor(looks) {
  const host = $("looks-editor");
  $("committee-look").hidden = !!App.config.endpoint;  // the seed trial's look counts events
  if (host.contains(document.activeElement)) return;  // do not disturb typing
  const size = lookSizeKey();
  const rows = looks.map((look, i) => {
    if (!Object.keys(look).every((key) => EDITOR_KEYS.includes(key))) return summaryRow(look, i);
    const kind = lookKind(look);
    const value = kind === "p" ? look.p_two_sided : kind === "hr" ? look.hazard_ratio : look.z;
    const row = el("div", {class: "look-row", "data-look": i});
    row.append(
      el("label", {}, `Look ${i + 1}: ${size}`, el("input", {type: "number", min: "1", step: "1", value: numberText(look[size]), "data-field": "size"})),
      el("label", {}, "statistic", (() => {
        const sel = el("select", {"data-field": "kind"});
        sel.append(new Option("z", "z"));
        if (size === "events") sel.append(new Option("two-sided p", "p"), new Option("hazard ratio", "hr"));
        sel.value = kind;
        return sel;
      })()),
      el("label", {}, "value", el("input", {type: "number", step: "any", value: numberText(value), "data-field": "value"})));
    if (kind === "p") {
      const dir = el("select", {"data-field": "direction"});
      dir.append(new Option("favours treatment", "favours-treatment"), new Option("favours control", "favours-control"));
      dir.value = look.direction || "favours-treatment";
      row.append(el("label", {}, "direction", dir));
    }
    row.append(...finalAndRemove(look));
    return row;
  });
  host.replaceChildren(...rows);
}

// The keys the editor's fields write or keep as they are (date, note); a look
// with any other (a normal or binary endpoint's per-arm n, mean and sd, an
// estimate with its standard error) is shown as it is, to be kept, marked
// final or removed, never overwritten by fields that cannot hold it.
const EDITOR_KEYS = ["events", "patients", "z", "p_two_sided", "direction", "hazard_ratio", "final", "date", "note"];

function finalAndRemove(look) {
  const fin = el("input", {type: "checkbox", "data-field": "final"});
  fin.checked = !!look.final;
  return [el("label", {class: "check"}, fin, " final"),
          el("button", {type: "button", class: "small remove", "data-field": "remove", title: "Remove this look"}, "Remove")];
}

function summaryRow(look, i) {
  const text = (v) => (v !== null && typeof v === "object" && !Array.isArray(v) ?
    Object.entries(v).map(([k, x]) => `${k} ${x}`).join(", ") : String(v));
  const summary = Object.entries(look).filter(([k]) => k !== "final").map(([k, v]) => `${k}: ${text(v)}`).join("; ");
  return el("div", {class: "look-row", "data-look": i},
            el("span", {class: "look-summary"}, `Look ${i + 1}, as in the config: ${summary}`), ...finalAndRemove(look));
}

function onLookEdit(event) {
  const field = event.target.dataset.field;
  const row = event.target.closest(".look-row");
  if (!field || !row) return;
  const i = Number(row.dataset.look);
  const looks = App.config.monitoring.looks;
  const look = looks[i];
  if (field === "remove") {
    looks.splice(i, 1);
    tidyMonitoring();
    renderLooksEditor(App.config.monitoring ? App.config.monitoring.looks : []);
    commit();
    return;
  }
  const valueInput = row.querySelector("[data-field=value]");
  const size = lookSizeKey();
  if (field === "size" && unreadable(event.target)) {
    refuseUnreadable(event.target, `monitoring.looks[${i}].${size}`);
    return;
  }
  if ((field === "value" || field === "kind") && unreadable(valueInput)) {
    const kind = row.querySelector("[data-field=kind]").value;
    refuseUnreadable(valueInput, `monitoring.looks[${i}].${kind === "p" ? "p_two_sided" : kind === "hr" ? "hazard_ratio" : "z"}`);
    return;
  }
  if (field === "size") {
    const v = readNumber(event.target);
    if (v === undefined) delete look[size];
    else look[size] = v;
  } else if (field === "value" || field === "kind" || field === "direction") {
    const kind = row.querySelector("[data-field=kind]").value;
    const value = readNumber(valueInput);
    const dirSel = row.querySelector("[data-field=direction]");
    for (const key of ["z", "p_two_sided", "direction", "hazard_ratio"]) delete look[key];
    const key = kind === "p" ? "p_two_sided" : kind === "hr" ? "hazard_ratio" : "z";
    if (value !== undefined) look[key] = value;
    if (kind === "p") look.direction = dirSel ? dirSel.value : "favours-treatment";
    if (field === "kind") {
      event.target.blur();
      renderLooksEditor(looks);
    }
  } else if (field === "final") {
    if (event.target.checked) look.final = true;
    else delete look.final;
  }
  commit();
}

function addLook(look) {
  edit((c) => {
    c.monitoring = c.monitoring || {};
    c.monitoring.looks = c.monitoring.looks || [];
    if (!look) {
      const done = c.monitoring.looks.length;
      const plan = lastPlan();
      const planned = plan ? plan.looks : null;
      const size = lookSizeKey();
      // the planned look's events, or its patients made whole
      const count = planned && planned[done] && Number.isFinite(planned[done][size]) ?
        Math.ceil(planned[done][size]) : 10 * (done + 1);
      look = {[size]: count, z: 2.0};
    }
    c.monitoring.looks.push(look);
  });
}

// No empty monitoring section: without looks or settings it goes.
function tidyMonitoring() {
  const m = App.config.monitoring;
  if (!m) return;
  if (Array.isArray(m.looks) && !m.looks.length) delete m.looks;
  if (!Object.keys(m).length) delete App.config.monitoring;
}

function wireLooksEditor() {
  $("looks-editor").addEventListener("change", onLookEdit);
  $("looks-editor").addEventListener("click", (e) => {
    if (e.target.dataset.field === "remove") onLookEdit(e);
  });
  $("add-look").addEventListener("click", () => addLook(null));
  $("committee-look").addEventListener("click", () => edit((c) => {
    c.monitoring = c.monitoring || {};
    c.monitoring.looks = [clone(THE_COMMITTEES_LOOK)];
  }));
}
