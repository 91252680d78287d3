/* The dashboard's map (Leaflet, served from static/vendor/leaflet): one circle per commune at its coordinates,
   its size the commune's number of households, its colour the class of its poor rate (the legend's swatches).
   No tile server unless DASHBOARD_MAP_TILES_URL is set: then the marks sit over the province's outline box.
   The same figures are in the table under the map. */
(function () {
  "use strict";
  var source = document.getElementById("map-data");
  var box = document.getElementById("commune-map");
  if (!source || !box || typeof L === "undefined") { return; }
  var spec = JSON.parse(source.textContent);
  var number = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 });
  var colours = {};
  document.querySelectorAll("[data-rate-class]").forEach(function (swatch) {
    colours[swatch.getAttribute("data-rate-class")] = getComputedStyle(swatch).backgroundColor;
  });

  var map = L.map(box, { zoomControl: false, attributionControl: !!spec.tiles, zoomSnap: 0.25 });
  L.control.zoom({ zoomInTitle: "Phóng to", zoomOutTitle: "Thu nhỏ" }).addTo(map);
  if (spec.tiles) {
    map.attributionControl.setPrefix(false);
    L.tileLayer(spec.tiles.url, { attribution: spec.tiles.attribution, maxZoom: 18 }).addTo(map);
  }
  if (spec.box) {
    L.rectangle(spec.box, { color: "#5f6368", weight: 1, dashArray: "6 4", fillColor: "#ffffff",
                            fillOpacity: spec.tiles ? 0 : 0.7, interactive: false }).addTo(map);
  }

  function link(c) {
    var params = new URLSearchParams({ don_vi: c.id, nam: spec.query.nam, dia_gioi: spec.query.dia_gioi });
    return "?" + params.toString();
  }

  function figure(list, label, value) {
    var dt = document.createElement("dt");
    var dd = document.createElement("dd");
    dt.textContent = label;
    dd.textContent = value;
    list.appendChild(dt);
    list.appendChild(dd);
  }

  // Built with textContent, never HTML strings: a commune's name is data.
  function popup(c) {
    var root = document.createElement("div");
    root.className = "map-popup";
    var title = document.createElement("h3");
    title.textContent = c.name;
    root.appendChild(title);
    var list = document.createElement("dl");
    figure(list, "Tổng số hộ", c.households === null ? "—" : number.format(c.households));
    figure(list, "Hộ nghèo cuối năm", number.format(c.poor));
    figure(list, "Tỷ lệ hộ nghèo", c.rate === null ? "—" : number.format(c.rate) + "%");
    figure(list, "Hộ cận nghèo", number.format(c.near_poor));
    root.appendChild(list);
    if (c.link) {
      var a = document.createElement("a");
      a.href = link(c);
      a.textContent = "Xem tổng quan của xã";
      root.appendChild(a);
    }
    return root;
  }

  // The view first (Leaflet adds layers once the map has one): the marks, not closer than a district; the
  // province box when there is no mark.
  var points = spec.communes.map(function (c) { return [c.lat, c.lon]; });
  if (points.length) {
    map.fitBounds(L.latLngBounds(points).pad(0.15), { maxZoom: 12 });
  } else if (spec.box) {
    map.fitBounds(spec.box);
  } else {
    map.setView([16, 106], 5);
  }

  var largest = spec.communes.reduce(function (m, c) { return Math.max(m, c.households || 0); }, 0);
  // the largest first, so that a small commune next to a large one stays visible and clickable
  var ordered = spec.communes.slice().sort(function (a, b) { return (b.households || 0) - (a.households || 0); });
  var marks = ordered.map(function (c) {
    var known = c.households !== null && largest > 0;
    var mark = L.circleMarker([c.lat, c.lon], {
      radius: known ? 5 + 15 * Math.sqrt(c.households / largest) : 5,
      color: "#333333", weight: 1, dashArray: known ? null : "2 2",
      fillColor: colours[c.cls] || "#bdc1c6", fillOpacity: 0.85,
      className: "commune-mark"
    });
    mark.bindTooltip(c.name);
    mark.bindPopup(function () { return popup(c); });
    mark.addTo(map);
    mark.getElement().setAttribute("data-commune", c.id);
    return mark;
  });
  map.on("popupopen", function (event) {
    var close = event.popup.getElement().querySelector(".leaflet-popup-close-button");
    if (close) { close.setAttribute("aria-label", "Đóng"); close.title = "Đóng"; }
  });

  box.setAttribute("data-drawn", "true");
  box.setAttribute("data-marks", String(marks.length));
  window.addEventListener("beforeprint", function () { map.invalidateSize(); });
}());
