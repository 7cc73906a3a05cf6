/* Every back-office page: repairs to Django's own admin scripts (a file, so the CSP needs nothing inline). */
"use strict";

// filter_horizontal (SelectFilter2) names its search boxes by an aria-label on a <span>, which ARIA does not allow
// on an element without a role; as an image the span names the box's label. It builds its boxes on "load".
window.addEventListener("load", function () {
  window.setTimeout(function () {
    document.querySelectorAll(".selector .search-label-icon[aria-label]").forEach(function (icon) {
      icon.setAttribute("role", "img");
    });
  }, 0);
});
