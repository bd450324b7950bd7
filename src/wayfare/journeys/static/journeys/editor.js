/* The journey map editor: draws the map document, edits it inline, reorders by drag and drop and
   by keyboard (Alt+Arrow), links touchpoints (alternative paths, loops back), sets each human persona's
   emotion per stage, sends batches of operations with the version (If-Match), undoes the last change
   with the server's undo operations, and on 409 shows what changed and keeps the user's edit. */
(function () {
  "use strict";
  const _ = (s) => (window.gettext ? window.gettext(s) : s);
  const root = document.getElementById("journey-map-editor");
  if (!root) return;
  const editable = root.dataset.editable === "1";
  const live = document.querySelector("[data-editor-live]");
  const conflictBox = document.querySelector("[data-editor-conflict]");
  const undoButton = document.querySelector("[data-editor-undo]");
  let doc = null, hints = [], version = null, undoStack = [], observed = null;
  const STAGE_FIELDS = [
    ["customer_actions", _("Customer actions")], ["thoughts", _("Thoughts")], ["pain_points", _("Pain points")],
    ["opportunities", _("Opportunities")], ["moments_of_truth", _("Moments of truth")],
    ["provider_teams", _("Provider teams and roles")], ["consumer_goals", _("Consumer goals")],
    ["provider_goals", _("Provider goals")], ["data_sources", _("Data sources")],
    ["past_improvements", _("Past improvements")],
  ];
  const LINK_KINDS = { next: _("Then"), alternative: _("Alternative path"), loop: _("Loop back") };
  const SCORES = [["", _("not set")]].concat([-3, -2, -1, 0, 1, 2, 3].map((n) => [String(n), score(n)]));
  function score(n) { return n > 0 ? "+" + n : String(n); }
  const csrf = () => (document.cookie.match(/csrftoken=([^;]+)/) || [])[1] || "";
  const el = (tag, attrs, ...children) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "class") node.className = v; else if (k === "text") node.textContent = v;
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v); else if (v !== null && v !== false) node.setAttribute(k, v);
    }
    children.forEach((c) => c && node.append(c));
    return node;
  };
  const say = (text) => { if (live) live.textContent = text; };

  async function load() {
    const response = await fetch(root.dataset.documentUrl, { headers: { Accept: "application/json" } });
    if (!response.ok) { root.textContent = _("This map could not be loaded."); return; }
    accept(await response.json());
    if (root.dataset.observedUrl && doc.backstage) {
      try {
        const r = await fetch(root.dataset.observedUrl);
        observed = r.ok ? await r.json() : null;
      } catch (e) { observed = null; }
      // The figures arrive late: never redraw under an edit the user has open (the edit's end redraws).
      const active = document.activeElement;
      if (!(active && root.contains(active) && active.matches("input, textarea, select"))) draw();
    }
  }
  function accept(body) { doc = body.document; hints = body.hints || []; version = doc.map.version; draw(); root.dataset.version = version; }

  let pending = null;  // the batch being sent, kept on a conflict
  async function send(operations, isUndo) {
    pending = operations;
    const response = await fetch(root.dataset.documentUrl, {
      method: "POST", headers: { "Content-Type": "application/json", "X-CSRFToken": csrf(), "If-Match": '"' + version + '"' },
      body: JSON.stringify({ operations: operations }),
    });
    const body = await response.json();
    if (response.status === 409) { showConflict(body, operations); return false; }
    if (response.status === 400) {
      // "operations[0].target" names the field of the one operation the page sent: show "target".
      notSaved(Object.entries(body.errors || {}).map(([k, v]) => {
        const field = k.replace(/^operations\[\d+\]\.?/, "");
        return (field ? field + ": " : "") + [].concat(v).join(" ");
      }));
      return false;
    }
    if (!response.ok) { say(_("Not saved.")); return false; }
    pending = null; conflictBox.hidden = true;
    if (!isUndo && body.undo && body.undo.length) undoStack.push(body.undo);
    if (undoButton) undoButton.disabled = undoStack.length === 0;
    accept(body); say(_("Saved.")); return true;
  }
  function notSaved(messages) {
    conflictBox.hidden = false; conflictBox.textContent = _("Not saved:") + " " + messages.join("; ");
    say(conflictBox.textContent);
  }
  const OPERATIONS = {
    add_stage: _("Add a stage"), update_stage: _("Change a stage"), move_stage: _("Move a stage"), delete_stage: _("Delete a stage"),
    add_touchpoint: _("Add a touchpoint"), update_touchpoint: _("Change a touchpoint"), move_touchpoint: _("Move a touchpoint"),
    delete_touchpoint: _("Delete a touchpoint"), set_emotion: _("Set an emotion"), clear_emotion: _("Clear an emotion"),
    add_link: _("Link two touchpoints"), delete_link: _("Delete a link"), add_comment: _("Comment on a stage"),
    resolve_comment: _("Resolve a comment"), restore_stage: _("Restore a stage"), restore_touchpoint: _("Restore a touchpoint"),
  };
  function showConflict(body, operations) {
    conflictBox.hidden = false; conflictBox.textContent = "";
    conflictBox.append(el("p", { text: _("Someone else changed this map since you opened it. Their changes are shown; your edit is kept below.") }));
    const list = el("ul", { "data-editor-changes": "" });
    (body.changes || []).forEach((c) => list.append(el("li", { text: c.summary || (c.by + ": " + c.type + " " + c.model + " “" + c.name + "”") })));
    conflictBox.append(list);
    // The user's own edit, readable: what it does and the values it sets.
    const kept = el("ul", { "data-editor-kept": "" });
    operations.forEach((op) => {
      const values = Object.entries(op.data || {}).map(([k, v]) => k + " = " + (v === null ? "—" : String(v)));
      ["name", "text", "label", "as_is", "to_be"].forEach((k) => { if (op[k] !== undefined && op[k] !== null) values.push(k + " = " + op[k]); });
      kept.append(el("li", { text: (OPERATIONS[op.op] || op.op) + (values.length ? ": " + values.join("; ") : "") }));
    });
    conflictBox.append(el("p", { text: _("Your edit, not saved yet:") }), kept);
    conflictBox.append(el("button", { type: "button", class: "compact", text: _("Apply my edit again"), onclick: () => send(operations) }));
    accept(body);
    say(_("Someone else changed this map since you opened it."));
  }
  async function undo() { const ops = undoStack.pop(); if (ops) await send(ops, true); if (undoButton) undoButton.disabled = undoStack.length === 0; }
  if (undoButton) undoButton.addEventListener("click", undo);
  document.addEventListener("keydown", (e) => {
    if ((e.ctrlKey || e.metaKey) && e.key === "z" && !e.target.closest("input,textarea,select")) { e.preventDefault(); undo(); }
  });
  const addStage = document.querySelector("[data-editor-add-stage]");
  if (addStage) addStage.addEventListener("click", () => send([{ op: "add_stage", data: { name: _("New stage") } }]));

  /* Inline editing: click or Enter on a value opens an input; Enter or blur saves; Esc cancels. */
  function editableValue(value, label, save, options) {
    // Choices show their label, not their stored code.
    const chosen = options ? options.find(([v]) => v === (value === null ? "" : String(value))) : null;
    const shown = chosen ? chosen[1] : (value === null || value === "" ? "" : String(value));
    const span = el("span", { "data-edit": "", class: options ? "map-tag" : "", tabindex: editable ? "0" : null, role: editable ? "button" : null, "aria-label": label, text: shown === "" || shown === "—" ? (editable ? "—" : "") : shown });
    if (!editable) return span;
    const open = () => {
      let input;
      if (options) { input = el("select", { "aria-label": label }); options.forEach(([v, t]) => input.append(el("option", { value: v, text: t, selected: v === value ? "selected" : null }))); }
      else { input = el(options === undefined && String(value || "").length > 40 ? "textarea" : "input", { "aria-label": label }); input.value = value === null ? "" : value; }
      let done = false;
      const finish = (keep) => { if (done) return; done = true; if (keep && input.value !== String(value === null ? "" : value)) save(input.value); else draw(); };
      input.addEventListener("keydown", (e) => {
        if (e.key === "Escape") { e.preventDefault(); finish(false); }
        if (e.key === "Enter" && (input.tagName !== "TEXTAREA" || !e.shiftKey)) { e.preventDefault(); finish(true); }
      });
      input.addEventListener("blur", () => finish(true));
      span.replaceWith(input); input.focus();
    };
    span.addEventListener("click", open);
    span.addEventListener("keydown", (e) => { if (e.key === "Enter") { e.preventDefault(); open(); } });
    return span;
  }

  let dragged = null;
  function draw() {
    if (!doc) return;
    const focusedId = document.activeElement && document.activeElement.dataset ? document.activeElement.dataset.focusKey : null;
    root.textContent = "";
    const stages = el("div", { class: "map-stages", role: "list" });
    doc.stages.forEach((stage, index) => stages.append(drawStage(stage, index)));
    root.append(stages);
    if (doc.links.length) root.append(drawLinks());
    drawEmotions();
    if (focusedId) { const again = root.querySelector('[data-focus-key="' + focusedId + '"]'); if (again) again.focus(); }
  }
  /* Links: where each touchpoint stands ("stage · touchpoint"), the kinds' labels (the document's where
     a link of the kind has one), and the list under the map grouped by kind. */
  function touchpointIndex() {
    const found = {};
    doc.stages.forEach((s, si) => s.touchpoints.forEach((t, ti) => { found[t.id] = { stage: si, order: ti, text: s.name + " · " + t.name }; }));
    return found;
  }
  function kindLabel(kind) {
    const link = doc.links.find((l) => l.kind === kind && l.kind_label);
    return link ? link.kind_label : (LINK_KINDS[kind] || kind);
  }
  function drawLinks() {
    const where = touchpointIndex();
    const kinds = Object.keys(LINK_KINDS).concat(doc.links.map((l) => l.kind).filter((k) => !(k in LINK_KINDS)));
    const box = el("div", { class: "map-links", "data-links": "" }, el("h3", { text: _("Alternative paths and loops") }));
    kinds.filter((k, i) => kinds.indexOf(k) === i).forEach((kind) => {
      const links = doc.links.filter((l) => l.kind === kind);
      if (!links.length) return;
      const list = el("ul");
      links.forEach((l) => {
        const path = (where[l.source] ? where[l.source].text : "?") + " → " + (where[l.target] ? where[l.target].text : "?");
        list.append(el("li", { "data-link": l.id }, el("span", { class: "map-link-path", text: path }),
          l.label ? el("span", { class: "map-link-label", text: l.label }) : null,
          editable ? el("button", { type: "button", class: "secondary outline compact", text: _("Delete link"), "aria-label": _("Delete link") + ": " + path, onclick: () => send([{ op: "delete_link", id: l.id }]) }) : null));
      });
      box.append(el("section", { class: "map-link-group", "data-link-kind": kind }, el("h4", { text: kindLabel(kind) + " (" + links.length + ")" }), list));
    });
    return box;
  }
  function linkForm(t) {
    const where = touchpointIndex();
    const target = el("select", { name: "target", required: "required" }, el("option", { value: "", text: _("Choose a touchpoint") }));
    doc.stages.forEach((s) => s.touchpoints.forEach((x) => { if (x.id !== t.id) target.append(el("option", { value: String(x.id), text: s.name + " · " + x.name })); }));
    const kind = el("select", { name: "kind" });
    Object.keys(LINK_KINDS).forEach((k) => kind.append(el("option", { value: k, text: kindLabel(k), selected: k === "alternative" ? "selected" : null })));
    // A target before this touchpoint suggests a loop back, until the designer chooses the kind.
    let kindChosen = false;
    kind.addEventListener("change", () => { kindChosen = true; });
    target.addEventListener("change", () => {
      const a = where[t.id], b = where[Number(target.value)];
      if (kindChosen || !a || !b) return;
      kind.value = (b.stage < a.stage || (b.stage === a.stage && b.order < a.order)) ? "loop" : "alternative";
    });
    const label = el("input", { type: "text", name: "label", maxlength: "200" });
    const field = (text, control) => el("label", {}, el("span", { text: text }), control);
    const form = el("form", { class: "map-link-form" }, field(_("To"), target), field(_("Kind of link"), kind), field(_("Label (optional)"), label),
      el("button", { type: "submit", class: "compact", text: _("Save link") }));
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      if (!target.value) return;
      send([{ op: "add_link", source: t.id, target: Number(target.value), kind: kind.value, label: label.value.trim() }]);
    });
    return el("details", { class: "map-link-add", "data-link-add": t.id }, el("summary", { text: _("Link to…"), "data-focus-key": "l" + t.id }), form);
  }
  function linkBadges(t) {
    const out = doc.links.filter((l) => l.source === t.id).length, into = doc.links.filter((l) => l.target === t.id).length;
    if (!out && !into) return null;
    const badge = (text, title, n, key) => n ? el("span", { class: "map-badge", "data-badge": key, title: title + ": " + n, "aria-label": title + ": " + n, text: text + " " + n }) : null;
    return el("div", { class: "map-badges" }, badge("→", _("Links from here"), out, "out"), badge("←", _("Links to here"), into, "in"));
  }

  /* Emotions: per stage, the as-is and to-be score of each human persona of the map. Editors change them
     with a select each; both unset clears the row. Consumers read only the scores that are set. */
  function drawFeelings(stage) {
    const personas = doc.map.personas.filter((p) => !p.is_machine);
    if (!personas.length) return null;
    const box = el("div", { class: "map-feelings", "data-emotions": stage.id });
    personas.forEach((p) => {
      const e = stage.emotions.find((x) => x.persona === p.id) || null;
      const has = (key) => e && e[key] !== null && e[key] !== undefined;
      if (!editable) {
        if (!has("as_is") && !has("to_be")) return;
        const parts = [];
        if (has("as_is")) parts.push(_("as it is") + " " + score(e.as_is));
        if (has("to_be")) parts.push(_("to be") + " " + score(e.to_be));
        box.append(el("p", { class: "map-feeling", "data-persona": p.id }, el("strong", { text: p.name }), document.createTextNode(": " + parts.join(" · ")),
          e.note ? el("span", { class: "map-feeling-note", text: e.note }) : null));
        return;
      }
      const selects = {};
      const row = el("div", { class: "map-feeling", role: "group", "aria-label": p.name, "data-persona": p.id }, el("strong", { text: p.name }));
      [["as_is", _("as it is")], ["to_be", _("to be")]].forEach(([key, text]) => {
        const current = has(key) ? String(e[key]) : "";
        const select = el("select", { name: key, "aria-label": p.name + " · " + text, "data-focus-key": "e" + stage.id + "-" + p.id + "-" + key });
        SCORES.forEach(([v, t]) => select.append(el("option", { value: v, text: t, selected: v === current ? "selected" : null })));
        select.addEventListener("change", () => changed());
        selects[key] = select;
        row.append(el("label", {}, el("span", { text: text }), select));
      });
      const changed = () => {
        const value = (key) => (selects[key].value === "" ? null : Number(selects[key].value));
        const asIs = value("as_is"), toBe = value("to_be");
        if (asIs === null && toBe === null) { if (e) send([{ op: "clear_emotion", stage: stage.id, persona: p.id }]); return; }
        if (asIs === null) { notSaved([_("A to-be score needs an as-is score.")]); return; }
        send([{ op: "set_emotion", stage: stage.id, persona: p.id, as_is: asIs, to_be: toBe, note: e ? e.note || "" : "" }]);
      };
      if (e && e.note) row.append(el("span", { class: "map-feeling-note", text: e.note }));
      box.append(row);
    });
    return box.children.length ? el("div", { class: "map-emotion-box" }, el("h4", { text: _("Emotions") }), box) : null;
  }

  function drawStage(stage, index) {
    const column = el("section", { class: "map-stage", role: "listitem", "data-stage": stage.id, tabindex: "0", "data-focus-key": "s" + stage.id, "aria-label": stage.name, draggable: editable ? "true" : null });
    const update = (field) => (value) => send([{ op: "update_stage", id: stage.id, data: { [field]: field === "duration_minutes" ? (value === "" ? null : Number(value)) : value } }]);
    column.append(el("h3", {}, editableValue(stage.name, _("Name"), update("name"))));
    // Every field, its translations and the log activities it names: the stage's own form.
    if (editable && root.dataset.stageEditUrl) column.append(el("a", { class: "map-more", href: root.dataset.stageEditUrl.replace("/0/", "/" + stage.id + "/"), text: _("All details and log activities") }));
    const steps = [["", "—"], ["explore", _("Explore")], ["engage", _("Engage")], ["offer", _("Offer")], ["agree", _("Agree")], ["onboard", _("Onboard")], ["cocreate", _("Co-create")], ["realize", _("Realize")]];
    column.append(el("div", { class: "map-field" }, editableValue(stage.step, _("Journey step"), update("step"), steps)));
    column.append(el("div", { class: "map-field" }, editableValue(stage.phase, _("Phase"), update("phase"), [["before", _("Before the service")], ["during", _("During the service")], ["after", _("After the service")]])));
    // Hints are design advice for provider staff, not for the consumer's read-only view.
    if (doc.backstage) hints.filter((h) => h.stage === stage.id).forEach((h) => column.append(el("p", { class: "map-hint", text: h.message })));
    if (observed && observed.stages && observed.stages[stage.id]) {
      const o = observed.stages[stage.id];
      column.append(el("p", { class: "map-observed" }, document.createTextNode(_("Cases") + ": " + o.cases + " · " + Math.round(o.share * 100) + "% "),
        o.explorer_url ? el("a", { href: o.explorer_url, text: _("Open in the explorer") }) : null));
    }
    const fields = el("dl", { class: "map-field" });
    STAGE_FIELDS.forEach(([name, label]) => { if (name in stage && (editable || stage[name])) fields.append(el("dt", { text: label }), el("dd", {}, editableValue(stage[name], label, update(name)))); });
    fields.append(el("dt", { text: _("Duration (minutes)") }), el("dd", {}, editableValue(stage.duration_minutes, _("Duration (minutes)"), update("duration_minutes"))));
    column.append(fields);
    const feelings = drawFeelings(stage);
    if (feelings) column.append(feelings);
    const front = stage.touchpoints.filter((t) => !t.backstage), back = stage.touchpoints.filter((t) => t.backstage);
    const cards = el("div", { class: "map-cards", "data-cards": stage.id });
    front.forEach((t) => cards.append(drawCard(stage, t)));
    if (doc.backstage) { cards.append(el("div", { class: "map-lane", text: _("Line of visibility") })); back.forEach((t) => cards.append(drawCard(stage, t))); }
    column.append(cards);
    if (editable) {
      cards.addEventListener("dragover", (e) => { if (dragged && dragged.kind === "card") e.preventDefault(); });
      cards.addEventListener("drop", (e) => {
        if (!dragged || dragged.kind !== "card") return; e.preventDefault(); e.stopPropagation();
        const target = e.target.closest("[data-card]");
        const position = target ? Array.from(cards.querySelectorAll("[data-card]")).indexOf(target) + 1 : stage.touchpoints.length + 1;
        send([{ op: "move_touchpoint", id: dragged.id, stage: stage.id, position: position }]); dragged = null;
      });
      column.append(el("button", { type: "button", class: "secondary outline", text: _("Add touchpoint"), onclick: () => send([{ op: "add_touchpoint", stage: stage.id, data: { name: _("New touchpoint") } }]) }));
      column.append(el("button", { type: "button", class: "secondary outline", text: _("Delete stage"), onclick: () => send([{ op: "delete_stage", id: stage.id }]) }));
      column.addEventListener("dragstart", (e) => { if (e.target === column) { dragged = { kind: "stage", id: stage.id }; column.classList.add("dragging"); e.dataTransfer.setData("text/plain", "s" + stage.id); } });
      column.addEventListener("dragend", () => column.classList.remove("dragging"));
      column.addEventListener("dragover", (e) => { if (dragged && dragged.kind === "stage") e.preventDefault(); });
      column.addEventListener("drop", (e) => { if (!dragged || dragged.kind !== "stage") return; e.preventDefault(); send([{ op: "move_stage", id: dragged.id, position: index + 1 }]); dragged = null; });
      column.addEventListener("keydown", (e) => {
        if (e.target !== column || !e.altKey) return;
        if (e.key === "ArrowLeft" || e.key === "ArrowRight") {
          e.preventDefault();
          const position = Math.max(1, Math.min(doc.stages.length, index + 1 + (e.key === "ArrowRight" ? 1 : -1)));
          send([{ op: "move_stage", id: stage.id, position: position }]).then((ok) => ok && say(stage.name + ": " + _("moved to position") + " " + position));
        }
      });
    }
    if (doc.backstage && stage.comments) {
      const comments = el("details", {}, el("summary", { text: _("Comments") + " (" + stage.comments.filter((c) => !c.resolved).length + ")" }));
      stage.comments.forEach((c) => comments.append(el("p", { class: c.resolved ? "muted" : "" }, document.createTextNode(c.author + ": " + c.text + " "),
        editable && !c.resolved ? el("button", { type: "button", class: "secondary outline", text: _("Resolve"), onclick: () => send([{ op: "resolve_comment", id: c.id }]) }) : null)));
      if (editable) {
        const input = el("input", { type: "text", "aria-label": _("New comment") });
        input.addEventListener("keydown", (e) => { if (e.key === "Enter" && input.value.trim()) { e.preventDefault(); send([{ op: "add_comment", stage: stage.id, text: input.value }]); } });
        comments.append(input);
      }
      column.append(comments);
    }
    return column;
  }
  function drawCard(stage, t) {
    const card = el("article", { class: "map-card" + (t.backstage ? " backstage" : ""), "data-card": t.id, tabindex: "0", "data-focus-key": "t" + t.id, draggable: editable ? "true" : null, "aria-label": t.name });
    const update = (field) => (value) => send([{ op: "update_touchpoint", id: t.id, data: { [field]: (field === "expected" || field === "offers_choice") ? value === "1" : value } }]);
    card.append(el("strong", {}, editableValue(t.name, _("Name"), update("name"))));
    const badges = linkBadges(t);
    if (badges) card.append(badges);
    card.append(el("div", {}, editableValue(t.channel, _("Channel"), update("channel"), [["phone", _("Phone")], ["email", _("E-mail")], ["portal", _("Portal")], ["app", _("App")], ["in_person", _("In person")], ["social", _("Social media")], ["forum", _("Forum")], ["advert", _("Advert")], ["chat", _("Chat")], ["sms", _("Text message")], ["catalogue", _("Service catalogue")], ["device", _("Device or vehicle")], ["other", _("Other")]])));
    card.append(el("div", {}, editableValue(t.kind, _("Kind"), update("kind"), [["touchpoint", _("Touchpoint without interaction")], ["interaction", _("Service interaction")]])));
    if (t.kind === "interaction") card.append(el("div", {}, editableValue(t.interaction_form, _("Form of interaction"), update("interaction_form"), [["", "—"], ["goods", _("Transfer of goods")], ["access", _("Access to resources")], ["use", _("Use of provider resources")], ["joint", _("Joint action")]])));
    if (doc.backstage) card.append(el("div", {}, editableValue(t.lane, _("Lane"), update("lane"), [["customer", _("Customer action")], ["frontstage", _("Frontstage")], ["backstage", _("Backstage")], ["support", _("Support process")]])));
    card.append(el("div", {}, editableValue(t.aspect, _("Aspect"), update("aspect"), [["journey", _("Journey")], ["brand", _("Brand")], ["environment", _("Environment")]])));
    card.append(el("div", {}, editableValue(t.expected ? "1" : "0", _("The consumer expects it"), update("expected"), [["1", _("Expected")], ["0", _("A surprise")]])));
    card.append(el("div", {}, editableValue(t.offers_choice ? "1" : "0", _("Offers a choice"), update("offers_choice"), [["0", _("No choice")], ["1", _("Offers a choice")]])));
    if (t.third_party) card.append(el("div", { text: _("Third party") + ": " + t.third_party.name }));
    if (editable && root.dataset.touchpointEditUrl) card.append(el("a", { class: "map-more", href: root.dataset.touchpointEditUrl.replace("/0/", "/" + t.id + "/"), text: _("All details and log activities") }));
    if (editable) {
      card.append(linkForm(t));
      card.append(el("button", { type: "button", class: "secondary outline", text: _("Delete"), onclick: () => send([{ op: "delete_touchpoint", id: t.id }]) }));
      card.addEventListener("dragstart", (e) => { e.stopPropagation(); dragged = { kind: "card", id: t.id }; card.classList.add("dragging"); e.dataTransfer.setData("text/plain", "t" + t.id); });
      card.addEventListener("dragend", () => card.classList.remove("dragging"));
      card.addEventListener("keydown", (e) => {
        if (e.target !== card || !e.altKey) return;
        const stageIndex = doc.stages.findIndex((s) => s.id === stage.id);
        const position = stage.touchpoints.findIndex((x) => x.id === t.id) + 1;
        let op = null;
        if (e.key === "ArrowUp" && position > 1) op = { op: "move_touchpoint", id: t.id, stage: stage.id, position: position - 1 };
        if (e.key === "ArrowDown" && position < stage.touchpoints.length) op = { op: "move_touchpoint", id: t.id, stage: stage.id, position: position + 1 };
        if (e.key === "ArrowLeft" && stageIndex > 0) op = { op: "move_touchpoint", id: t.id, stage: doc.stages[stageIndex - 1].id };
        if (e.key === "ArrowRight" && stageIndex < doc.stages.length - 1) op = { op: "move_touchpoint", id: t.id, stage: doc.stages[stageIndex + 1].id };
        if (!op) return;
        e.preventDefault();
        send([op]).then((ok) => ok && say(t.name + ": " + _("moved")));
      });
    }
    return card;
  }
  function drawEmotions() {
    const box = document.querySelector("[data-editor-emotions]");
    if (!box || !window.echarts || !doc) return;
    const personas = doc.map.personas.filter((p) => !p.is_machine);
    if (!personas.length) { box.hidden = true; return; }
    const series = [];
    personas.forEach((p) => {
      const point = (key) => doc.stages.map((s) => { const e = s.emotions.find((x) => x.persona === p.id); return e ? e[key] : null; });
      series.push({ name: p.name + " · " + _("as it is"), type: "line", data: point("as_is"), connectNulls: true });
      series.push({ name: p.name + " · " + _("to be"), type: "line", data: point("to_be"), connectNulls: true, lineStyle: { type: "dashed" } });
    });
    let chart = window.echarts.getInstanceByDom(box);
    if (!chart) { chart = window.echarts.init(box); window.addEventListener("resize", () => chart.resize()); }
    chart.setOption({ tooltip: { trigger: "axis" }, legend: { type: "scroll" }, xAxis: { type: "category", data: doc.stages.map((s) => s.name) }, yAxis: { type: "value", min: -3, max: 3 }, series: series }, true);
  }
  load();
})();
