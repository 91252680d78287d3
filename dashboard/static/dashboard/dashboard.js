/* Draws the dashboard's charts from the JSON the server computed (#chart-data); the same numbers are
   in the table under each chart. Chart.js is served from this site (static/vendor), never a CDN. */
(function () {
  "use strict";
  var source = document.getElementById("chart-data");
  if (!source || typeof Chart === "undefined") { return; }
  var charts = JSON.parse(source.textContent);
  var drillBase = JSON.parse(document.getElementById("drill-base").textContent).base;
  var palette = ["#0b4f8a", "#b26a00", "#1b7f3b", "#b3261e", "#6a3d9a", "#00838f", "#5f6368"];
  var timelinessColours = { on_time: "#1b7f3b", late: "#b26a00", missing: "#b3261e", not_due: "#9aa0a6" };
  var number = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 });

  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  Chart.defaults.animation = false;  // draw at once: weak laptops, printing, and tests that read the canvas

  function colourFor(spec, dataset, index) {
    if (dataset.key && timelinessColours[dataset.key]) { return timelinessColours[dataset.key]; }
    if (dataset.groups) {
      var names = [];
      dataset.groups.forEach(function (g) { if (names.indexOf(g) < 0) { names.push(g); } });
      return dataset.groups.map(function (g) { return palette[names.indexOf(g) % palette.length]; });
    }
    return palette[index % palette.length];
  }

  function build(canvas, spec) {
    var datasets = spec.datasets.map(function (d, i) {
      var colour = colourFor(spec, d, i);
      var line = (d.type || spec.kind) === "line";
      return {
        type: d.type || spec.kind,
        label: d.label,
        data: d.data,
        backgroundColor: colour,
        borderColor: line && Array.isArray(colour) ? palette[i] : colour,
        borderWidth: line ? 2 : 0,
        borderDash: d.dashed || (line && spec.kind === "bar") ? [6, 4] : [],
        pointRadius: line && spec.kind === "bar" ? 0 : 3,
        spanGaps: true,
        order: line ? 0 : 1
      };
    });
    var valueAxis = {
      beginAtZero: true,
      stacked: !!spec.stacked,
      ticks: { callback: function (v) { return number.format(v) + (spec.percent ? "%" : ""); } }
    };
    var categoryAxis = {
      stacked: !!spec.stacked,
      ticks: {
        autoSkip: false,
        // long Vietnamese indicator names would squeeze a phone-wide chart to nothing
        callback: function (value) {
          var label = this.getLabelForValue(value);
          var room = window.innerWidth < 700 ? 20 : 48;
          return label.length > room ? label.slice(0, room - 1) + "…" : label;
        }
      }
    };
    var chart = new Chart(canvas, {
      type: spec.kind,
      data: { labels: spec.labels, datasets: datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        indexAxis: spec.horizontal ? "y" : "x",
        scales: spec.horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
        plugins: {
          legend: { display: datasets.length > 1 || spec.kind === "line", position: "bottom" },
          tooltip: {
            callbacks: {
              label: function (ctx) {
                var v = ctx.parsed[spec.horizontal ? "x" : "y"];
                return ctx.dataset.label + ": " + (v === null ? "—" : number.format(v) + (spec.percent ? "%" : ""));
              }
            }
          }
        },
        onClick: function (event, elements) {
          if (!spec.drill || !elements.length) { return; }
          var id = spec.drill[elements[0].index];
          if (id) { window.location.search = drillBase + id; }
        },
        onHover: function (event, elements) {
          event.native.target.style.cursor = spec.drill && elements.length ? "pointer" : "default";
        }
      }
    });
    canvas.setAttribute("data-drawn", "true");
    return chart;
  }

  document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
    var spec = charts[canvas.getAttribute("data-chart")];
    if (spec) { build(canvas, spec); }
  });
  var showAll = document.getElementById("show-all-behind");
  if (showAll) {
    showAll.addEventListener("click", function () {
      document.querySelectorAll("tr.more-behind").forEach(function (tr) { tr.hidden = false; });
      showAll.parentNode.hidden = true;
    });
  }
  // A printout carries every number: open the tables and the whole list, let Chart.js fit the paper.
  var closed = [];
  window.addEventListener("beforeprint", function () {
    closed = Array.prototype.filter.call(document.querySelectorAll("details.chart-table"), function (d) { return !d.open; });
    closed.forEach(function (d) { d.open = true; });
    document.querySelectorAll("tr.more-behind").forEach(function (tr) { tr.hidden = false; });
    Object.values(Chart.instances).forEach(function (c) { c.resize(); });
  });
  window.addEventListener("afterprint", function () {
    closed.forEach(function (d) { d.open = false; });
    Object.values(Chart.instances).forEach(function (c) { c.resize(); });
  });
}());
