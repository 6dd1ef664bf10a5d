// "Share…": the browser's own share sheet (navigator.share), where it has one. Without it, or
// without scripts, the plain links beside the button share the page. Our own script, from
// our own origin: nothing of the networks is loaded. Safe to load more than once on a page.
(function () {
  "use strict";
  if (typeof navigator.share !== "function") {
    return;
  }
  document.querySelectorAll("button.share-native[hidden]").forEach(function (button) {
    if (button.dataset.shareReady) {
      return;
    }
    button.dataset.shareReady = "1";
    button.hidden = false;
    button.addEventListener("click", function () {
      var data = { url: button.dataset.shareUrl };
      if (button.dataset.shareText) {
        data.text = button.dataset.shareText;
      }
      // A cancelled share rejects the promise: nothing to do.
      navigator.share(data).catch(function () {});
    });
  });
})();
