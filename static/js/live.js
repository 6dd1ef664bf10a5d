// Pages served from the shared page cache carry nothing personal and nothing that moves fast.
// 1. A form's CSRF field is empty in the cached page: its token is fetched from /csrf-token
//    (never cached) when the visitor starts using the form, or at the latest on sending.
// 2. A counter (data-count-url) is read from a small endpoint cached a few seconds, so a
//    confirmed signature shows without rebuilding the page.
(function () {
  "use strict";

  function json(url) {
    return fetch(url, {
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    }).then(function (response) {
      if (!response.ok) {
        throw new Error(String(response.status));
      }
      return response.json();
    });
  }

  document.querySelectorAll("input[data-csrf-url]").forEach(function (input) {
    var form = input.form;
    if (!form) {
      return;
    }
    var pending = null;
    function ready() {
      if (!pending) {
        pending = json(input.getAttribute("data-csrf-url")).then(function (data) {
          input.value = data.token;
        });
        pending.catch(function () { pending = null; });
      }
      return pending;
    }
    form.addEventListener("focusin", function () { ready().catch(function () {}); });
    form.addEventListener("submit", function (event) {
      if (input.value) {
        return;
      }
      event.preventDefault();
      var submitter = event.submitter || null;
      var send = function () {
        if (form.requestSubmit) {
          form.requestSubmit(submitter);
        } else {
          form.submit();
        }
      };
      // Without a token the server answers with its clear "try again" page.
      ready().then(send, function () { form.submit(); });
    });
  });

  document.querySelectorAll("[data-count-url]").forEach(function (box) {
    json(box.getAttribute("data-count-url")).then(function (data) {
      box.querySelectorAll("[data-count-field]").forEach(function (field) {
        var value = data[field.getAttribute("data-count-field")];
        if (value === undefined) {
          return;
        }
        if (field.tagName === "PROGRESS") {
          field.value = value;
          field.textContent = value + "%";
        } else {
          field.textContent = value;
        }
      });
    }, function () {});
  });
})();
