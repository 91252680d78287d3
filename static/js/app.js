/* Small page behaviours, loaded by base.html on every page (deferred). The Content-Security-Policy forbids
   inline <script> and on*="..." handlers: templates mark elements with classes/data attributes and this
   file (or a page's own file under static/js/) does the work. Load it once: base.html already does. */
(function () {
  "use strict";

  // Phones: the menu button shows and hides the menu, and says which (aria-expanded). Without this script
  // the button stays hidden and the menu open.
  document.querySelectorAll(".nav-toggle[aria-controls]").forEach(function (button) {
    var menu = document.getElementById(button.getAttribute("aria-controls"));
    if (!menu) { return; }
    button.hidden = false;
    document.documentElement.classList.add("has-nav-toggle");
    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-expanded") !== "true";
      button.setAttribute("aria-expanded", String(open));
      menu.classList.toggle("is-open", open);
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
        button.setAttribute("aria-expanded", "false");
        menu.classList.remove("is-open");
        button.focus();
      }
    });
  });

  // A table wider than the screen scrolls inside its .table-wrap: make that box reachable and named for
  // keyboard users (WCAG 2.1.1), after the table's caption or the nearest heading.
  document.querySelectorAll(".table-wrap").forEach(function (wrap) {
    if (wrap.hasAttribute("tabindex")) { return; }
    var caption = wrap.querySelector("caption");
    var heading = caption ? null : wrap.closest("section, .card, main").querySelector("h1, h2, h3");
    wrap.setAttribute("tabindex", "0");
    wrap.setAttribute("role", "region");
    wrap.setAttribute("aria-label", (caption || heading || {textContent: "Bảng"}).textContent.trim());
  });

  // "Chọn tất cả": a checkbox with class js-check-all ticks every checkbox named data-target.
  document.querySelectorAll(".js-check-all").forEach(function (master) {
    master.addEventListener("change", function () {
      document.querySelectorAll('input[type=checkbox][name="' + master.dataset.target + '"]').forEach(function (box) {
        box.checked = master.checked;
      });
    });
  });

  // <span class="js-selected-count" data-target="review">: how many checkboxes named data-target are ticked.
  document.querySelectorAll(".js-selected-count").forEach(function (counter) {
    var selector = 'input[type=checkbox][name="' + counter.dataset.target + '"]';
    function update() { counter.textContent = String(document.querySelectorAll(selector + ":checked").length); }
    document.addEventListener("change", function (event) {
      if (event.target.matches(selector) || event.target.classList.contains("js-check-all")) { update(); }
    });
    update();
  });

  // <select class="js-autosubmit">: choosing a value submits its form (a <noscript> button stays for no-JS).
  document.querySelectorAll("select.js-autosubmit").forEach(function (select) {
    select.addEventListener("change", function () { if (select.form) { select.form.submit(); } });
  });

  // <button type="button" class="js-print">: opens the print dialog.
  document.querySelectorAll(".js-print").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });

  // Leaving a form with unsaved changes asks first (forms with class js-warn-unsaved).
  document.querySelectorAll("form.js-warn-unsaved").forEach(function (form) {
    var dirty = false;
    form.addEventListener("input", function () { dirty = true; });
    form.addEventListener("change", function () { dirty = true; });
    form.addEventListener("submit", function () { dirty = false; });
    window.addEventListener("beforeunload", function (event) {
      if (dirty) {
        event.preventDefault();
        event.returnValue = "";
      }
    });
  });

  // Inline formsets: "Thêm người" clones the empty form template and bumps TOTAL_FORMS.
  document.querySelectorAll(".js-formset").forEach(function (box) {
    var prefix = box.dataset.prefix;
    var total = document.getElementById("id_" + prefix + "-TOTAL_FORMS");
    var template = box.querySelector("template.js-empty-form");
    var target = box.querySelector(".js-formset-rows");
    var button = box.querySelector(".js-add-form");
    if (!total || !template || !target || !button) { return; }
    button.addEventListener("click", function () {
      var index = parseInt(total.value, 10);
      var html = template.innerHTML.replace(/__prefix__/g, String(index));
      target.insertAdjacentHTML("beforeend", html);
      total.value = String(index + 1);
      var rows = target.querySelectorAll(".js-form-row");
      var first = rows[rows.length - 1].querySelector("input, select");
      if (first) { first.focus(); }
      box.closest("form").dispatchEvent(new Event("change"));
    });
  });
})();
