// Campaign pages: the take-action page's "copy" button and its counter of letters opened, and
// the printable letter's "print" button. Buttons that need a script are hidden in the HTML
// and shown only when it can run.
(function () {
  "use strict";
  document.querySelectorAll("[data-copy-target]").forEach(function (button) {
    var target = document.getElementById(button.getAttribute("data-copy-target"));
    if (!target || !navigator.clipboard) {
      return;
    }
    button.hidden = false;
    var label = button.textContent;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(target.value).then(function () {
        button.textContent = button.getAttribute("data-copied-label");
        window.setTimeout(function () { button.textContent = label; }, 2000);
      }, function () {
        target.select();
      });
    });
  });

  // A press on "open in my e-mail program" or "print" adds one to the counter: a beacon
  // with the country and decision maker only, sent once per press, never blocking the link.
  document.querySelectorAll("[data-letter-press-url]").forEach(function (box) {
    box.querySelectorAll("[data-letter-press]").forEach(function (link) {
      link.addEventListener("click", function () {
        var data = new FormData();
        data.append("country", box.getAttribute("data-country"));
        data.append("to", box.getAttribute("data-to"));
        var url = box.getAttribute("data-letter-press-url");
        if (navigator.sendBeacon) {
          navigator.sendBeacon(url, data);
        } else {
          fetch(url, { method: "POST", body: data, keepalive: true, credentials: "omit" });
        }
      });
    });
  });

  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
