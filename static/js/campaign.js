// Campaign pages: a "copy" button for the letter on the take-action page.
// The button is hidden in the HTML and shown only when the clipboard can be used.
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
})();
