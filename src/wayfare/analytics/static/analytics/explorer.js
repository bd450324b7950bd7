// The event-log explorer: every figure comes from the analytics API as JSON and is drawn here.
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("explorer-config").textContent);
  var L = config.labels;
  var form = document.getElementById("filters");
  var charts = {};
  var state = { dfg: null, mode: "frequency", slider: 0 };

  function fmt(template, values) {
    return template.replace(/%\((\w+)\)s/g, function (_, k) { return values[k]; });
  }
  function el(tag, text, attrs) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }
  function duration(seconds) {
    if (seconds === null || seconds === undefined) return "—";
    var s = Math.round(seconds), d = Math.floor(s / 86400), h = Math.floor((s % 86400) / 3600),
        m = Math.floor((s % 3600) / 60);
    if (d > 0) return d + " " + L.d + " " + h + " " + L.h;
    if (h > 0) return h + " " + L.h + " " + m + " " + L.min;
    if (m > 0) return m + " " + L.min;
    return s + " " + L.s;
  }
  function shortDuration(seconds) {  // one unit, at most one decimal: what fits on a path of the map
    if (seconds === null || seconds === undefined) return "—";
    function one(x) { return Number(x).toLocaleString(document.documentElement.lang, { maximumFractionDigits: x >= 10 ? 0 : 1 }); }
    if (seconds >= 86400) return one(seconds / 86400) + " " + L.d;
    if (seconds >= 3600) return one(seconds / 3600) + " " + L.h;
    if (seconds >= 60) return Math.round(seconds / 60) + " " + L.min;
    return Math.round(seconds) + " " + L.s;
  }
  // Tooltips are HTML: names from a log (activities, cases) are escaped before they go in.
  function esc(text) {
    return String(text).replace(/[&<>"']/g, function (c) { return "&#" + c.charCodeAt(0) + ";"; });
  }
  function number(n) { return n === null || n === undefined ? "—" : Number(n).toLocaleString(document.documentElement.lang); }
  function percent(x) {  // 51.7% · 51,7 % · 51.7%, as the reader's language writes it
    return Number(x).toLocaleString(document.documentElement.lang, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });
  }
  function query() {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, key) { if (value) params.append(key, value); });
    return params.toString();
  }
  function get(action, extra, withoutFilters) {
    var q = withoutFilters ? "" : query();
    if (extra) q = q ? q + "&" + extra : extra;
    return fetch(config.api + action + "/" + (q ? "?" + q : ""), { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (r) {
        return r.json().then(function (body) {
          if (!r.ok) throw new Error(body.detail || JSON.stringify(body));
          return body;
        });
      });
  }
  function showError(err) {
    var box = document.getElementById("explorer-error");
    box.hidden = false;
    box.textContent = L.error + " " + err.message;
    document.body.classList.add("explorer-stale");  // what is still drawn belongs to the last good filters
  }
  function chart(id) {
    if (!charts[id]) charts[id] = echarts.init(document.getElementById(id), null, { renderer: "canvas" });
    return charts[id];
  }
  var redraw = null;
  window.addEventListener("resize", function () {
    Object.values(charts).forEach(function (c) { c.resize(); });
    clearTimeout(redraw);
    redraw = setTimeout(function () { drawMap(); }, 200);  // the map's width follows the page's
  });

  function card(container, label, value) {
    var article = el("article");
    article.appendChild(el("small", label, { class: "muted" }));
    article.appendChild(el("p", value, { style: "font-size:1.6rem;margin:0" }));
    container.appendChild(article);
  }

  function loadSummary() {
    return part("summary").then(function (data) {
      var box = document.getElementById("summary");
      box.innerHTML = "";
      card(box, L.events, number(data.summary.events));
      card(box, L.cases, number(data.summary.cases));
      card(box, L.variants, number(data.n_variants));
      card(box, L.medianDuration, duration(data.case_durations.median));

    });
  }

  var attributesFilled = false;
  function loadAttributes() {
    if (attributesFilled) return Promise.resolve();
    attributesFilled = true;
    return get("attributes").then(function (data) {
      var list = document.getElementById("attribute-names");
      list.innerHTML = "";
      Object.keys(data).forEach(function (name) {
        data[name].forEach(function (v) {
          list.appendChild(el("option", null, { value: name + "=" + v.value, label: number(v.cases) + " " + L.cases }));
        });
      });
    });
  }

  var activitiesFilled = false;
  function fillActivities(names) {
    if (activitiesFilled) return;
    activitiesFilled = true;
    document.querySelectorAll("select[data-activities]").forEach(function (select) {
      var present = Array.prototype.map.call(select.options, function (o) { return o.value; });
      names.sort().forEach(function (name) {
        if (present.indexOf(name) < 0) select.appendChild(el("option", name, { value: name }));
      });
    });
  }

  // A map of hundreds of paths is unreadable and slow to lay out: unless the address says otherwise, a
  // large log opens with the slider hiding the rarest paths (the caption says how many are shown).
  var DEFAULT_MAX_PATHS = 120;
  function shownPaths(total) { return Math.max(1, Math.ceil(total * (1 - state.slider / 100))); }
  function defaultSlider(total) {
    if (state.sliderSet || total <= DEFAULT_MAX_PATHS) return;
    state.sliderSet = true;
    var hide = 0;
    while (hide < 100 && Math.ceil(total * (1 - hide / 100)) > DEFAULT_MAX_PATHS) hide++;
    state.slider = hide;
    document.getElementById("edge-slider").value = hide;
    document.getElementById("edge-slider-value").textContent = hide + "%";
  }

  var lastNodes = null;  // the drawn boxes, in the order of the map's "activities" series
  function drawMap() {
    var data = state.dfg;
    if (!data) return;
    var edges = data.edges.slice().sort(function (a, b) { return b.frequency - a.frequency; });
    var keep = shownPaths(edges.length);
    var shown = edges.slice(0, keep);
    var names = Object.keys(data.activities);
    if (state.slider > 0) {  // hidden paths take the activities they alone connect with them
      var kept = {};
      shown.forEach(function (e) { kept[e.from] = kept[e.to] = true; });
      names = names.filter(function (n) { return kept[n]; });
    }
    var box = document.getElementById("process-map");
    if (!names.length) {  // nothing to draw: say so rather than draw a lone start and end
      chart("process-map").clear();
      box.style.minHeight = box.style.height = "0px";
      document.getElementById("map-caption").textContent = L.noData;
      return;
    }
    var activities = {};
    names.forEach(function (n) { activities[n] = data.activities[n]; });
    function only(counts) {
      var out = {};
      Object.keys(counts).forEach(function (a) { if (activities[a]) out[a] = counts[a]; });
      return out;
    }
    var totalCases = Object.keys(data.start_activities).reduce(function (t, a) { return t + data.start_activities[a]; }, 0);
    var maxMean = Math.max.apply(null, shown.map(function (e) { return e.mean || 0; }).concat([1]));
    function slowness(e) {  // green (quick) to red (slow), on a square-root scale of the mean time
      var t = Math.sqrt((e.mean || 0) / maxMean);
      return "rgb(" + Math.round(46 + 152 * t) + "," + Math.round(125 - 85 * t) + "," + Math.round(50 - 10 * t) + ")";
    }
    var performance = state.mode === "performance";
    var items = shown.map(function (e) {
      var count = number(e.frequency), time = shortDuration(e.mean);
      // the layout keeps room for the longer of both labels, so switching modes moves nothing
      // a path's width tells the share of the cases that take it (not its rank among paths)
      return { from: e.from, to: e.to, frequency: e.frequency, edge: e, width: 1 + 7 * Math.min(1, e.frequency / (totalCases || 1)),
        label: performance ? time : count, room: count.length > time.length ? count : time,
        color: performance ? slowness(e) : null };
    });
    // Dashed paths from Start and to End are drawn for activities that open or close at least 1% of
    // the cases (rarer ones would stretch the map with long lines); every count is in the tooltips.
    function common(counts) {
      var out = only(counts);
      Object.keys(out).forEach(function (a) { if (out[a] < 0.01 * totalCases) delete out[a]; });
      return out;
    }
    var starts = common(data.start_activities), ends = common(data.end_activities);
    var g = WayfareProcessMap.layout({
      activities: activities, edges: items, starts: starts, ends: ends,
      count: function (n) { return number(data.activities[n].events); },
      startsLabelled: function (a) { return number(starts[a]); },
      endsLabelled: function (a) { return number(ends[a]); },
      startLabel: L.start, endLabel: L.end,
    });
    var drawn = WayfareProcessMap.option(g, box.parentNode.clientWidth || 800, {
      edge: function (item) {
        var e = item.edge;
        if (!e) return number(item.frequency) + " " + L.cases.toLowerCase();
        return esc(e.from) + " → " + esc(e.to) + "<br>" + L.cases + ": " + number(e.frequency) + "<br>" +
          L.meanTime + ": " + duration(e.mean) + "<br>" + L.medianTime + ": " + duration(e.median);
      },
      node: function (n) {
        if (n.kind !== "activity") return esc(n.label);
        var text = esc(n.id) + "<br>" + L.events + ": " + number(n.events);
        if (data.start_activities[n.id]) text += "<br>" + L.startsHere + ": " + number(data.start_activities[n.id]);
        if (data.end_activities[n.id]) text += "<br>" + L.endsHere + ": " + number(data.end_activities[n.id]);
        if (n.loop) text += "<br>" + L.repeated + ": " + number(n.loop.frequency) + " · " + duration(n.loop.edge.mean);
        return text + "<br><small>" + L.clickThrough + "</small>";
      },
    });
    box.style.minHeight = "";
    box.style.height = drawn.height + "px";
    box.style.width = drawn.width + "px";
    chart("process-map").resize();
    chart("process-map").setOption(drawn.option, true);
    lastNodes = drawn.nodes;
    if (!state.mapClick) {  // a click on an activity keeps the cases through it (the filter shows it)
      state.mapClick = true;
      chart("process-map").on("click", { seriesName: "activities" }, function (p) {
        var n = lastNodes && lastNodes[p.dataIndex];
        if (!n || n.kind !== "activity") return;
        form.elements.with_activity.value = n.id;
        refresh();
      });
    }
    // a map wider than the page scrolls; it opens at its left edge unless that hides where journeys start
    var view = box.parentNode.clientWidth;
    box.parentNode.scrollLeft = drawn.startX > view - 80 ? drawn.startX - view / 2 : 0;
    document.getElementById("map-caption").textContent = fmt(L.pathsShown, { shown: shown.length, total: edges.length });
  }

  function loadMap() {
    return part("dfg").then(function (data) {
      state.dfg = data;
      defaultSlider(data.edges.length);
      drawMap();
      fillPaths(data);
    });
  }

  // The map's figures as a table: exact, sortable by eye, and readable without the picture.
  function fillPaths(data) {
    var body = document.querySelector("#paths tbody");
    body.innerHTML = "";
    data.edges.slice().sort(function (a, b) { return b.frequency - a.frequency; }).forEach(function (e) {
      var row = el("tr");
      row.appendChild(el("td", e.from));
      row.appendChild(el("td", e.to));
      row.appendChild(el("td", number(e.frequency), { class: "num", "data-value": e.frequency }));
      [e.mean, e.median, e.min, e.max].forEach(function (seconds) {
        row.appendChild(el("td", duration(seconds), { class: "num", "data-value": seconds }));
      });
      body.appendChild(row);
    });
  }

  function loadVariants() {
    return part("variants").then(function (data) {
      var body = document.querySelector("#variants tbody");
      body.innerHTML = "";
      data.variants.forEach(function (v, i) {
        var row = el("tr");
        row.appendChild(el("td", i + 1, { class: "num" }));
        row.appendChild(el("td", v.variant.join(" → ")));
        row.appendChild(el("td", number(v.cases), { class: "num", "data-value": v.cases }));
        var share = el("td", null, { "data-value": v.share });
        share.appendChild(el("progress", null, { value: v.share, max: 1, style: "width:5rem;margin:0 .4rem 0 0" }));
        share.appendChild(document.createTextNode(percent(v.share)));
        row.appendChild(share);
        row.appendChild(el("td", duration(v.mean_duration_s), { class: "num", "data-value": v.mean_duration_s }));
        row.appendChild(el("td", duration(v.median_duration_s), { class: "num", "data-value": v.median_duration_s }));
        var action = el("td");
        var button = el("button", L.filterVariant, { type: "button", class: "secondary outline compact" });
        button.addEventListener("click", function () { setVariant(v.variant); });
        action.appendChild(button);
        if (config.canDesign) {
          var design = el("button", L.useAsPath, { type: "button", class: "secondary outline compact", "data-use-variant": i + 1 });
          design.addEventListener("click", function () { useAsPath(v.variant, i + 1); });
          action.appendChild(design);
        }
        row.appendChild(action);
        body.appendChild(row);
      });
      document.getElementById("variants-caption").textContent = data.n_variants
        ? fmt(L.variantsShown, { shown: data.variants.length, total: data.n_variants }) : L.noData;
    });
  }

  function loadDurations() {
    return part("durations").then(function (data) {
      var h = data.histogram, labels = [];
      function days(seconds) {
        return Number(seconds / 86400).toLocaleString(document.documentElement.lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
      }
      for (var i = 0; i < h.counts.length; i++) labels.push(days(h.edges[i]) + "–" + days(h.edges[i + 1]));
      chart("durations").setOption({
        tooltip: {}, grid: { left: 60, right: 20, bottom: 80 },
        xAxis: { type: "category", data: labels, name: L.days, axisLabel: { rotate: 45 } },
        yAxis: { type: "value", name: L.cases },
        series: [{ type: "bar", data: h.counts, name: L.cases, itemStyle: { color: "#1e6fd9" } }]
      }, true);
      var c = data.case_durations;
      document.getElementById("durations-caption").textContent = fmt(L.durationStats, {
        min: duration(c.min), median: duration(c.median), mean: duration(c.mean), max: duration(c.max) });
    });
  }

  function loadActivities() {
    return part("activities").then(function (data) {
      fillActivities(Object.keys(data.activities));
      var body = document.querySelector("#activities tbody");
      body.innerHTML = "";
      Object.keys(data.activities).sort(function (a, b) { return data.activities[b].events - data.activities[a].events; }).forEach(function (name) {
        var a = data.activities[name], r = data.rework[name] || { cases: 0, extra_occurrences: 0 };
        var row = el("tr");
        row.appendChild(el("td", name));
        [a.events, a.cases, r.cases, r.extra_occurrences].forEach(function (n) { row.appendChild(el("td", number(n), { class: "num", "data-value": n })); });
        body.appendChild(row);
      });
    });
  }

  // One case's events, in journey order, in a dialog (from an example case of a deviation).
  function showCase(id) {
    return get("case", new URLSearchParams({ id: id }).toString(), true)  // a whole case: no filter applies
      .then(function (data) {
        var dialog = document.getElementById("case-dialog");
        dialog.querySelector("h3").textContent = fmt(L.caseTitle, { case: data.case });
        var body = dialog.querySelector("tbody");
        body.innerHTML = "";
        var previous = null;
        data.events.forEach(function (e, i) {
          var at = new Date(e.timestamp);
          var row = el("tr");
          row.appendChild(el("td", i + 1, { class: "num" }));
          row.appendChild(el("td", e.activity));
          row.appendChild(el("td", e.timestamp.replace("T", " ").replace("Z", "")));
          row.appendChild(el("td", e.resource || "—"));
          row.appendChild(el("td", previous ? duration((at - previous) / 1000) : "—", { class: "num" }));
          body.appendChild(row);
          previous = at;
        });
        dialog.showModal();
      })
      .catch(showError);
  }

  function loadConformance() {
    var select = document.getElementById("journey-select");
    if (!select) return Promise.resolve();
    return get("conformance", "journey=" + encodeURIComponent(select.value)).then(function (data) {
      var box = document.getElementById("conformance-summary");
      box.innerHTML = "";
      card(box, L.conforming, number(data.conforming_cases) + " (" + percent(data.conforming_share || 0) + ")");
      card(box, L.withDeviation, number(data.cases - data.conforming_cases));
      ["skipped", "unexpected", "repeated", "out_of_order"].forEach(function (k) { card(box, L[k], number((data.by_kind || {})[k] || 0)); });
      var body = document.querySelector("#deviations tbody");
      body.innerHTML = "";
      data.deviations.forEach(function (d) {
        var row = el("tr");
        [L[d.kind] || d.kind, d.stage || "—", d.activity || "—"].forEach(function (t) { row.appendChild(el("td", t)); });
        [d.cases, d.occurrences].forEach(function (n) { row.appendChild(el("td", number(n), { "data-value": n })); });
        var examples = el("td");
        (d.example_cases || []).forEach(function (id, i) {
          if (i) examples.appendChild(document.createTextNode(", "));
          var link = el("a", id, { href: "#", "aria-label": fmt(L.openCase, { case: id }) });
          link.addEventListener("click", function (e) { e.preventDefault(); showCase(id); });
          examples.appendChild(link);
        });
        row.appendChild(examples);
        body.appendChild(row);
      });
      chart("dwell").setOption({
        tooltip: {}, grid: { left: 60, right: 20, top: 44, bottom: 40 },
        legend: { top: 0 },
        xAxis: { type: "category", data: data.stages.map(function (s) { return s.stage; }) },
        yAxis: { type: "value" },
        series: [
          { type: "bar", name: L.dwellMedian, data: data.stages.map(function (s) { return s.dwell_median_s === null ? 0 : +(s.dwell_median_s / 3600).toFixed(2); }) },
          { type: "bar", name: L.dwellMean, data: data.stages.map(function (s) { return s.dwell_mean_s === null ? 0 : +(s.dwell_mean_s / 3600).toFixed(2); }) }
        ]
      }, true);
    });
  }

  function useAsPath(variant, n) {
    fetch(config.fromVariant, {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": config.csrfToken, Accept: "application/json" },
      body: JSON.stringify({ event_log: config.eventLog, name: fmt(L.pathName, { n: n }) + " · " + new Date().toISOString().slice(0, 16).replace("T", " "), activities: variant })
    }).then(function (r) {
      return r.json().then(function (body) { if (!r.ok) throw new Error(body.detail || JSON.stringify(body)); return body; });
    }).then(function (journey) {
      var select = document.getElementById("journey-select");
      if (!select) { window.location.reload(); return; }
      select.appendChild(el("option", journey.name, { value: journey.id }));
      select.value = String(journey.id);
      return loadConformance().then(function () {
        document.getElementById("conformance-h").scrollIntoView({ behavior: "smooth" });
      });
    }).catch(showError);
  }

  function showVariant(variant) {
    form.elements.variant.value = variant ? JSON.stringify(variant) : "";
    var note = document.getElementById("variant-filter");
    note.hidden = !variant;
    note.querySelector("span").textContent = variant ? variant.join(" → ") : "";
  }
  function setVariant(variant) {
    showVariant(variant);
    refresh();
  }

  // The filters, the map's mode and its slider live in the page's address, so that a view can be
  // bookmarked, shared, or opened again after a reload.
  function restoreFromAddress() {
    var params = new URLSearchParams(location.search);
    params.forEach(function (value, key) {
      var field = form.elements[key];
      if (!field || key === "variant") return;
      if (field.tagName === "SELECT" && !Array.prototype.some.call(field.options, function (o) { return o.value === value; })) {
        field.appendChild(el("option", value, { value: value }));
      }
      field.value = value;
    });
    try { if (params.get("variant")) showVariant(JSON.parse(params.get("variant"))); } catch (e) { /* not a variant: ignored */ }
    if (params.get("map") === "performance") {
      state.mode = "performance";
      document.querySelector("input[name=map-mode][value=performance]").checked = true;
    }
    var hide = parseInt(params.get("hide"), 10);
    if (params.has("hide")) state.sliderSet = true;  // the address decides, even "hide=0"
    if (hide > 0 && hide <= 100) {
      state.slider = hide;
      document.getElementById("edge-slider").value = hide;
      document.getElementById("edge-slider-value").textContent = hide + "%";
    }
  }
  function saveToAddress() {
    var params = new URLSearchParams(query());
    if (state.mode !== "frequency") params.set("map", state.mode);
    if (state.slider || state.sliderSet) params.set("hide", state.slider);
    var q = params.toString();
    history.replaceState(null, "", location.pathname + (q ? "?" + q : ""));
  }

  // One request brings everything the page draws (the server builds the case sequences once).
  var bundle = null;
  function part(name) { return bundle.then(function (all) { return all[name]; }); }

  function refresh() {
    document.getElementById("explorer-error").hidden = true;
    document.body.classList.remove("explorer-stale");
    saveToAddress();
    bundle = get("explorer", "limit=" + config.variantLimit);
    document.body.setAttribute("aria-busy", "true");
    return Promise.all([loadSummary(), loadAttributes(), loadMap(), loadVariants(), loadDurations(), loadActivities(), loadConformance()])
      .catch(showError)
      .finally(function () { document.body.removeAttribute("aria-busy"); document.body.dataset.explorerReady = "1"; });
  }

  form.addEventListener("submit", function (e) { e.preventDefault(); refresh(); });
  form.addEventListener("reset", function () { setTimeout(function () { setVariant(null); }, 0); });
  document.querySelector("[data-clear-variant]").addEventListener("click", function (e) { e.preventDefault(); setVariant(null); });
  document.querySelectorAll("input[name=map-mode]").forEach(function (r) {
    r.addEventListener("change", function () { state.mode = r.value; saveToAddress(); drawMap(); });
  });
  var slider = document.getElementById("edge-slider");
  slider.addEventListener("input", function () {
    state.slider = +slider.value;
    state.sliderSet = true;
    document.getElementById("edge-slider-value").textContent = slider.value + "%";
    saveToAddress();
    clearTimeout(state.sliding);  // a drag sends many values: lay out the one it stops at
    state.sliding = setTimeout(drawMap, 60);
  });
  var journey = document.getElementById("journey-select");
  if (journey) journey.addEventListener("change", function () { loadConformance().catch(showError); });
  // Downloads: a table as CSV (raw numbers, durations in seconds, UTF-8 with a BOM for spreadsheets) and
  // the map as a PNG, both made in the browser from what the page shows.
  function download(name, url) {
    var a = el("a", null, { href: url, download: name });
    document.body.appendChild(a);
    a.click();
    a.remove();
  }
  function csvField(value) {
    var text = value === null || value === undefined ? "" : String(value);
    return /[",\n\r;]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }
  function tableCsv(table) {
    var skip = [];
    var header = Array.prototype.map.call(table.tHead.rows[0].cells, function (th, i) {
      if (th.hasAttribute("data-csv-skip")) skip.push(i);
      return th.textContent.trim() + (th.hasAttribute("data-csv-seconds") ? " (" + L.s + ")" : "");
    });
    var lines = [header.filter(function (_, i) { return skip.indexOf(i) < 0; }).map(csvField).join(",")];
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      var cells = Array.prototype.filter.call(row.cells, function (_, i) { return skip.indexOf(i) < 0; });
      lines.push(cells.map(function (td) {
        return csvField(td.hasAttribute("data-value") ? td.getAttribute("data-value") : td.textContent.trim());
      }).join(","));
    });
    return "\ufeff" + lines.join("\r\n") + "\r\n";
  }
  document.querySelectorAll("[data-csv-table]").forEach(function (button) {
    button.addEventListener("click", function () {
      var csv = tableCsv(document.getElementById(button.getAttribute("data-csv-table")));
      var url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
      download(button.getAttribute("data-csv-name"), url);
      setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
    });
  });
  document.getElementById("map-image").addEventListener("click", function () {
    download("process-map.png", chart("process-map").getDataURL({ type: "png", pixelRatio: 2, backgroundColor: "#fff" }));
  });

  restoreFromAddress();
  refresh();
})();
