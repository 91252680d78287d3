// Quota grid: live column sums while typing; the server re-checks everything on save.
(function () {
  "use strict";
  var grid = document.getElementById("quota-grid");
  if (!grid) return;
  function refresh() {
    ["total", "without_labour", "with_labour"].forEach(function (name) {
      var sum = 0;
      grid.querySelectorAll('input[name$="-' + name + '"]').forEach(function (input) {
        var v = parseInt(input.value, 10);
        if (!isNaN(v)) sum += v;
      });
      var out = grid.querySelector('[data-sum="' + name + '"]');
      if (out) out.textContent = sum.toLocaleString("vi-VN");
    });
  }
  grid.addEventListener("input", refresh);
  refresh();
})();
