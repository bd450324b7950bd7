// The explorer's panels besides the map: summary cards, variants, case durations, activities,
// conformance to a journey map (the designed journey), and one case's events in a dialog.
(function (X) {
  "use strict";
  var f = Wayfare.format, gettext = f.gettext, el = Wayfare.dom.el, charts = Wayfare.charts;
  var D = X.data;
  var DEVIATIONS = {  // the kinds the conformance API names, in the reader's words
    skipped: function () { return gettext("Skipped stage"); },
    unexpected: function () { return gettext("Unexpected activity"); },
    repeated: function () { return gettext("Repeated"); },
    out_of_order: function () { return gettext("Out of order"); }
  };
  function deviation(kind) { return DEVIATIONS[kind] ? DEVIATIONS[kind]() : kind; }

  function card(container, label, value) {
    var article = el("article");
    article.appendChild(el("small", label, { class: "muted" }));
    article.appendChild(el("p", value, { class: "figure", style: "font-size:1.6rem;margin:0" }));
    container.appendChild(article);
  }

  function summary() {
    return D.part("summary").then(function (data) {
      var box = document.getElementById("summary");
      box.innerHTML = "";
      card(box, gettext("Events"), f.number(data.summary.events));
      card(box, gettext("Cases"), f.number(data.summary.cases));
      card(box, gettext("Variants"), f.number(data.n_variants));
      card(box, gettext("Median case duration"), f.duration(data.case_durations.median));
    });
  }

  var attributesFilled = false;
  function attributes() {
    if (attributesFilled) return Promise.resolve();
    attributesFilled = true;
    return D.get("attributes").then(function (data) {
      var list = document.getElementById("attribute-names");
      list.innerHTML = "";
      Object.keys(data).forEach(function (name) {
        data[name].forEach(function (v) {
          list.appendChild(el("option", null, { value: name + "=" + v.value, label: f.number(v.cases) + " " + gettext("Cases") }));
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

  function variants() {
    return D.part("variants").then(function (data) {
      var body = document.querySelector("#variants tbody");
      body.innerHTML = "";
      data.variants.forEach(function (v, i) {
        var row = el("tr");
        row.appendChild(el("td", i + 1, { class: "num" }));
        row.appendChild(el("td", v.variant.join(" → "), { class: "path" }));
        row.appendChild(el("td", f.number(v.cases), { class: "num", "data-value": v.cases }));
        var share = el("td", null, { "data-value": v.share, class: "figure" });
        share.appendChild(el("progress", null, { value: v.share, max: 1, style: "width:5rem;margin:0 .4rem 0 0" }));
        share.appendChild(document.createTextNode(f.percent(v.share)));
        row.appendChild(share);
        row.appendChild(el("td", f.duration(v.mean_duration_s), { class: "num", "data-value": v.mean_duration_s }));
        row.appendChild(el("td", f.duration(v.median_duration_s), { class: "num", "data-value": v.median_duration_s }));
        var action = el("td", null, { class: "row-actions" });
        var only = el("button", gettext("Only this variant"), { type: "button", class: "secondary outline compact" });
        only.addEventListener("click", function () { X.setVariant(v.variant); });
        action.appendChild(only);
        if (D.config.canDesign) {
          var design = el("button", gettext("Use as designed path"), { type: "button", class: "secondary outline compact", "data-use-variant": i + 1 });
          design.addEventListener("click", function () { useAsPath(v.variant, i + 1); });
          action.appendChild(design);
        }
        row.appendChild(action);
        body.appendChild(row);
      });
      document.getElementById("variants-caption").textContent = data.n_variants
        ? f.interpolate(gettext("The %(shown)s most frequent of %(total)s variants."), { shown: data.variants.length, total: data.n_variants })
        : gettext("No case matches these filters.");
    });
  }

  function durations() {
    return D.part("durations").then(function (data) {
      var h = data.histogram, labels = [];
      for (var i = 0; i < h.counts.length; i++) labels.push(f.days(h.edges[i]) + "–" + f.days(h.edges[i + 1]));
      charts.chart("durations").setOption({
        tooltip: {}, grid: { left: 60, right: 20, bottom: 80 },
        xAxis: { type: "category", data: labels, name: gettext("days"), axisLabel: { rotate: 45 } },
        yAxis: { type: "value", name: gettext("Cases") },
        series: [{ type: "bar", data: h.counts, name: gettext("Cases") }]
      }, true);
      var c = data.case_durations;
      document.getElementById("durations-caption").textContent = f.interpolate(
        gettext("Shortest %(min)s, median %(median)s, mean %(mean)s, longest %(max)s."),
        { min: f.duration(c.min), median: f.duration(c.median), mean: f.duration(c.mean), max: f.duration(c.max) });
    });
  }

  function activities() {
    return D.part("activities").then(function (data) {
      fillActivities(Object.keys(data.activities));
      var body = document.querySelector("#activities tbody");
      body.innerHTML = "";
      Object.keys(data.activities).sort(function (a, b) { return data.activities[b].events - data.activities[a].events; }).forEach(function (name) {
        var a = data.activities[name], r = data.rework[name] || { cases: 0, extra_occurrences: 0 };
        var row = el("tr");
        row.appendChild(el("td", name));
        [a.events, a.cases, r.cases, r.extra_occurrences].forEach(function (n) { row.appendChild(el("td", f.number(n), { class: "num", "data-value": n })); });
        body.appendChild(row);
      });
    });
  }

  // One case's events, in journey order, in a dialog (from an example case of a deviation).
  function showCase(id) {
    return D.get("case", new URLSearchParams({ id: id }).toString(), true)  // a whole case: no filter applies
      .then(function (data) {
        var dialog = document.getElementById("case-dialog");
        // "The events of Case 1009": a log's case ids often carry the word already ("Case Case 1009").
        dialog.querySelector("h3").textContent = f.interpolate(gettext("The events of %(case)s"), { case: data.case });
        var body = dialog.querySelector("tbody");
        body.innerHTML = "";
        var previous = null;
        data.events.forEach(function (e, i) {
          var at = new Date(e.timestamp);
          var row = el("tr");
          row.appendChild(el("td", i + 1, { class: "num" }));
          row.appendChild(el("td", e.activity));
          row.appendChild(el("td", f.dateTime(at, { second: "2-digit" }), { class: "figure", "data-value": e.timestamp }));
          row.appendChild(el("td", e.resource || "—"));
          row.appendChild(el("td", previous ? f.duration((at - previous) / 1000) : "—", { class: "num" }));
          body.appendChild(row);
          previous = at;
        });
        dialog.showModal();
      })
      .catch(D.showError);
  }

  function conformance() {
    var select = document.getElementById("journey-select");
    if (!select) return Promise.resolve();
    return D.get("conformance", "journey_map=" + encodeURIComponent(select.value)).then(function (data) {
      var box = document.getElementById("conformance-summary");
      box.innerHTML = "";
      card(box, gettext("Conforming cases"), f.number(data.conforming_cases) + " (" + f.percent(data.conforming_share || 0) + ")");
      card(box, gettext("Cases with a deviation"), f.number(data.cases - data.conforming_cases));
      Object.keys(DEVIATIONS).forEach(function (k) { card(box, deviation(k), f.number((data.by_kind || {})[k] || 0)); });
      var body = document.querySelector("#deviations tbody");
      body.innerHTML = "";
      data.deviations.forEach(function (d) {
        var row = el("tr");
        [deviation(d.kind), d.stage || "—", d.activity || "—"].forEach(function (text) { row.appendChild(el("td", text)); });
        [d.cases, d.occurrences].forEach(function (n) { row.appendChild(el("td", f.number(n), { class: "num", "data-value": n })); });
        var examples = el("td");
        (d.example_cases || []).forEach(function (id, i) {
          if (i) examples.appendChild(document.createTextNode(", "));
          var link = el("a", id, { href: "#", "aria-label": f.interpolate(gettext("Show the events of case %(case)s"), { case: id }) });
          link.addEventListener("click", function (e) { e.preventDefault(); showCase(id); });
          examples.appendChild(link);
        });
        row.appendChild(examples);
        body.appendChild(row);
      });
      // Seconds on the bars; days and hours on the axis and in the tooltip, as everywhere else (#15).
      function seconds(value) { return value === null ? 0 : value; }
      charts.chart("dwell").setOption({
        tooltip: { valueFormatter: function (v) { return f.duration(v); } },
        grid: { left: 60, right: 20, top: 44, bottom: 40 },
        legend: { top: 0 },
        xAxis: { type: "category", data: data.stages.map(function (s) { return s.stage; }) },
        yAxis: { type: "value", axisLabel: { formatter: function (v) { return f.shortDuration(v); } } },
        series: [
          { type: "bar", name: gettext("Median dwell time per stage"), data: data.stages.map(function (s) { return seconds(s.dwell_median_s); }) },
          { type: "bar", name: gettext("Mean dwell time per stage"), data: data.stages.map(function (s) { return seconds(s.dwell_mean_s); }) }
        ]
      }, true);
    });
  }

  function useAsPath(variant, n) {
    var name = f.interpolate(gettext("Designed path from variant %(n)s"), { n: n }) + " · " + new Date().toISOString().slice(0, 16).replace("T", " ");
    D.post(D.config.fromVariant, { name: name, activities: variant }).then(function (journey) {
      var select = document.getElementById("journey-select");
      if (!select) { window.location.reload(); return; }
      select.appendChild(el("option", journey.name, { value: journey.id }));
      select.value = String(journey.id);
      return conformance().then(function () {
        document.getElementById("conformance-h").scrollIntoView({ behavior: "smooth" });
      });
    }).catch(D.showError);
  }

  X.panels = { summary: summary, attributes: attributes, variants: variants, durations: durations, activities: activities, conformance: conformance, showCase: showCase };
})(window.WayfareExplorer = window.WayfareExplorer || {});
