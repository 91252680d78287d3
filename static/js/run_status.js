// Report run page: while the Excel file is being built, poll the run's status and reload when it changes.
(function () {
  "use strict";
  var badge = document.getElementById("job-status");
  if (!badge) return;
  var state = badge.dataset.state;
  if (state !== "pending" && state !== "running") return;
  var tries = 0;
  function poll() {
    tries += 1;
    fetch(badge.dataset.url, {headers: {"Accept": "application/json"}, credentials: "same-origin"})
      .then(function (r) { return r.json(); })
      .then(function (data) {
        if (data.job_status !== state || data.label !== badge.textContent.trim()) { window.location.reload(); return; }
        if (tries < 400) { setTimeout(poll, tries < 20 ? 2000 : 6000); }
      })
      .catch(function () { if (tries < 400) { setTimeout(poll, 10000); } });
  }
  setTimeout(poll, 1500);
})();
