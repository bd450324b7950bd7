// Wayfare.charts: ECharts set up one way on every page (needs vendor/echarts/echarts.min.js first).
//
//   var c = Wayfare.charts.chart("durations");   // one instance per element, made on first use
//   c.setOption({...}, true);
//   Wayfare.charts.onResize(fn);                  // after the charts have followed the window's width
//   Wayfare.charts.downloadPng("durations", "durations.png");
//
// The "wayfare" theme gives the colours and the page's font (CJK faces included); every chart follows
// the window's width.
(function (W) {
  "use strict";
  var instances = {};
  var listeners = [];
  var PALETTE = ["#1e6fd9", "#e07b00", "#2e7d32", "#8e24aa", "#c62828", "#00838f", "#6d4c41", "#546e7a"];
  var themed = false;

  function theme() {
    if (themed) return;
    themed = true;
    var font = window.getComputedStyle(document.body).fontFamily;
    echarts.registerTheme("wayfare", {
      color: PALETTE,
      textStyle: { fontFamily: font },
      title: { textStyle: { fontFamily: font } },
      legend: { textStyle: { fontFamily: font } },
      tooltip: { textStyle: { fontFamily: font } }
    });
  }
  function element(target) { return typeof target === "string" ? document.getElementById(target) : target; }
  function chart(target) {
    var node = element(target);
    var key = node.id || (node.id = "wayfare-chart-" + Object.keys(instances).length);
    if (!instances[key]) {
      theme();
      instances[key] = echarts.init(node, "wayfare", { renderer: "canvas" });
    }
    return instances[key];
  }
  function onResize(fn) { listeners.push(fn); }
  var waiting = null;
  window.addEventListener("resize", function () {
    Object.keys(instances).forEach(function (k) { instances[k].resize(); });
    clearTimeout(waiting);  // a drag of the window's edge sends many events: redraw once it rests
    waiting = setTimeout(function () { listeners.forEach(function (fn) { fn(); }); }, 200);
  });
  function png(target) {
    return chart(target).getDataURL({ type: "png", pixelRatio: 2, backgroundColor: "#fff" });
  }
  function downloadPng(target, name) { W.dom.download(name, png(target)); }
  W.charts = { chart: chart, onResize: onResize, png: png, downloadPng: downloadPng, palette: PALETTE };
})(window.Wayfare = window.Wayfare || {});
