// Household form: suggest the next free code of the village while the user has not typed one.
(function () {
  "use strict";
  var form = document.getElementById("household-form");
  if (!form || !form.dataset.suggestCode) { return; }
  var code = form.elements.code;
  var village = form.elements.village;
  var commune = form.elements.commune;
  var locked = document.getElementById("locked-commune");
  var suggested = code.value;  // what the server suggested; replaced only while untouched

  function communeId() {
    if (locked) { return locked.value; }
    return commune ? commune.value : "";
  }

  function refresh() {
    if (code.value !== suggested || !communeId()) { return; }
    var params = new URLSearchParams({commune: communeId(), village: village.value});
    fetch(form.dataset.suggestUrl + "?" + params.toString(), {credentials: "same-origin"})
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (data && data.code && code.value === suggested) {
          code.value = data.code;
          suggested = data.code;
        }
      })
      .catch(function () {});
  }

  village.addEventListener("change", refresh);
  if (commune) { commune.addEventListener("change", refresh); }
  if (!code.value) { refresh(); }
})();
