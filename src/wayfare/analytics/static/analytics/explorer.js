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
  function number(n) { return n === null || n === undefined ? "—" : Number(n).toLocaleString(document.documentElement.lang); }
  function percent(x) { return (x * 100).toFixed(1) + "%"; }
  function query() {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, key) { if (value) params.append(key, value); });
    return params.toString();
  }
  function get(action, extra) {
    var q = query();
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
  }
  function chart(id) {
    if (!charts[id]) charts[id] = echarts.init(document.getElementById(id), null, { renderer: "canvas" });
    return charts[id];
  }
  window.addEventListener("resize", function () { Object.values(charts).forEach(function (c) { c.resize(); }); });

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
      fillActivities(Object.keys(Object.assign({}, data.start_activities, data.end_activities)));
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
      names.sort().forEach(function (name) { select.appendChild(el("option", name, { value: name })); });
    });
  }

  // Process map layout: keep the most frequent edges that do not close a cycle (a greedy feedback-arc
  // set), then rank every activity by its longest path from the start in that acyclic graph.
  function layout(nodes, edges, starts) {
    var succ = {};
    nodes.forEach(function (n) { succ[n] = []; });
    function reaches(a, b) {
      var seen = {}, stack = [a];
      while (stack.length) {
        var x = stack.pop();
        if (x === b) return true;
        if (seen[x]) continue;
        seen[x] = true;
        (succ[x] || []).forEach(function (y) { stack.push(y); });
      }
      return false;
    }
    edges.slice().sort(function (a, b) { return b.frequency - a.frequency; }).forEach(function (e) {
      if (e.from !== e.to && succ[e.from] && succ[e.to] && !reaches(e.to, e.from)) succ[e.from].push(e.to);
    });
    var rank = {};
    function longest(n, depth) {
      if (depth > nodes.length) return;
      if (rank[n] !== undefined && rank[n] >= depth) return;
      rank[n] = depth;
      succ[n].forEach(function (m) { longest(m, depth + 1); });
    }
    var indegree = {};
    nodes.forEach(function (n) { succ[n].forEach(function (m) { indegree[m] = (indegree[m] || 0) + 1; }); });
    nodes.filter(function (n) { return !indegree[n]; }).forEach(function (n) { longest(n, 1); });
    var maxRank = 1, perRank = {}, pos = {};
    nodes.forEach(function (n) { if (rank[n] === undefined) rank[n] = 1; maxRank = Math.max(maxRank, rank[n]); });
    nodes.slice().sort(function (a, b) { return (state.dfg.activities[b].events) - (state.dfg.activities[a].events); })
      .forEach(function (n) {
        var r = rank[n];
        perRank[r] = (perRank[r] || 0) + 1;
        pos[n] = [perRank[r] * 240, r * 100];
      });
    var widest = Math.max.apply(null, Object.keys(perRank).map(function (k) { return perRank[k]; }));
    // centre each rank horizontally
    nodes.forEach(function (n) { pos[n][0] += (widest - perRank[rank[n]]) * 120; });
    return { pos: pos, maxRank: maxRank, widest: widest };
  }

  function drawMap() {
    var data = state.dfg;
    if (!data) return;
    var edges = data.edges.slice().sort(function (a, b) { return b.frequency - a.frequency; });
    var keep = Math.max(1, Math.ceil(edges.length * (1 - state.slider / 100)));
    var shown = edges.slice(0, keep);
    var names = Object.keys(data.activities);
    if (state.slider > 0) {  // hidden paths take the activities they alone connect with them
      var kept = {};
      shown.forEach(function (e) { kept[e.from] = kept[e.to] = true; });
      names = names.filter(function (n) { return kept[n]; });
    }
    var starts = Object.keys(data.start_activities).filter(function (a) { return names.indexOf(a) >= 0; });
    var ends = Object.keys(data.end_activities).filter(function (a) { return names.indexOf(a) >= 0; });
    var lay = layout(names, shown, starts);
    var maxCount = Math.max.apply(null, names.map(function (n) { return data.activities[n].events; }).concat([1]));
    var nodes = names.map(function (n) {
      var count = data.activities[n].events;
      return { name: n, x: lay.pos[n][0], y: lay.pos[n][1], symbol: "roundRect", symbolSize: [170, 44],
        value: count, label: { show: true, formatter: n + "\n" + number(count), fontSize: 11,
          color: count / maxCount > 0.45 ? "#fff" : "#10243e" },
        itemStyle: { color: "rgba(30,111,217," + (0.15 + 0.85 * count / maxCount).toFixed(2) + ")", borderColor: "#1e6fd9" } };
    });
    var centre = (lay.widest + 1) * 120;
    nodes.push({ name: "▶ " + L.start, x: centre, y: 0, symbol: "circle", symbolSize: 36, itemStyle: { color: "#2e7d32" }, label: { show: true, position: "right" } });
    nodes.push({ name: "■ " + L.end, x: centre, y: (lay.maxRank + 1) * 100, symbol: "circle", symbolSize: 36, itemStyle: { color: "#c62828" }, label: { show: true, position: "right" } });
    var maxFreq = shown.length ? shown[0].frequency : 1;
    var maxMean = Math.max.apply(null, shown.map(function (e) { return e.mean || 0; }).concat([1]));
    function slowness(e) {  // green (quick) to red (slow), on a square-root scale of the mean time
      var t = Math.sqrt((e.mean || 0) / maxMean);
      return "rgb(" + Math.round(46 + 152 * t) + "," + Math.round(125 - 85 * t) + "," + Math.round(50 - 10 * t) + ")";
    }
    var links = shown.map(function (e) {
      var label = state.mode === "frequency" ? number(e.frequency) : duration(e.mean);
      var style = { width: 1 + 7 * e.frequency / maxFreq, curveness: e.from === e.to ? 0.6 : 0.2, opacity: 0.8 };
      if (state.mode === "performance") style.color = slowness(e);
      return { source: e.from, target: e.to, value: e.frequency,
        lineStyle: style,
        label: { show: true, formatter: label, fontSize: 10 } };
    });
    starts.forEach(function (a) { links.push({ source: "▶ " + L.start, target: a, value: data.start_activities[a], lineStyle: { type: "dashed" }, label: { show: true, formatter: number(data.start_activities[a]), fontSize: 10 } }); });
    ends.forEach(function (a) { links.push({ source: a, target: "■ " + L.end, value: data.end_activities[a], lineStyle: { type: "dashed" }, label: { show: true, formatter: number(data.end_activities[a]), fontSize: 10 } }); });
    var box = document.getElementById("process-map");
    box.style.height = Math.max(420, (lay.maxRank + 2) * 90) + "px";
    chart("process-map").resize();
    chart("process-map").setOption({
      tooltip: { formatter: function (p) {
        if (p.dataType === "edge") {
          var e = data.edges.find(function (x) { return x.from === p.data.source && x.to === p.data.target; });
          if (!e) return p.data.source + " → " + p.data.target + ": " + number(p.data.value);
          return e.from + " → " + e.to + "<br>" + L.cases + ": " + number(e.frequency) + "<br>" + L.meanDuration.split(" ")[0] + ": " + duration(e.mean) + " · " + duration(e.median);
        }
        return p.name + (p.value ? ": " + number(p.value) : "");
      } },
      animation: false,
      series: [{ type: "graph", layout: "none", roam: true, draggable: true, edgeSymbol: ["none", "arrow"], edgeSymbolSize: 9,
        data: nodes, links: links, lineStyle: { color: "source" }, emphasis: { focus: "adjacency" } }]
    }, true);
    document.getElementById("map-caption").textContent = fmt(L.pathsShown, { shown: shown.length, total: edges.length });
  }

  function loadMap() {
    return part("dfg").then(function (data) { state.dfg = data; drawMap(); });
  }

  function loadVariants() {
    return part("variants").then(function (data) {
      var body = document.querySelector("#variants tbody");
      body.innerHTML = "";
      data.variants.forEach(function (v, i) {
        var row = el("tr");
        row.appendChild(el("td", i + 1));
        row.appendChild(el("td", v.variant.join(" → ")));
        row.appendChild(el("td", number(v.cases)));
        var share = el("td");
        share.appendChild(el("progress", null, { value: v.share, max: 1, style: "width:5rem;margin:0 .4rem 0 0" }));
        share.appendChild(document.createTextNode(percent(v.share)));
        row.appendChild(share);
        row.appendChild(el("td", duration(v.mean_duration_s)));
        row.appendChild(el("td", duration(v.median_duration_s)));
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
      document.getElementById("variants-caption").textContent = fmt(L.variantsShown, { shown: data.variants.length, total: data.n_variants });
    });
  }

  function loadDurations() {
    return part("durations").then(function (data) {
      var h = data.histogram, labels = [];
      for (var i = 0; i < h.counts.length; i++) labels.push((h.edges[i] / 86400).toFixed(1) + "–" + (h.edges[i + 1] / 86400).toFixed(1));
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
      var body = document.querySelector("#activities tbody");
      body.innerHTML = "";
      Object.keys(data.activities).sort(function (a, b) { return data.activities[b].events - data.activities[a].events; }).forEach(function (name) {
        var a = data.activities[name], r = data.rework[name] || { cases: 0, extra_occurrences: 0 };
        var row = el("tr");
        [name, number(a.events), number(a.cases), number(r.cases), number(r.extra_occurrences)].forEach(function (t) { row.appendChild(el("td", t)); });
        body.appendChild(row);
      });
    });
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
        [L[d.kind] || d.kind, d.stage || "—", d.activity || "—", number(d.cases), number(d.occurrences), (d.example_cases || []).join(", ")]
          .forEach(function (t) { row.appendChild(el("td", t)); });
        body.appendChild(row);
      });
      chart("dwell").setOption({
        tooltip: {}, grid: { left: 60, right: 20, bottom: 60 },
        legend: {},
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

  function setVariant(variant) {
    form.elements.variant.value = variant ? JSON.stringify(variant) : "";
    var note = document.getElementById("variant-filter");
    note.hidden = !variant;
    note.querySelector("span").textContent = variant ? variant.join(" → ") : "";
    refresh();
  }

  // One request brings everything the page draws (the server builds the case sequences once).
  var bundle = null;
  function part(name) { return bundle.then(function (all) { return all[name]; }); }

  function refresh() {
    document.getElementById("explorer-error").hidden = true;
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
    r.addEventListener("change", function () { state.mode = r.value; drawMap(); });
  });
  var slider = document.getElementById("edge-slider");
  slider.addEventListener("input", function () {
    state.slider = +slider.value;
    document.getElementById("edge-slider-value").textContent = slider.value + "%";
    drawMap();
  });
  var journey = document.getElementById("journey-select");
  if (journey) journey.addEventListener("change", function () { loadConformance().catch(showError); });
  refresh();
})();
