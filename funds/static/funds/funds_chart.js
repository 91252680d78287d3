/* The dashboard's disbursement-rate chart (funds/_dashboard_funds.html): one bar per project, the rate of
   disbursement to allocation in %, from the JSON the server computed (#funds-chart-data); the same figures
   are in the tables under it. Chart.js is served from this site (static/vendor/chartjs). */
(function () {
  "use strict";
  var source = document.getElementById("funds-chart-data");
  var canvas = document.getElementById("funds-chart");
  if (!source || !canvas || typeof Chart === "undefined") { return; }
  var spec = JSON.parse(source.textContent);
  var number = new Intl.NumberFormat("vi-VN", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  var money = new Intl.NumberFormat("vi-VN");
  new Chart(canvas, {
    type: "bar",
    data: {
      labels: spec.labels,
      datasets: [{ label: "Tỷ lệ giải ngân (%)", data: spec.rates, backgroundColor: "#1b7f3b", borderWidth: 0 }]
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      indexAxis: "y",
      scales: {
        x: { beginAtZero: true, suggestedMax: 100, ticks: { callback: function (v) { return number.format(v) + "%"; } } },
        y: { ticks: { callback: function (value) {
          var label = this.getLabelForValue(value);
          var room = window.innerWidth < 700 ? 20 : 48;
          return label.length > room ? label.slice(0, room - 1) + "…" : label;
        } } }
      },
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { label: function (ctx) {
          var i = ctx.dataIndex;
          var rate = spec.rates[i] === null ? "—" : number.format(spec.rates[i]) + "%";
          return rate + " (" + money.format(spec.disbursed[i]) + " / " + money.format(spec.allocated[i]) + " đồng)";
        } } }
      }
    }
  });
}());
