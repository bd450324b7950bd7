// Wayfare.dom: the two DOM helpers every drawn page needs.
(function (W) {
  "use strict";
  // An element with its text (never parsed as HTML) and attributes.
  function el(tag, text, attrs) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }
  // Save a URL (a data: or blob: address) under a file name.
  function download(name, url) {
    var a = el("a", null, { href: url, download: name });
    document.body.appendChild(a);
    a.click();
    a.remove();
  }
  W.dom = { el: el, download: download };
})(window.Wayfare = window.Wayfare || {});
