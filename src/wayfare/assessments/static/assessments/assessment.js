// The assessment page's charts: a radar of the section scores (#assessment-radar) and the scores over time
// (#assessment-history), from the JSON the page embeds. A missing score is a gap in the line, never zero.
(function () {
  "use strict";
  function data(id) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }
  function radar() {
    var d = data("assessment-radar-data");
    if (!d || !document.getElementById("assessment-radar")) return;
    var chart = Wayfare.charts.chart("assessment-radar");
    chart.setOption({
      tooltip: {},
      radar: {
        radius: "60%",
        indicator: d.indicators.map(function (name) { return { name: name, max: 100, min: 0 }; }),
        axisName: { overflow: "break", width: 110 }
      },
      series: [{
        type: "radar",
        data: [{ name: d.name, value: d.values.map(function (v) { return v === null ? "-" : v; }) }],
        areaStyle: { opacity: 0.2 }
      }]
    }, true);
  }
  function history() {
    var d = data("assessment-history-data");
    if (!d || !document.getElementById("assessment-history")) return;
    var overall = gettext("Overall");
    var series = [{ name: overall, type: "line", data: d.overall, connectNulls: false, lineStyle: { width: 3 } }];
    d.sections.forEach(function (s) {
      series.push({ name: s.name, type: "line", data: s.values, connectNulls: false, lineStyle: { type: "dashed" } });
    });
    Wayfare.charts.chart("assessment-history").setOption({
      tooltip: { trigger: "axis" },
      legend: { type: "scroll", top: 0 },
      grid: { left: 40, right: 16, top: 48, bottom: 32 },
      xAxis: { type: "category", data: d.dates },
      yAxis: { type: "value", min: 0, max: 100 },
      series: series
    }, true);
  }
  function both() {
    var d = data("compare-radar-data");
    if (!d || !document.getElementById("compare-radar")) return;
    Wayfare.charts.chart("compare-radar").setOption({
      tooltip: {},
      legend: { top: 0 },
      radar: {
        radius: "58%",
        indicator: d.indicators.map(function (name) { return { name: name, max: 100, min: 0 }; }),
        axisName: { overflow: "break", width: 110 }
      },
      series: [{
        type: "radar",
        areaStyle: { opacity: 0.15 },
        data: d.series.map(function (s) {
          return { name: s.name, value: s.values.map(function (v) { return v === null ? "-" : v; }) };
        })
      }]
    }, true);
  }
  document.addEventListener("DOMContentLoaded", function () { radar(); history(); both(); });
})();
