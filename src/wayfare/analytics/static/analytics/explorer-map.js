// The explorer's process map (laid out by process-map.js, drawn with ECharts) and its paths table.
(function (X) {
  "use strict";
  var f = Wayfare.format, gettext = f.gettext, el = Wayfare.dom.el, charts = Wayfare.charts;
  var D = X.data, state = D.state;

  // A map of hundreds of paths is unreadable and slow to lay out: unless the address says otherwise, a
  // large log opens with the slider hiding the rarest paths (the caption says how many are shown).
  var DEFAULT_MAX_PATHS = 120;
  function shownPaths(total) { return Math.max(1, Math.ceil(total * (1 - state.slider / 100))); }
  function defaultSlider(total) {
    if (state.sliderSet || total <= DEFAULT_MAX_PATHS) return;
    state.sliderSet = true;
    var hide = 0;
    while (hide < 100 && Math.ceil(total * (1 - hide / 100)) > DEFAULT_MAX_PATHS) hide++;
    D.setSlider(hide);
  }

  var lastNodes = null;  // the drawn boxes, in the order of the map's "activities" series
  var clickBound = false;
  function draw() {
    var data = state.dfg;
    if (!data) return;
    var edges = data.edges.slice().sort(function (a, b) { return b.frequency - a.frequency; });
    var shown = edges.slice(0, shownPaths(edges.length));
    var names = Object.keys(data.activities);
    if (state.slider > 0) {  // hidden paths take the activities they alone connect with them
      var kept = {};
      shown.forEach(function (e) { kept[e.from] = kept[e.to] = true; });
      names = names.filter(function (n) { return kept[n]; });
    }
    var box = document.getElementById("process-map");
    if (!names.length) {  // nothing to draw: say so rather than draw a lone start and end
      charts.chart(box).clear();
      box.style.minHeight = box.style.height = "0px";
      document.getElementById("map-caption").textContent = gettext("No case matches these filters.");
      return;
    }
    var activities = {};
    names.forEach(function (n) { activities[n] = data.activities[n]; });
    var totalCases = Object.keys(data.start_activities).reduce(function (sum, a) { return sum + data.start_activities[a]; }, 0);
    var maxMean = Math.max.apply(null, shown.map(function (e) { return e.mean || 0; }).concat([1]));
    function slowness(e) {  // green (quick) to red (slow), on a square-root scale of the mean time
      var s = Math.sqrt((e.mean || 0) / maxMean);
      return "rgb(" + Math.round(46 + 152 * s) + "," + Math.round(125 - 85 * s) + "," + Math.round(50 - 10 * s) + ")";
    }
    var performance = state.mode === "performance";
    var items = shown.map(function (e) {
      var count = f.number(e.frequency), time = f.shortDuration(e.mean);
      // the layout keeps room for the longer of both labels, so switching modes moves nothing;
      // a path's width tells the share of the cases that take it (not its rank among paths)
      return { from: e.from, to: e.to, frequency: e.frequency, edge: e, width: 1 + 7 * Math.min(1, e.frequency / (totalCases || 1)),
        label: performance ? time : count, room: count.length > time.length ? count : time,
        color: performance ? slowness(e) : null };
    });
    // Dashed paths from Start and to End are drawn for activities that open or close at least 1% of
    // the cases (rarer ones would stretch the map with long lines); every count is in the tooltips.
    function common(counts) {
      var out = {};
      Object.keys(counts).forEach(function (a) { if (activities[a] && counts[a] >= 0.01 * totalCases) out[a] = counts[a]; });
      return out;
    }
    var starts = common(data.start_activities), ends = common(data.end_activities);
    var g = WayfareProcessMap.layout({
      activities: activities, edges: items, starts: starts, ends: ends,
      count: function (n) { return f.number(data.activities[n].events); },
      startsLabelled: function (a) { return f.number(starts[a]); },
      endsLabelled: function (a) { return f.number(ends[a]); },
      startLabel: gettext("Start"), endLabel: gettext("End"),
    });
    var drawn = WayfareProcessMap.option(g, box.parentNode.clientWidth || 800, {
      edge: function (item) {
        var e = item.edge, cases = gettext("Cases");
        if (!e) return f.number(item.frequency) + " " + cases.toLowerCase();
        return f.escapeHtml(e.from) + " → " + f.escapeHtml(e.to) + "<br>" + cases + ": " + f.number(e.frequency) + "<br>" +
          gettext("Mean time") + ": " + f.duration(e.mean) + "<br>" + gettext("Median time") + ": " + f.duration(e.median);
      },
      node: function (n) {
        if (n.kind !== "activity") return f.escapeHtml(n.label);
        var text = f.escapeHtml(n.id) + "<br>" + gettext("Events") + ": " + f.number(n.events);
        if (data.start_activities[n.id]) text += "<br>" + gettext("Cases that start here") + ": " + f.number(data.start_activities[n.id]);
        if (data.end_activities[n.id]) text += "<br>" + gettext("Cases that end here") + ": " + f.number(data.end_activities[n.id]);
        if (n.loop) text += "<br>" + gettext("Repeated") + ": " + f.number(n.loop.frequency) + " · " + f.duration(n.loop.edge.mean);
        return text + "<br><small>" + gettext("Click to keep only the cases through this activity.") + "</small>";
      },
    });
    var chart = charts.chart(box);
    box.style.minHeight = "";
    box.style.height = drawn.height + "px";
    box.style.width = drawn.width + "px";
    chart.resize();
    chart.setOption(drawn.option, true);
    lastNodes = drawn.nodes;
    if (!clickBound) {  // a click on an activity keeps the cases through it (the filter shows it)
      clickBound = true;
      chart.on("click", { seriesName: "activities" }, function (p) {
        var n = lastNodes && lastNodes[p.dataIndex];
        if (!n || n.kind !== "activity") return;
        D.form.elements.with_activity.value = n.id;
        X.refresh();
      });
    }
    // a map wider than the page scrolls; it opens at its left edge unless that hides where journeys start
    var view = box.parentNode.clientWidth;
    box.parentNode.scrollLeft = drawn.startX > view - 80 ? drawn.startX - view / 2 : 0;
    document.getElementById("map-caption").textContent = f.interpolate(gettext("%(shown)s of %(total)s paths shown."), { shown: shown.length, total: edges.length });
  }

  // The map's figures as a table: exact, sortable by eye, and readable without the picture.
  function fillPaths(data) {
    var body = document.querySelector("#paths tbody");
    body.innerHTML = "";
    data.edges.slice().sort(function (a, b) { return b.frequency - a.frequency; }).forEach(function (e) {
      var row = el("tr");
      row.appendChild(el("td", e.from));
      row.appendChild(el("td", e.to));
      row.appendChild(el("td", f.number(e.frequency), { class: "num", "data-value": e.frequency }));
      [e.mean, e.median, e.min, e.max].forEach(function (seconds) {
        row.appendChild(el("td", f.duration(seconds), { class: "num", "data-value": seconds }));
      });
      body.appendChild(row);
    });
  }

  function load() {
    return D.part("dfg").then(function (data) {
      state.dfg = data;
      defaultSlider(data.edges.length);
      draw();
      fillPaths(data);
    });
  }

  charts.onResize(draw);  // the map's width follows the page's
  X.map = { draw: draw, load: load };
})(window.WayfareExplorer = window.WayfareExplorer || {});
