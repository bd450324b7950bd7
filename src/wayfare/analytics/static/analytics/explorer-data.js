// The explorer's state and its requests: the filters form, the page's address, and one fetch of the
// whole analysis per set of filters (the server builds the case sequences once). Part of the explorer
// (explorer-data.js, explorer-map.js, explorer-panels.js, explorer.js, loaded in that order).
(function (X) {
  "use strict";
  var gettext = Wayfare.format.gettext;
  var config = JSON.parse(document.getElementById("explorer-config").textContent);
  var form = document.getElementById("filters");
  var state = { dfg: null, mode: "frequency", slider: 0, sliderSet: false };
  var bundle = null;

  function query() {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, key) { if (value) params.append(key, value); });
    return params.toString();
  }
  function json(response) {
    return response.json().then(function (body) {
      if (!response.ok) throw new Error(body.detail || JSON.stringify(body));
      return body;
    });
  }
  // GET one analysis of the log, with the form's filters unless withoutFilters.
  function get(action, extra, withoutFilters) {
    var q = withoutFilters ? "" : query();
    if (extra) q = q ? q + "&" + extra : extra;
    return fetch(config.api + action + "/" + (q ? "?" + q : ""), { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(json);
  }
  function post(url, body) {
    return fetch(url, {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": config.csrfToken, Accept: "application/json" },
      body: JSON.stringify(body)
    }).then(json);
  }
  function reload() { bundle = get("explorer", "limit=" + config.variantLimit); return bundle; }
  function part(name) { return bundle.then(function (all) { return all[name]; }); }

  function showError(err) {
    var box = document.getElementById("explorer-error");
    box.hidden = false;
    box.textContent = gettext("The analysis failed:") + " " + err.message;
    document.body.classList.add("explorer-stale");  // what is still drawn belongs to the last good filters
  }
  function clearError() {
    document.getElementById("explorer-error").hidden = true;
    document.body.classList.remove("explorer-stale");
  }

  function setSlider(hide) {
    state.slider = hide;
    document.getElementById("edge-slider").value = hide;
    document.getElementById("edge-slider-value").textContent = hide + "%";
  }
  function showVariant(variant) {
    form.elements.variant.value = variant ? JSON.stringify(variant) : "";
    var note = document.getElementById("variant-filter");
    note.hidden = !variant;
    note.querySelector("span").textContent = variant ? variant.join(" → ") : "";
  }

  // The filters, the map's mode and its slider live in the page's address, so that a view can be
  // bookmarked, shared, or opened again after a reload.
  function restoreFromAddress() {
    var params = new URLSearchParams(location.search);
    params.forEach(function (value, key) {
      var field = form.elements[key];
      if (!field || key === "variant") return;
      if (field.tagName === "SELECT" && !Array.prototype.some.call(field.options, function (o) { return o.value === value; })) {
        field.appendChild(Wayfare.dom.el("option", value, { value: value }));
      }
      if (field.multiple) {  // several values of one key (cases through any of these activities)
        Array.prototype.forEach.call(field.options, function (o) { if (o.value === value) o.selected = true; });
        return;
      }
      field.value = value;
    });
    try { if (params.get("variant")) showVariant(JSON.parse(params.get("variant"))); } catch (e) { /* not a variant: ignored */ }
    if (params.get("map") === "performance") {
      state.mode = "performance";
      document.querySelector("input[name=map-mode][value=performance]").checked = true;
    }
    var hide = parseInt(params.get("hide"), 10);
    if (params.has("hide")) state.sliderSet = true;  // the address decides, even "hide=0"
    if (hide > 0 && hide <= 100) setSlider(hide);
  }
  function saveToAddress() {
    var params = new URLSearchParams(query());
    if (state.mode !== "frequency") params.set("map", state.mode);
    if (state.slider || state.sliderSet) params.set("hide", state.slider);
    var q = params.toString();
    history.replaceState(null, "", location.pathname + (q ? "?" + q : ""));
  }

  X.data = {
    config: config, form: form, state: state, query: query, get: get, post: post, reload: reload, part: part,
    showError: showError, clearError: clearError, setSlider: setSlider, showVariant: showVariant,
    restoreFromAddress: restoreFromAddress, saveToAddress: saveToAddress
  };
})(window.WayfareExplorer = window.WayfareExplorer || {});
