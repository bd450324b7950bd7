// The stakeholder map (issue #12 section 2): influence (up) against interest (right) on a 1-5 scale,
// the four approaches as quadrants (3 and above count as high), an arrow from each stakeholder's
// previous assessment to its current one. Staff who may change stakeholders move one by dragging its
// point or with the form beside the map; saving posts to the API (a new dated position) and redraws.
// The chart element carries data-arrows (how many arrows are drawn) and data-ready="1" once drawn.
(function () {
  "use strict";
  var COLOURS = {
    manage_closely: "#c62828",
    keep_satisfied: "#e07b00",
    keep_informed: "#1e6fd9",
    monitor: "#546e7a"
  };
  var AREAS = {
    manage_closely: "rgba(198, 40, 40, 0.07)",
    keep_satisfied: "rgba(224, 123, 0, 0.07)",
    keep_informed: "rgba(30, 111, 217, 0.07)",
    monitor: "rgba(84, 110, 122, 0.06)"
  };

  function start() {
    var configNode = document.getElementById("stakeholder-map-config");
    var node = document.getElementById("stakeholder-chart");
    if (!configNode || !node) return;
    var config = JSON.parse(configNode.textContent);
    var points = config.points;
    var low = config.scale[0] - 0.5, high = config.scale[1] + 0.5, middle = 2.5;
    var chart = Wayfare.charts.chart(node);
    var form = document.getElementById("stakeholder-move");
    var status = document.getElementById("stakeholder-move-status");
    var pending = null;  // {id, influence, interest}: a move shown but not saved yet
    var dragged = false;
    var sides = {};  // where each point's label goes (set by placed())

    function byId(id) {
      for (var i = 0; i < points.length; i++) if (points[i].id === id) return points[i];
      return null;
    }
    function clamp(v) { return Math.min(config.scale[1], Math.max(config.scale[0], Math.round(v))); }

    // Stakeholders on the same square are spread around it so each stays visible and clickable.
    function placed() {
      var groups = {};
      points.forEach(function (p) {
        var key = p.interest + ":" + p.influence;
        (groups[key] = groups[key] || []).push(p);
      });
      var result = {};
      sides = {};
      Object.keys(groups).forEach(function (key) {
        var group = groups[key];
        group.forEach(function (p, k) {
          var angle = (2 * Math.PI * k) / group.length, r = group.length > 1 ? 0.22 : 0;
          result[p.id] = [p.interest + r * Math.cos(angle), p.influence + r * Math.sin(angle)];
          // labels away from the right edge and, on a shared square, above and below in turn
          sides[p.id] = group.length > 1 ? (k % 2 ? "bottom" : "top") : (p.interest >= config.scale[1] ? "left" : "right");
        });
      });
      return result;
    }

    function label(key) { return config.approaches[key] || key; }

    function quadrants() {
      function area(key, x0, y0, x1, y1) {
        return [
          { name: label(key), xAxis: x0, yAxis: y0, itemStyle: { color: AREAS[key] } },
          { xAxis: x1, yAxis: y1 }
        ];
      }
      return {
        silent: true,
        label: { position: "insideTopLeft", color: "#555", fontWeight: "bold" },
        data: [
          area("keep_satisfied", low, middle, middle, high),
          area("manage_closely", middle, middle, high, high),
          area("monitor", low, low, middle, middle),
          area("keep_informed", middle, low, high, middle)
        ]
      };
    }

    function option() {
      var at = placed();
      var moves = points.filter(function (p) { return p.previous; }).map(function (p) {
        return {
          name: p.name,
          coords: [[p.previous.interest, p.previous.influence], at[p.id]],
          lineStyle: { color: COLOURS[p.approach] }
        };
      });
      var preview = [];
      if (pending) {
        var p = byId(pending.id);
        if (p) preview.push({ name: p.name, coords: [at[p.id], [pending.interest, pending.influence]] });
      }
      node.dataset.arrows = String(moves.length);
      var steps = [];
      for (var n = config.scale[0]; n <= config.scale[1]; n++) steps.push(n);
      return {
        animation: false,
        grid: { left: 48, right: 24, top: 24, bottom: 48, containLabel: false },
        toolbox: {
          right: 8,
          feature: {
            saveAsImage: {
              title: gettext("Save as PNG"),
              name: config.fileName,
              pixelRatio: 2,
              backgroundColor: "#fff"
            }
          }
        },
        tooltip: {
          trigger: "item",
          formatter: function (params) {
            if (params.seriesId !== "stakeholders") return "";
            var d = byId(params.data.id);
            if (!d) return "";
            var enc = echarts.format.encodeHTML;
            var text = "<strong>" + enc(d.name) + "</strong><br>" + enc(d.category) + "<br>" +
              enc(interpolate(gettext("Influence %(influence)s, interest %(interest)s"),
                { influence: d.influence, interest: d.interest }, true)) + "<br>" + enc(d.approachLabel);
            if (d.previous) {
              text += "<br>" + enc(interpolate(gettext("Before (%(date)s): influence %(influence)s, interest %(interest)s"),
                { date: d.previous.assessedOn, influence: d.previous.influence, interest: d.previous.interest }, true));
            }
            return text;
          }
        },
        xAxis: {
          type: "value", min: low, max: high, interval: 1, name: gettext("Interest"),
          nameLocation: "middle", nameGap: 28,
          axisLabel: { customValues: steps },
          axisTick: { customValues: steps },
          splitLine: { show: false }
        },
        yAxis: {
          type: "value", min: low, max: high, interval: 1, name: gettext("Influence"),
          nameLocation: "middle", nameGap: 28,
          axisLabel: { customValues: steps },
          axisTick: { customValues: steps },
          splitLine: { show: false }
        },
        series: [
          {
            id: "moves", name: gettext("Moves"), type: "lines", coordinateSystem: "cartesian2d", z: 2,
            symbol: ["circle", "arrow"], symbolSize: [6, 12], silent: true,
            lineStyle: { width: 2, type: "dashed", opacity: 0.8 },
            data: moves
          },
          {
            id: "preview", name: gettext("Not saved yet"), type: "lines", coordinateSystem: "cartesian2d", z: 3,
            symbol: ["none", "arrow"], symbolSize: 12, silent: true,
            lineStyle: { width: 2, color: "#111", type: "dotted" },
            data: preview
          },
          {
            id: "stakeholders", name: gettext("Stakeholders"), type: "scatter", z: 4, symbolSize: 16,
            cursor: config.canChange ? "move" : "pointer",
            label: { show: true, formatter: "{b}", fontSize: 11 },
            labelLayout: { hideOverlap: false, moveOverlap: "shiftY" },
            markArea: quadrants(),
            data: points.map(function (p) {
              return {
                id: p.id, name: p.name, value: at[p.id], itemStyle: { color: COLOURS[p.approach] },
                label: { position: sides[p.id] }
              };
            })
          }
        ]
      };
    }

    // Invisible, draggable circles over the points (the ECharts way to drag data: graphic elements).
    function handles() {
      if (!config.canChange) return;
      var at = placed();
      chart.setOption({
        graphic: points.map(function (p) {
          var px = chart.convertToPixel("grid", at[p.id]);
          return {
            type: "circle", id: "handle-" + p.id, x: px[0], y: px[1], shape: { cx: 0, cy: 0, r: 11 },
            invisible: true, draggable: true, z: 100, cursor: "move",
            onmousedown: function () { dragged = false; },
            ondragstart: function () { dragged = false; },
            ondrag: function () { dragged = true; following(p, [this.x, this.y]); },
            ondragend: function () { dropped(p, [this.x, this.y]); },
            onclick: function () { if (!dragged) window.location.href = p.url; dragged = false; }
          };
        })
      });
    }

    function draw() {
      chart.setOption(option(), true);
      handles();
      node.dataset.ready = "1";
    }

    function following(p, pixel) {
      var value = chart.convertFromPixel("grid", pixel);
      value = [Math.min(high, Math.max(low, value[0])), Math.min(high, Math.max(low, value[1]))];
      var at = placed();
      chart.setOption({
        series: [{
          id: "stakeholders",
          data: points.map(function (q) {
            return {
              id: q.id, name: q.name, value: q.id === p.id ? value : at[q.id], itemStyle: { color: COLOURS[q.approach] },
              label: { position: sides[q.id] }
            };
          })
        }]
      });
    }

    function dropped(p, pixel) {
      var value = chart.convertFromPixel("grid", pixel);
      choose(p.id, { interest: clamp(value[0]), influence: clamp(value[1]) });
    }

    function say(text, isError) {
      if (!status) return;
      status.textContent = text;
      status.setAttribute("role", isError ? "alert" : "status");
    }

    // Put a stakeholder in the form, at its place or at the one it was dragged to.
    function choose(id, moved) {
      var p = byId(id);
      if (!p || !form) return;
      form.elements.stakeholder.value = String(id);
      form.elements.influence.value = String(moved ? moved.influence : p.influence);
      form.elements.interest.value = String(moved ? moved.interest : p.interest);
      form.elements.revisit_by.value = p.revisitBy || "";
      form.elements.note.value = "";
      preview();
    }

    function preview() {
      var p = byId(Number(form.elements.stakeholder.value));
      var influence = Number(form.elements.influence.value), interest = Number(form.elements.interest.value);
      if (p && (influence !== p.influence || interest !== p.interest)) {
        pending = { id: p.id, influence: influence, interest: interest };
        say(interpolate(gettext("%(name)s moves to influence %(influence)s, interest %(interest)s: save to keep it."),
          { name: p.name, influence: influence, interest: interest }, true));
      } else {
        pending = null;
        say("");
      }
      draw();
    }

    function row(p) {
      var tr = document.querySelector('#stakeholder-table tr[data-stakeholder="' + p.id + '"]');
      if (!tr) return;
      function cell(name, text) { var td = tr.querySelector('[data-cell="' + name + '"]'); if (td) td.textContent = text; }
      cell("approach", p.approachLabel);
      cell("influence", String(p.influence));
      cell("interest", String(p.interest));
      cell("previous", p.previous ? interpolate(gettext("influence %(influence)s, interest %(interest)s (%(date)s)"),
        { influence: p.previous.influence, interest: p.previous.interest, date: p.previous.assessedOn }, true) : "—");
      var revisit = p.revisitBy || "—";
      if (p.overdue) revisit += " " + gettext("overdue");
      cell("revisit", revisit);
    }

    function errors(body) {
      if (!body || typeof body !== "object") return gettext("The position could not be saved.");
      var parts = [];
      Object.keys(body).forEach(function (k) {
        var v = body[k];
        parts.push(Array.isArray(v) ? v.join(" ") : (typeof v === "string" ? v : JSON.stringify(v)));
      });
      return parts.join(" ") || gettext("The position could not be saved.");
    }

    function save(event) {
      event.preventDefault();
      var p = byId(Number(form.elements.stakeholder.value));
      if (!p) return;
      var body = {
        influence: Number(form.elements.influence.value),
        interest: Number(form.elements.interest.value),
        note: form.elements.note.value,
        assessed_on: form.elements.assessed_on.value || null,
        revisit_by: form.elements.revisit_by.value || null
      };
      var button = form.querySelector("button[type=submit]");
      button.setAttribute("aria-busy", "true");
      button.disabled = true;
      fetch(p.reassess, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "Accept": "application/json", "X-CSRFToken": config.csrfToken },
        body: JSON.stringify(body)
      }).then(function (response) {
        return response.json().catch(function () { return null; }).then(function (json) {
          if (!response.ok) throw new Error(errors(json));
          return json;
        });
      }).then(function (json) {
        var fresh = json.stakeholder;
        points = points.map(function (q) { return q.id === fresh.id ? fresh : q; });
        pending = null;
        row(fresh);
        draw();
        form.elements.note.value = "";
        say(interpolate(gettext("%(name)s: new position saved."), { name: fresh.name }, true));
      }).catch(function (error) {
        say(error.message, true);
      }).then(function () {
        button.removeAttribute("aria-busy");
        button.disabled = false;
      });
    }

    if (form) {
      form.elements.stakeholder.addEventListener("change", function () { choose(Number(form.elements.stakeholder.value)); });
      form.elements.influence.addEventListener("change", preview);
      form.elements.interest.addEventListener("change", preview);
      form.addEventListener("submit", save);
      form.addEventListener("reset", function (event) {
        event.preventDefault();
        choose(Number(form.elements.stakeholder.value));
      });
      document.querySelectorAll("[data-move]").forEach(function (link) {
        link.addEventListener("click", function (event) {
          event.preventDefault();
          choose(Number(link.getAttribute("data-move")));
          form.scrollIntoView({ block: "nearest" });
          form.elements.influence.focus();
        });
      });
    }
    if (!config.canChange) {
      chart.on("click", { seriesId: "stakeholders" }, function (params) {
        var p = byId(params.data.id);
        if (p) window.location.href = p.url;
      });
    }
    Wayfare.charts.onResize(draw);
    if (form && points.length) choose(points[0].id);
    else draw();
  }

  document.addEventListener("DOMContentLoaded", start);
})();
