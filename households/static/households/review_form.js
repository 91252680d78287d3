// Live category on the review form: asks the server, which runs the same classification function.
(function () {
  "use strict";
  var form = document.getElementById("review-form");
  if (!form) { return; }
  var output = document.getElementById("live-category");
  var counter = document.getElementById("live-count");
  var url = form.getAttribute("data-classify-url");
  var pending = null;

  function value(name) {
    var field = form.elements[name];
    return field ? field.value : "";
  }

  function ticked() {
    return form.querySelectorAll('input[name="deprived_indicators"]:checked').length;
  }

  function refresh() {
    var count = ticked();
    counter.textContent = count;
    // typed as Vietnamese write it (2.500.000 đ): the server reads digits only
    var income = value("income_per_capita").replace(/[.,\s]|đồng|đ/g, "");
    if (income === "") { output.textContent = "Nhập thu nhập để xem phân loại"; return; }
    var params = new URLSearchParams({year: value("year"), round: value("round"), area: value("area") || form.getAttribute("data-area"),
                                      income: income, count: count});
    if (pending) { pending.abort(); }
    pending = new AbortController();
    fetch(url + "?" + params.toString(), {signal: pending.signal, credentials: "same-origin"})
      .then(function (response) { return response.json(); })
      .then(function (data) { output.textContent = data.label || data.error || ""; })
      .catch(function (error) { if (error.name !== "AbortError") { output.textContent = "Không tính được phân loại"; } });
  }

  form.addEventListener("change", function (event) {
    // Another year or round may use another standard (another set of indicators): reload the form for it.
    if ((event.target.name === "year" || event.target.name === "round") && form.getAttribute("data-new") === "1") {
      var params = new URLSearchParams(window.location.search);
      params.set("year", value("year"));
      params.set("round", value("round"));
      window.location.search = params.toString();
      return;
    }
    refresh();
  });
  form.addEventListener("input", function (event) {
    if (event.target.name === "income_per_capita") { refresh(); }
  });
  refresh();
})();
