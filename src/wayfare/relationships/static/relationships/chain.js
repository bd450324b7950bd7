// The chain of service relationships (relationships/chain.html): organisations as nodes, relationships
// as arrows provider -> consumer, coloured by type; a click on an arrow or a node opens its page.
(function () {
  "use strict";
  function draw() {
    var holder = document.getElementById("chain-graph");
    var source = document.getElementById("chain-data");
    if (!holder || !source || !window.echarts || !window.Wayfare || !window.Wayfare.charts) return;
    var data = JSON.parse(source.textContent);
    var colours = {};
    data.types.forEach(function (t) { colours[t.value] = t.colour; });
    var narrow = holder.clientWidth < 500;
    var chart = Wayfare.charts.chart(holder);
    chart.setOption({
      tooltip: { formatter: function (p) { return p.data.name; } },
      series: [{
        type: "graph",
        layout: "force",
        roam: true,
        draggable: true,
        force: { repulsion: narrow ? 220 : 700, edgeLength: narrow ? [60, 120] : [140, 260] },
        symbolSize: narrow ? 30 : 44,
        edgeSymbol: ["none", "arrow"],
        edgeSymbolSize: 12,
        label: { show: true, position: "bottom", width: narrow ? 90 : 160, overflow: "break" },
        edgeLabel: { show: false, formatter: function (p) { return p.data.name; }, fontSize: 11 },
        emphasis: { focus: "adjacency", edgeLabel: { show: true }, lineStyle: { width: 5 } },
        data: data.nodes.map(function (n) { return { id: n.id, name: n.name, url: n.url }; }),
        links: data.edges.map(function (e) {
          return {
            source: e.source, target: e.target, name: e.name, url: e.url,
            lineStyle: { color: colours[e.type], width: 3, curveness: 0.15 }
          };
        })
      }]
    }, true);
    chart.on("click", function (p) {
      if (p.data && p.data.url) window.location.href = p.data.url;
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", draw);
  else draw();
})();
