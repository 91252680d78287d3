// Background import page: while the worker imports, poll the job's counters into the three progress bars;
// reload once it has ended to show its result (the counts, or every fault).
(function () {
  "use strict";
  var box = document.getElementById("import-job");
  if (!box || box.dataset.inProgress !== "1") return;
  var label = document.getElementById("job-label");
  function show(name, value, max) {
    var bar = document.getElementById("bar-" + name);
    var count = document.getElementById("count-" + name);
    if (count) count.textContent = value.toLocaleString("vi-VN");
    if (!bar) return;
    if (max > 0) { bar.max = max; bar.value = value; }
  }
  var tries = 0;
  function poll() {
    tries += 1;
    fetch(box.dataset.url, {headers: {"Accept": "application/json"}, credentials: "same-origin"})
      .then(function (r) { return r.json(); })
      .then(function (data) {
        if (!data.in_progress) { window.location.reload(); return; }
        label.textContent = data.label;
        var readDone = data.rows_checked > 0 || data.rows_written > 0;
        show("read", data.rows_read, readDone ? data.rows_read : 0);
        show("checked", data.rows_checked, data.rows_read);
        show("written", data.rows_written, data.rows_read);
        if (tries < 2000) { setTimeout(poll, 2000); }
      })
      .catch(function () { if (tries < 2000) { setTimeout(poll, 10000); } });
  }
  setTimeout(poll, 1000);
})();
