// Wayfare.csv: tables and rows as CSV files made in the browser (UTF-8 with a BOM, CRLF, for spreadsheets).
//
// A cell a spreadsheet would read as a formula (it begins with =, +, -, @, a tab or a carriage return)
// gets a leading single quote, as the server's exports do (#11); plain numbers, negative ones included,
// stay numbers.
//
// Markup: a button with data-csv-table="<table id>" data-csv-name="<file>.csv" downloads that table.
// In the table, <th data-csv-skip> leaves a column out, <th data-csv-seconds> marks durations (the header
// gets " (s)"), and <td data-value="..."> gives the raw value to write instead of the shown text.
(function (W) {
  "use strict";
  var NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
  var FORMULA = /^[=+\-@\t\r]/;

  function neutralise(text) {
    if (FORMULA.test(text) && !NUMBER.test(text)) return "'" + text;
    return text;
  }
  function field(value) {
    var text = value === null || value === undefined ? "" : neutralise(String(value));
    return /[",\n\r;]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }
  function fromRows(rows) {
    return "\ufeff" + rows.map(function (row) { return row.map(field).join(","); }).join("\r\n") + "\r\n";
  }
  function fromTable(table) {
    var gettext = W.format ? W.format.gettext : function (s) { return s; };
    var skip = [];
    var header = Array.prototype.map.call(table.tHead.rows[0].cells, function (th, i) {
      if (th.hasAttribute("data-csv-skip")) skip.push(i);
      // the unit of a duration column in a downloaded file: seconds
      return th.textContent.trim() + (th.hasAttribute("data-csv-seconds") ? " (" + gettext("s") + ")" : "");
    });
    function kept(_, i) { return skip.indexOf(i) < 0; }
    var rows = [header.filter(kept)];
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      rows.push(Array.prototype.filter.call(row.cells, kept).map(function (td) {
        return td.hasAttribute("data-value") ? td.getAttribute("data-value") : td.textContent.trim();
      }));
    });
    return fromRows(rows);
  }
  function download(name, text) {
    var url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
    W.dom.download(name, url);
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }
  // Every [data-csv-table] button under root (the document by default) downloads its table.
  function bindButtons(root) {
    (root || document).querySelectorAll("[data-csv-table]").forEach(function (button) {
      if (button.dataset.csvBound) return;
      button.dataset.csvBound = "1";
      button.addEventListener("click", function () {
        download(button.getAttribute("data-csv-name") || "table.csv",
          fromTable(document.getElementById(button.getAttribute("data-csv-table"))));
      });
    });
  }
  W.csv = { neutralise: neutralise, field: field, fromRows: fromRows, fromTable: fromTable, download: download, bindButtons: bindButtons };
  document.addEventListener("DOMContentLoaded", function () { bindButtons(); });
})(window.Wayfare = window.Wayfare || {});
