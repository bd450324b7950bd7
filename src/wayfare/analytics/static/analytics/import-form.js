// The event-log form: when a CSV file is chosen, read its first lines in the browser (nothing is sent),
// offer its columns for the mapping, guess case, activity, timestamp and resource from their names, and
// show the first rows so that the timestamp format can be read off. XES files carry their own mapping.
(function () {
  "use strict";
  var file = document.querySelector("input[type=file][name=source]");
  if (!file) return;
  var config = { preview: file.dataset.previewLabel || "%(delimiter)s", tab: file.dataset.tabLabel || "TAB" };
  var FIELDS = {
    case_column: [/^case[ _:]?(id|concept:name)?$/i, /case/i, /(incident|ticket|request|order|booking).*(id|number|no)/i, /^id$/i],
    activity_column: [/^(activity|concept:name)$/i, /activity/i, /^(event|action|task|step|status)/i],
    timestamp_column: [/^(time:)?timestamp$/i, /timestamp/i, /(date|time)/i],
    resource_column: [/^(org:)?resource$/i, /resource/i, /(user|agent|operator|assign)/i],
  };
  var DELIMITERS = [",", ";", "\t", "|"];

  function decode(buffer) {
    try { return new TextDecoder("utf-8", { fatal: true }).decode(buffer); }
    catch (e) { return new TextDecoder("windows-1252").decode(buffer); }
  }

  // A small CSV reader for the sample: quotes, doubled quotes, newlines inside quotes.
  function parse(text, delimiter, maxRows) {
    var rows = [], row = [], field = "", quoted = false, i = 0;
    if (text.charCodeAt(0) === 0xfeff) i = 1;
    for (; i < text.length && rows.length < maxRows; i++) {
      var c = text[i];
      if (quoted) {
        if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
        else if (c === '"') quoted = false;
        else field += c;
      } else if (c === '"') quoted = true;
      else if (c === delimiter) { row.push(field); field = ""; }
      else if (c === "\n" || c === "\r") {
        if (c === "\r" && text[i + 1] === "\n") i++;
        row.push(field); rows.push(row); row = []; field = "";
      } else field += c;
    }
    return rows;
  }

  function sniff(text) {
    var head = text.split(/\r?\n/, 1)[0];
    var best = ",", most = -1;
    DELIMITERS.forEach(function (d) {
      var n = head.split(d).length - 1;
      if (n > most) { most = n; best = d; }
    });
    return best;
  }

  function guess(columns, patterns, taken) {
    for (var p = 0; p < patterns.length; p++) {
      for (var c = 0; c < columns.length; c++) {
        if (!taken[columns[c]] && patterns[p].test(columns[c].trim())) return columns[c];
      }
    }
    return null;
  }

  function offer(columns) {
    var list = document.getElementById("csv-columns");
    if (!list) {
      list = document.createElement("datalist");
      list.id = "csv-columns";
      document.body.appendChild(list);
    }
    list.innerHTML = "";
    columns.forEach(function (name) {
      var option = document.createElement("option");
      option.value = name;
      list.appendChild(option);
    });
    var taken = {};
    Object.keys(FIELDS).forEach(function (name) {
      var input = document.querySelector("[name=" + name + "]");
      if (!input) return;
      input.setAttribute("list", "csv-columns");
      input.setAttribute("autocomplete", "off");
      var current = input.value.trim();
      if (current && columns.indexOf(current) >= 0) { taken[current] = true; return; }
      var found = guess(columns, FIELDS[name], taken);
      input.value = found || (name === "resource_column" ? "" : input.value);
      if (found) taken[found] = true;
    });
  }

  function preview(rows, delimiter) {
    var box = document.getElementById("csv-preview");
    if (!box) {
      box = document.createElement("figure");
      box.id = "csv-preview";
      box.className = "table-wrap";
      (document.getElementById(file.id + "_helptext") || file).after(box);
    }
    box.innerHTML = "";
    var caption = document.createElement("figcaption");
    var names = { ",": ",", ";": ";", "\t": config.tab, "|": "|" };
    caption.textContent = config.preview.replace("%(delimiter)s", names[delimiter] || delimiter);
    box.appendChild(caption);
    var table = document.createElement("table");
    table.className = "striped";
    rows.forEach(function (cells, r) {
      var tr = document.createElement("tr");
      cells.forEach(function (value) {
        var cell = document.createElement(r === 0 ? "th" : "td");
        cell.textContent = value;
        tr.appendChild(cell);
      });
      table.appendChild(tr);
    });
    box.appendChild(table);
  }

  file.addEventListener("change", function () {
    var chosen = file.files && file.files[0];
    var old = document.getElementById("csv-preview");
    if (old) old.remove();
    if (!chosen || /\.(xes|gz)$/i.test(chosen.name)) return;
    var name = document.querySelector("[name=name]");
    if (name && !name.value) name.value = chosen.name.replace(/\.[^.]+$/, "");
    chosen.slice(0, 64 * 1024).arrayBuffer().then(function (buffer) {
      var text = decode(buffer);
      var delimiter = sniff(text);
      var rows = parse(text, delimiter, 6);
      if (!rows.length) return;
      offer(rows[0]);
      preview(rows, delimiter);
      var field = document.querySelector("[name=delimiter]");
      if (field && !field.value) field.placeholder = delimiter === "\t" ? config.tab : delimiter;
    });
  });
})();
