// The event-log explorer: every figure comes from the analytics API as JSON and is drawn here. This file
// wires the page together; explorer-data.js holds the state and requests, explorer-map.js the process
// map, explorer-panels.js the other panels, and the core's Wayfare.format / charts / csv do the rest.
(function (X) {
  "use strict";
  var D = X.data, P = X.panels, state = D.state, form = D.form;

  function refresh() {
    D.clearError();
    D.saveToAddress();
    D.reload();
    document.body.setAttribute("aria-busy", "true");
    return Promise.all([P.summary(), P.attributes(), X.map.load(), P.variants(), P.durations(), P.activities(), P.conformance()])
      .catch(D.showError)
      .finally(function () { document.body.removeAttribute("aria-busy"); document.body.dataset.explorerReady = "1"; });
  }
  function setVariant(variant) {
    D.showVariant(variant);
    refresh();
  }
  X.refresh = refresh;
  X.setVariant = setVariant;

  form.addEventListener("submit", function (e) { e.preventDefault(); refresh(); });
  form.addEventListener("reset", function () { setTimeout(function () { setVariant(null); }, 0); });
  document.querySelector("[data-clear-variant]").addEventListener("click", function (e) { e.preventDefault(); setVariant(null); });
  document.querySelectorAll("input[name=map-mode]").forEach(function (r) {
    r.addEventListener("change", function () { state.mode = r.value; D.saveToAddress(); X.map.draw(); });
  });
  var slider = document.getElementById("edge-slider");
  var sliding = null;
  slider.addEventListener("input", function () {
    state.slider = +slider.value;
    state.sliderSet = true;
    document.getElementById("edge-slider-value").textContent = slider.value + "%";
    D.saveToAddress();
    clearTimeout(sliding);  // a drag sends many values: lay out the one it stops at
    sliding = setTimeout(X.map.draw, 60);
  });
  var journey = document.getElementById("journey-select");
  if (journey) journey.addEventListener("change", function () { P.conformance().catch(D.showError); });
  // Downloads, made in the browser from what the page shows: tables as CSV ([data-csv-table] buttons,
  // bound by Wayfare.csv) and the map as a PNG.
  Wayfare.csv.bindButtons();
  document.getElementById("map-image").addEventListener("click", function () {
    Wayfare.charts.downloadPng("process-map", "process-map.png");
  });

  D.restoreFromAddress();
  refresh();
})(window.WayfareExplorer = window.WayfareExplorer || {});
