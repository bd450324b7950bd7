// Wayfare.format: numbers, shares, durations and dates as the page's language writes them (#11).
// Words come from Django's JavaScript catalogue (/jsi18n/, loaded before this file by base.html);
// without it the English text is used. Figures never break across lines: the spaces inside a value
// are non-breaking ("3 天 4 小时" stays on one line).
(function (W) {
  "use strict";
  var NBSP = "\u00a0";
  function gettext(text) { return window.gettext ? window.gettext(text) : text; }

  function lang() { return document.documentElement.lang || "en"; }

  // "%(name)s" placeholders filled from an object, as Django's interpolate(fmt, obj, true) does.
  function interpolate(template, values) {
    if (window.interpolate) return window.interpolate(template, values, true);
    return template.replace(/%\((\w+)\)s/g, function (_, k) { return values[k]; });
  }
  function together(text) { return String(text).replace(/ /g, NBSP); }
  function missing(value) { return value === null || value === undefined || (typeof value === "number" && isNaN(value)); }

  function number(n, options) {
    return missing(n) ? "—" : Number(n).toLocaleString(lang(), options);
  }
  function percent(x, digits) {  // 51.7% · 51,7 % · 51.7%
    var d = digits === undefined ? 1 : digits;
    return missing(x) ? "—" : together(Number(x).toLocaleString(lang(), { style: "percent", minimumFractionDigits: d, maximumFractionDigits: d }));
  }
  // A duration in two units at most ("3 d 4 h", "2 h 5 min", "40 s"), for tables and tooltips.
  function duration(seconds) {
    if (missing(seconds)) return "—";
    var s = Math.round(seconds), d = Math.floor(s / 86400), h = Math.floor((s % 86400) / 3600),
        m = Math.floor((s % 3600) / 60);
    if (d > 0) return together(interpolate(gettext("%(days)s d %(hours)s h"), { days: number(d), hours: h }));
    if (h > 0) return together(interpolate(gettext("%(hours)s h %(minutes)s min"), { hours: h, minutes: m }));
    if (m > 0) return together(interpolate(gettext("%(minutes)s min"), { minutes: m }));
    return together(interpolate(gettext("%(seconds)s s"), { seconds: s }));
  }
  // One unit, at most one decimal ("3.5 d"): what fits on a path of a map or an axis.
  function shortDuration(seconds) {
    if (missing(seconds)) return "—";
    function one(x) { return number(x, { maximumFractionDigits: x >= 10 ? 0 : 1 }); }
    if (seconds >= 86400) return together(interpolate(gettext("%(days)s d"), { days: one(seconds / 86400) }));
    if (seconds >= 3600) return together(interpolate(gettext("%(hours)s h"), { hours: one(seconds / 3600) }));
    if (seconds >= 60) return together(interpolate(gettext("%(minutes)s min"), { minutes: Math.round(seconds / 60) }));
    return together(interpolate(gettext("%(seconds)s s"), { seconds: Math.round(seconds) }));
  }
  function days(seconds, digits) {  // a number of days for an axis: 1.5
    var d = digits === undefined ? 1 : digits;
    return number(seconds / 86400, { minimumFractionDigits: d, maximumFractionDigits: d });
  }

  // Dates as the server prints them (wayfare/formats): "1 Dec 2026, 22:40" · "2026年12月1日 22:40" ·
  // "01.12.2026, 22:40". Times are shown in UTC, the server's zone, unless options.timeZone says otherwise.
  var DATE_OPTIONS = {
    en: ["en-GB", { day: "numeric", month: "short", year: "numeric" }],
    zh: ["zh-Hans", { year: "numeric", month: "long", day: "numeric" }],
    ru: ["ru", { day: "2-digit", month: "2-digit", year: "numeric" }]
  };
  function dateOptions(withTime, options) {
    var key = lang().slice(0, 2).toLowerCase();
    var pick = DATE_OPTIONS[key] || [lang(), { dateStyle: "medium" }];
    var opts = Object.assign({ timeZone: "UTC" }, pick[1], options || {});
    if (withTime) Object.assign(opts, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    return [pick[0], opts];
  }
  function toDate(value) { return value instanceof Date ? value : new Date(value); }
  function date(value, options) {
    if (missing(value) || value === "") return "—";
    var o = dateOptions(false, options);
    return together(new Intl.DateTimeFormat(o[0], o[1]).format(toDate(value)));
  }
  function dateTime(value, options) {
    if (missing(value) || value === "") return "—";
    var o = dateOptions(true, options);
    return together(new Intl.DateTimeFormat(o[0], o[1]).format(toDate(value)));
  }
  // Tooltips are HTML: text from data (activity and case names) is escaped before it goes in.
  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) { return "&#" + c.charCodeAt(0) + ";"; });
  }

  W.format = {
    lang: lang, gettext: gettext, interpolate: interpolate, number: number, percent: percent,
    duration: duration, shortDuration: shortDuration, days: days, date: date, dateTime: dateTime,
    escapeHtml: escapeHtml, together: together
  };
})(window.Wayfare = window.Wayfare || {});
