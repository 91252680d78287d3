// The unit search box (directory/unit_search.py): type a few letters, pick a unit from at most 20.
// The chosen id goes into the hidden input next to the box; no inline handlers (CSP).
(function () {
  "use strict";
  function setup(root) {
    var box = root.querySelector(".unit-search-box");
    var hidden = root.querySelector(".unit-search-value");
    var list = root.querySelector(".unit-search-list");
    var timer = null, active = -1, items = [];

    function close() { list.hidden = true; box.setAttribute("aria-expanded", "false"); active = -1; }
    function choose(item) {
      hidden.value = item.id;
      box.value = item.label;
      close();
      hidden.dispatchEvent(new Event("change", { bubbles: true }));
    }
    function render(results) {
      items = results;
      list.innerHTML = "";
      if (!results.length) {
        var none = document.createElement("li");
        none.className = "unit-search-none";
        none.textContent = "Không có đơn vị nào khớp.";
        list.appendChild(none);
      }
      results.forEach(function (item, i) {
        var li = document.createElement("li");
        li.setAttribute("role", "option");
        li.id = list.id + "_" + i;
        li.textContent = item.label;
        li.addEventListener("mousedown", function (e) { e.preventDefault(); choose(item); });
        list.appendChild(li);
      });
      list.hidden = false;
      box.setAttribute("aria-expanded", "true");
    }
    function search() {
      var q = box.value.trim();
      if (q.length < 2) { close(); return; }
      var url = root.dataset.url + "?q=" + encodeURIComponent(q);
      if (root.dataset.level) { url += "&level=" + encodeURIComponent(root.dataset.level); }
      if (root.dataset.on) { url += "&on=" + encodeURIComponent(root.dataset.on); }
      fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
        .then(function (r) { return r.ok ? r.json() : { results: [] }; })
        .then(function (data) { render(data.results || []); });
    }
    function highlight(i) {
      var options = list.querySelectorAll("[role=option]");
      options.forEach(function (o, j) { o.classList.toggle("active", i === j); });
      active = i;
      if (options[i]) { box.setAttribute("aria-activedescendant", options[i].id); }
    }
    box.addEventListener("input", function () {
      hidden.value = "";  // typing again forgets the earlier choice until a new one is picked
      clearTimeout(timer);
      timer = setTimeout(search, 200);
    });
    box.addEventListener("keydown", function (e) {
      if (list.hidden) { return; }
      if (e.key === "ArrowDown") { e.preventDefault(); highlight(Math.min(active + 1, items.length - 1)); }
      else if (e.key === "ArrowUp") { e.preventDefault(); highlight(Math.max(active - 1, 0)); }
      else if (e.key === "Enter" && active >= 0) { e.preventDefault(); choose(items[active]); }
      else if (e.key === "Escape") { close(); }
    });
    box.addEventListener("blur", function () { setTimeout(close, 150); });
  }
  function init() { document.querySelectorAll(".unit-search").forEach(setup); }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
