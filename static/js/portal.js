// Portal behaviour without inline scripts (a strict CSP comes later).
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    // After a failed submit, bring keyboard and screen-reader users to the error summary.
    var summary = document.querySelector(".error-summary");
    if (summary) {
      summary.focus();
    }
    // Links in the summary move focus to the field itself, not only scroll to it.
    document.querySelectorAll(".error-summary a[href^='#']").forEach(function (link) {
      link.addEventListener("click", function (event) {
        var target = document.getElementById(link.getAttribute("href").slice(1));
        if (target) {
          event.preventDefault();
          target.scrollIntoView({block: "center"});
          target.focus();
        }
      });
    });
  });
})();
