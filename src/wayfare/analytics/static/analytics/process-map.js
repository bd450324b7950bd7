// The process map: a layered drawing of the directly-follows graph (dagre lays it out, ECharts draws it).
//
// dagre ranks the activities so that busy paths are short (network simplex, weighted by cases), orders
// each rank to cut crossings, routes every path around the boxes it would cross and keeps room for
// its label; ECharts draws boxes, paths and labels on a hidden cartesian grid, one unit = one pixel
// at full size, so the map keeps its proportions at any width (a wider map scrolls sideways) and can be
// zoomed (Ctrl + wheel) and dragged.
(function () {
  "use strict";

  var NODE_H = 48, TERMINAL = 30;
  var BLUE = "#1e6fd9", INK = "#10243e", MUTED = "#8a99ad";

  function textWidth(text) {  // close enough for layout; CJK glyphs are about twice as wide
    var w = 0;
    for (var i = 0; i < text.length; i++) w += text.charCodeAt(i) > 0x2e80 ? 12 : 6.6;
    return w;
  }

  // dagre's horizontal placement does not look at weights; of its five placements, keep the one where
  // the cases travel least sideways (the sum over paths of cases times horizontal distance). A layout
  // grows with paths times ranks, so large maps get dagre's own placement only.
  var TRY_PLACEMENTS_UP_TO = 80;

  // The laid-out dagre graph. options: activities {name: {events}}; count(name), the text under a name;
  // edges [{from, to, frequency, label, room (text to keep room for; default the label), color, width}];
  // starts and ends {name: cases}, drawn as paths from the start node and to the end node, labelled by
  // startsLabelled(name) and endsLabelled(name) ("" for none); startLabel and endLabel.
  function layout(options) {
    var best = null;
    var aligns = options.edges.length <= TRY_PLACEMENTS_UP_TO ? [undefined, "UL", "UR", "DL", "DR"] : [undefined];
    aligns.forEach(function (align) {
      var g = build(options, align), cost = 0;
      g.edges().forEach(function (e) {
        var pts = g.edge(e).points, sideways = 0;
        for (var i = 1; i < pts.length; i++) sideways += Math.abs(pts[i].x - pts[i - 1].x);
        cost += g.edge(e).item.frequency * sideways;
      });
      if (!best || cost < best.cost) best = { g: g, cost: cost };
    });
    return best.g;
  }

  function build(options, align) {
    var g = new dagre.graphlib.Graph({ multigraph: false });
    g.setGraph({ rankdir: "TB", nodesep: 18, ranksep: 30, edgesep: 8, marginx: 8, marginy: 8, ranker: "network-simplex", align: align });
    var maxFreq = 1, loops = {};
    options.edges.forEach(function (e) {
      maxFreq = Math.max(maxFreq, e.frequency);
      if (e.from === e.to) loops[e.from] = e;  // drawn beside the box, not routed by dagre
    });
    Object.keys(options.activities).forEach(function (name) {
      var label = name.length > 60 ? name.slice(0, 59) + "…" : name;
      // long names wrap onto two lines, so a box needs about half their width
      var box = Math.max(104, Math.min(190, textWidth(label) / (textWidth(label) > 170 ? 1.8 : 1) + 20));
      var loop = loops[name], room = loop ? 22 + (loop.label ? textWidth(loop.label) + 6 : 0) : 0;
      g.setNode(name, { width: box + room, height: NODE_H, box: box, kind: "activity", label: label,
        events: options.activities[name].events, count: options.count(name), loop: loop });
    });
    g.setNode("\u0000start", { width: TERMINAL, height: TERMINAL, kind: "start", label: options.startLabel });
    g.setNode("\u0000end", { width: TERMINAL, height: TERMINAL, kind: "end", label: options.endLabel });
    function edge(from, to, item) {
      // heavier paths pull their ends closer together; labels get room of their own
      var weight = Math.max(1, Math.round(20 * Math.sqrt(item.frequency / maxFreq)));
      var room = item.room || item.label || "";
      g.setEdge(from, to, { weight: weight, width: room ? textWidth(room) + 6 : 0, height: room ? 13 : 0, labelpos: "c", item: item });
    }
    options.edges.forEach(function (e) { if (e.from !== e.to) edge(e.from, e.to, e); });
    Object.keys(options.starts).forEach(function (a) {
      edge("\u0000start", a, { terminal: true, frequency: options.starts[a], label: options.startsLabelled(a) });
    });
    Object.keys(options.ends).forEach(function (a) {
      edge(a, "\u0000end", { terminal: true, frequency: options.ends[a], label: options.endsLabelled(a) });
    });
    dagre.layout(g);
    return g;
  }

  function arrowHead(from, to, size) {
    var dx = to[0] - from[0], dy = to[1] - from[1], len = Math.sqrt(dx * dx + dy * dy) || 1;
    var ux = dx / len, uy = dy / len;
    var base = [to[0] - ux * size, to[1] - uy * size];
    return [to, [base[0] - uy * size * 0.5, base[1] + ux * size * 0.5], [base[0] + uy * size * 0.5, base[1] - ux * size * 0.5]];
  }

  // The ECharts option for a laid-out graph shown in a box ``width`` pixels wide: a map wider than the
  // box shrinks to 85% at most (text with it), then the box scrolls. Returns {option, width, height}.
  function option(g, width, tooltip) {
    var info = g.graph(), gw = Math.max(info.width, 1), gh = Math.max(info.height, 1);
    var scale = Math.max(0.85, Math.min(1, (width - 16) / gw));
    var chartWidth = Math.max(width, Math.ceil(gw * scale) + 16), half = (chartWidth - 16) / scale / 2;
    var font = function (px) { return (px * scale).toFixed(1) + "px system-ui, sans-serif"; };
    var nodes = g.nodes().map(function (id) { var n = g.node(id); n.id = id; return n; });
    var edges = g.edges().map(function (e) { return g.edge(e); })
      .sort(function (a, b) { return a.item.frequency - b.item.frequency; });  // busiest drawn last, on top
    var maxEvents = 1;
    nodes.forEach(function (n) { if (n.kind === "activity") maxEvents = Math.max(maxEvents, n.events || 0); });

    function renderEdge(params, api) {
      var e = edges[params.dataIndex], item = e.item;
      var pts = e.points.map(function (p) { return api.coord([p.x, p.y]); });
      var stroke = item.terminal ? MUTED : item.color || BLUE;
      var lineWidth = Math.max(1, (item.width || 1) * scale);
      var children = [
        { type: "polyline", shape: { points: pts, smooth: pts.length > 2 ? 0.35 : 0 },
          style: { stroke: stroke, lineWidth: lineWidth, fill: null, opacity: item.terminal ? 0.7 : 0.85, lineDash: item.terminal ? [4, 3] : null } },
        { type: "polygon", shape: { points: arrowHead(pts[pts.length - 2], pts[pts.length - 1], 6 + lineWidth) }, style: { fill: stroke } },
      ];
      if (item.label && e.x !== undefined) {
        var at = api.coord([e.x, e.y]);
        children.push({ type: "text", x: at[0], y: at[1], silent: true,
          style: { text: item.label, font: font(10), fill: "#33475b", align: "center", verticalAlign: "middle",
            backgroundColor: "rgba(255,255,255,0.9)", padding: [1, 2] } });
      }
      return { type: "group", children: children };
    }

    function renderNode(params, api) {
      var n = nodes[params.dataIndex], c = api.coord([n.x, n.y]), size = api.size([n.width, n.height]);
      if (n.kind !== "activity") {
        var r = Math.max(8, size[1] / 2);
        return { type: "group", children: [
          { type: "circle", shape: { cx: c[0], cy: c[1], r: r }, style: { fill: n.kind === "start" ? "#2e7d32" : "#c62828" } },
          { type: "text", x: c[0] + r + 4, y: c[1], silent: true, style: { text: n.label, font: font(11), fill: INK, verticalAlign: "middle" } },
        ] };
      }
      var share = (n.events || 0) / maxEvents, unit = size[0] / n.width;
      var w = n.box * unit, left = c[0] - size[0] / 2, top = c[1] - size[1] / 2;
      var children = [
        { type: "rect", shape: { x: left, y: top, width: w, height: size[1], r: 8 },
          style: { fill: "rgba(30,111,217," + (0.12 + 0.88 * share).toFixed(2) + ")", stroke: BLUE, lineWidth: 1 } },
        { type: "text", x: left + w / 2, y: c[1], silent: true,
          style: { text: n.label + "\n" + n.count, font: font(11), fill: share > 0.45 ? "#fff" : INK, align: "center",
            verticalAlign: "middle", width: Math.max(20, w - 10), overflow: "break", lineHeight: 13 * scale } },
      ];
      if (n.loop) {  // a repeated activity: a loop on the box's right side, with its label
        var x0 = left + w, y0 = c[1], reach = 16 * unit + 4;
        var pts = [[x0, y0 - 10], [x0 + reach, y0 - 14], [x0 + reach, y0 + 14], [x0 + 1, y0 + 10]];
        var stroke = n.loop.color || BLUE, width = Math.max(1, (n.loop.width || 1) * scale);
        children.push({ type: "polyline", shape: { points: pts, smooth: 0.5 }, style: { stroke: stroke, lineWidth: width, fill: null, opacity: 0.85 } });
        children.push({ type: "polygon", shape: { points: arrowHead([x0 + reach / 2, y0 + 13], pts[3], 5 + width) }, style: { fill: stroke } });
        if (n.loop.label) {
          children.push({ type: "text", x: x0 + reach + 3, y: y0, silent: true,
            style: { text: n.loop.label, font: font(10), fill: "#33475b", verticalAlign: "middle", backgroundColor: "rgba(255,255,255,0.9)", padding: [1, 2] } });
        }
      }
      return { type: "group", children: children };
    }

    var height = Math.max(260, Math.round(gh * scale) + 16);
    return {
      height: height,
      width: chartWidth,
      nodes: nodes,  // in the order of the "activities" series (for click handlers)
      startX: 8 + (g.node("\u0000start").x - (gw / 2 - half)) * scale,
      option: {
        animation: false,
        grid: { left: 8, right: 8, top: 8, bottom: 8 },
        xAxis: { type: "value", show: false, min: gw / 2 - half, max: gw / 2 + half },
        yAxis: { type: "value", show: false, inverse: true, min: 0, max: gh },
        // with a mouse: Ctrl + wheel zooms, dragging pans; on a touch screen a swipe scrolls the page
        dataZoom: window.matchMedia && window.matchMedia("(pointer: coarse)").matches ? [] : [
          { type: "inside", xAxisIndex: 0, filterMode: "none", zoomOnMouseWheel: "ctrl", moveOnMouseWheel: false },
          { type: "inside", yAxisIndex: 0, filterMode: "none", zoomOnMouseWheel: "ctrl", moveOnMouseWheel: false },
        ],
        tooltip: { trigger: "item", confine: true },
        series: [
          { type: "custom", name: "paths", coordinateSystem: "cartesian2d", renderItem: renderEdge, clip: false,
            data: edges.map(function (e, i) { return [e.x || 0, e.y || 0, i]; }), encode: { x: 0, y: 1 },
            tooltip: { formatter: function (p) { return tooltip.edge(edges[p.dataIndex].item); } } },
          { type: "custom", name: "activities", coordinateSystem: "cartesian2d", renderItem: renderNode, clip: false,
            data: nodes.map(function (n, i) { return [n.x, n.y, i]; }), encode: { x: 0, y: 1 },
            tooltip: { formatter: function (p) { return tooltip.node(nodes[p.dataIndex]); } } },
        ],
      },
    };
  }

  window.WayfareProcessMap = { layout: layout, option: option };
})();
