// Small progressive enhancements; every page works without them.

// A select marked data-autosubmit (the language switcher) sends its form as soon as a choice is made
// with the mouse or a finger. With the keyboard, arrow keys change the value on every press, so the
// form waits: Enter sends it, and its own button is shown (WCAG 3.2.2, no change of context on input).
var keyboardOn = null;
document.addEventListener("keydown", function (event) {
  var el = event.target;
  if (!(el.matches && el.matches("select[data-autosubmit]") && el.form)) return;
  if (event.key === "Enter") {
    event.preventDefault();
    el.form.submit();
    return;
  }
  if (event.key !== "Tab") keyboardOn = el;
});
document.addEventListener("change", function (event) {
  var el = event.target;
  if (!(el.matches && el.matches("select[data-autosubmit]") && el.form)) return;
  if (keyboardOn === el) {
    el.form.classList.add("choosing");
    return;
  }
  el.form.submit();
});
document.addEventListener("focusout", function (event) {
  if (event.target === keyboardOn) keyboardOn = null;
});
