// The value-driver tree (000 Figure 1.11; 003 4.3.4.1): an ECharts tree series from top to bottom, the
// consumer's purpose at the top and the products and resources at the bottom, whatever the approach.
// Each driver takes its layer's colour (the key above the chart); its tooltip names the layer, the text
// and the offering or product linked, if the reader may see it. A click folds or unfolds a driver; the
// toolbox saves the tree as PNG named after it. The chart is as wide as its leaves need and scrolls
// sideways in its frame on a phone. The chart element carries data-ready="1" once drawn and
// data-collapsed (how many drivers are folded).
(function () {
  "use strict";
  var LEAF_WIDTH = 120;  // px a leaf's label needs side by side
  var LEVEL_HEIGHT = 110;  // px between two levels

  function start() {
    var configNode = document.getElementById("value-tree-config");
    var node = document.getElementById("value-tree-chart");
    if (!configNode || !node || typeof echarts === "undefined") return;
    var config = JSON.parse(configNode.textContent);
    var colours = {}, labels = {};
    config.layers.forEach(function (layer) {
      colours[layer.key] = layer.colour;
      labels[layer.key] = layer.label;
    });
    colours.need = config.needColour;

    function capfirst(text) { return text ? text.charAt(0).toUpperCase() + text.slice(1) : text; }
    function short(text, length) { return text.length > length ? text.slice(0, length - 1) + "…" : text; }

    // ECharts data: the name shown is the driver's text, shortened; the rest rides along for the tooltip.
    function item(d) {
      var colour = colours[d.layer] || "#546e7a";
      return {
        name: short(d.name, 60),
        value: d.id,
        full: d.name,
        layer: d.layer,
        layerLabel: d.layerLabel,
        offering: d.offering,
        product: d.product,
        itemStyle: { color: colour, borderColor: colour },
        children: (d.children || []).map(item)
      };
    }
    function measure(d, depth, acc) {
      acc.depth = Math.max(acc.depth, depth);
      if (!d.children || !d.children.length) acc.leaves += 1;
      (d.children || []).forEach(function (c) { measure(c, depth + 1, acc); });
      return acc;
    }
    var size = measure(config.root, 1, { leaves: 0, depth: 0 });

    function fit() {
      var frame = node.parentNode;
      var available = frame ? frame.clientWidth : node.clientWidth;
      node.style.width = Math.max(available, size.leaves * LEAF_WIDTH + 40) + "px";
      node.style.height = Math.max(420, size.depth * LEVEL_HEIGHT + 80) + "px";
    }
    fit();
    var chart = Wayfare.charts.chart(node);
    var enc = echarts.format.encodeHTML;

    function tooltip(params) {
      var d = params.data || {};
      var text = "<strong>" + enc(capfirst(d.layerLabel || "")) + "</strong><br>" + enc(d.full || d.name || "");
      if (d.offering) {
        text += "<br>" + enc(interpolate(gettext("Offering: %(name)s"), { name: d.offering.name }, true));
      }
      if (d.product) {
        text += "<br>" + enc(interpolate(gettext("Product: %(name)s"), { name: d.product.name }, true));
      }
      return text;
    }

    chart.setOption({
      animationDuration: 300,
      toolbox: {
        right: 8,
        feature: {
          saveAsImage: {
            type: "png",
            title: gettext("Save as PNG"),
            name: config.fileName,
            pixelRatio: 2,
            backgroundColor: "#fff"
          }
        }
      },
      tooltip: { trigger: "item", triggerOn: "mousemove", confine: true, formatter: tooltip },
      series: [
        {
          id: "value-tree",
          type: "tree",
          orient: "TB",
          top: 40, bottom: 70, left: 60, right: 60,
          initialTreeDepth: -1,
          expandAndCollapse: true,
          roam: false,
          symbol: "circle",
          symbolSize: 14,
          edgeShape: "polyline",
          lineStyle: { color: "#b0bec5", width: 1.5 },
          label: {
            position: "bottom", distance: 6, width: LEAF_WIDTH - 12, overflow: "break",
            fontSize: 11, lineHeight: 14, color: "#263238"
          },
          leaves: { label: { position: "bottom", width: LEAF_WIDTH - 12, overflow: "break" } },
          emphasis: { focus: "descendant" },
          data: [item(config.root)]
        }
      ]
    }, true);

    // How many drivers are folded, read from the chart's own model after each click.
    function countCollapsed() {
      var count = 0;
      try {
        var tree = chart.getModel().getSeriesByIndex(0).getData().tree;
        tree.eachNode(function (n) { if (n.children.length && !n.isExpand) count += 1; });
      } catch (e) { return; }
      node.dataset.collapsed = String(count);
    }
    chart.on("treeexpandandcollapse", function () { setTimeout(countCollapsed, 0); });
    chart.on("finished", function () {
      if (node.dataset.ready !== "1") {
        node.dataset.ready = "1";
        countCollapsed();
      }
    });
    // A tree wider than its frame opens with its top in view: the purpose sits in the middle.
    function centre() {
      var frame = node.parentNode;
      if (frame && frame.scrollWidth > frame.clientWidth) {
        frame.scrollLeft = (frame.scrollWidth - frame.clientWidth) / 2;
      }
    }
    centre();
    Wayfare.charts.onResize(function () { fit(); chart.resize(); centre(); });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
