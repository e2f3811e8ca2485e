// The console's idle lock (R2.6), as progressive enhancement: the server locks the session
// after the idle time whatever this script does; this makes the open page follow it at the
// same moment: the data leaves the page and an overlay asks for the password again.
(function () {
  "use strict";
  var lockIn = parseFloat(document.body.getAttribute("data-lock-in"));
  var content = document.getElementById("content");
  var lock = document.getElementById("lock");
  if (!content || !lock || !isFinite(lockIn)) { return; }
  var locked = false;
  function lockPage() {
    if (locked) { return; }
    locked = true;
    content.replaceChildren();          // the data leaves the page, not just the view
    content.setAttribute("hidden", "");
    lock.hidden = false;
    var first = lock.querySelector("input:not([type=hidden])");
    if (first) { first.focus(); }
  }
  // A hidden tab's timers may be throttled: check the clock, not only the timer.
  var deadline = Date.now() + lockIn * 1000;
  function check() {
    if (Date.now() >= deadline) { lockPage(); return; }
    window.setTimeout(check, Math.min(1000, deadline - Date.now()));
  }
  document.addEventListener("visibilitychange", check);
  check();
})();
