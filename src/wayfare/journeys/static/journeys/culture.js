// Culture profiles on the eight scales (issue #13): each scale a line from pole to pole, a marker per group.
(function () {
  "use strict";
  function draw() {
    var el = document.getElementById("culture-chart");
    var src = document.getElementById("culture-data");
    if (!el || !src || typeof echarts === "undefined") return;
    var data = JSON.parse(src.textContent);
    var rows = data.rows.slice().reverse();
    var narrow = el.clientWidth < 520;
    var chart = echarts.init(el);
    var keys = ["a", "b"];
    var symbols = ["circle", "diamond"];
    var series = [{
      type: "line", name: "", silent: true, symbol: "none",
      data: [], lineStyle: { opacity: 0 }
    }];
    data.groups.forEach(function (g, i) {
      series.push({
        type: "scatter", name: g, symbol: symbols[i], symbolSize: 14,
        data: rows.map(function (r, j) { return [r[keys[i]], j]; })
      });
    });
    chart.setOption({
      legend: { top: 0 },
      grid: { left: narrow ? 8 : 150, right: narrow ? 8 : 150, top: 40, bottom: 20, containLabel: false },
      tooltip: { trigger: "item", formatter: function (p) { return p.seriesName + ": " + p.value[0]; } },
      xAxis: { type: "value", min: 1, max: 10, interval: 1, splitLine: { show: false } },
      yAxis: [
        { type: "category", data: rows.map(function (r) { return narrow ? "" : r.low; }), axisTick: { show: false }, splitLine: { show: true } },
        { type: "category", position: "right", data: rows.map(function (r) { return narrow ? "" : r.high; }), axisTick: { show: false } }
      ],
      series: series.slice(1),
      graphic: narrow ? rows.map(function (r, j) {
        return { type: "text", left: 8, top: 40 + j * ((el.clientHeight - 60) / rows.length), style: { text: r.label + ": " + r.low + " ↔ " + r.high, fontSize: 10 } };
      }) : []
    });
    window.addEventListener("resize", function () { chart.resize(); });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", draw); else draw();
})();
