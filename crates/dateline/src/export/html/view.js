/* dateline's timeline view: the time axis (zoom and pan), clicks on rows, folded rows.
   Plain JavaScript in the page itself, no network. Each view holds its data in a
   <script type="application/json" class="dl-data">; this script sets up every view of the
   page that is not set up yet, so a notebook may show several. Without JavaScript the page
   still shows the table, the conflicts (in <details>) and a static axis. */
(function () {
  "use strict";
  var testing = /dl-test/.test(String(window.location && window.location.hash));
  var errors = [];
  if (testing) {
    // The browser test reads these from the page: any error of the view is a failure.
    window.addEventListener("error", function (e) { errors.push(String(e.message)); });
    var consoleError = console.error;
    console.error = function () {
      errors.push(Array.prototype.join.call(arguments, " "));
      return consoleError.apply(console, arguments);
    };
  }

  var SVG = "http://www.w3.org/2000/svg";
  var DAY_MS = 86400000;
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  var W = 900, H = 74, PAD = 14, BASE = 40;

  function dateOf(day) { return new Date(day * DAY_MS); }
  function yearWords(y) { return y > 0 ? String(y) : (1 - y) + " BC"; }
  function dayWords(day) {
    var d = dateOf(day);
    return d.getUTCDate() + " " + MONTHS[d.getUTCMonth()] + " " + yearWords(d.getUTCFullYear());
  }
  function monthStart(y, m) {
    var d = new Date(0);
    d.setUTCFullYear(y, m, 1);
    return Math.round(d.getTime() / DAY_MS);
  }

  /* Ticks for a window of days: a step in days, months or years that gives at most eight
     labels, each label as a reader writes the date at that step. */
  function ticks(lo, hi) {
    var span = Math.max(hi - lo, 1);
    var out = [];
    var days = [1, 2, 7, 14];
    for (var i = 0; i < days.length; i++) {
      if (span / days[i] <= 8) {
        for (var t = Math.ceil(lo / days[i]) * days[i]; t <= hi; t += days[i]) out.push([t, dayWords(t)]);
        return out;
      }
    }
    var months = [1, 2, 3, 6];
    for (i = 0; i < months.length; i++) {
      if (span / (30.44 * months[i]) <= 8) {
        var d = dateOf(lo), y = d.getUTCFullYear(), m = d.getUTCMonth();
        m = Math.ceil(m / months[i]) * months[i];
        for (var n = 0; n < 200; n++, m += months[i]) {
          var day = monthStart(y + Math.floor(m / 12), m % 12);
          if (day > hi) break;
          if (day >= lo) out.push([day, MONTHS[m % 12] + " " + yearWords(y + Math.floor(m / 12))]);
        }
        return out;
      }
    }
    var steps = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000];
    for (i = 0; i < steps.length; i++) {
      if (span / (365.25 * steps[i]) <= 8 || i === steps.length - 1) {
        var first = Math.ceil(dateOf(lo).getUTCFullYear() / steps[i]) * steps[i];
        for (var yy = first, k = 0; k < 50; yy += steps[i], k++) {
          var at = monthStart(yy, 0);
          if (at > hi) break;
          if (at >= lo) out.push([at, yearWords(yy)]);
        }
        return out;
      }
    }
    return out;
  }

  function el(name, attrs, parent) {
    var e = document.createElementNS(SVG, name);
    for (var k in attrs) if (Object.prototype.hasOwnProperty.call(attrs, k)) e.setAttribute(k, attrs[k]);
    if (parent) parent.appendChild(e);
    return e;
  }

  function setUp(view) {
    var dataNode = view.querySelector("script.dl-data");
    if (!dataNode) return;
    var data = JSON.parse(dataNode.textContent);
    view.classList.add("dl-js");
    view.setAttribute("data-dl-ready", "1");
    var rows = {};
    Array.prototype.forEach.call(view.querySelectorAll("tr.dl-row"), function (row) {
      rows[row.getAttribute("data-event")] = row;
    });

    function select(id, scroll) {
      Array.prototype.forEach.call(view.querySelectorAll("tr.dl-selected"), function (r) {
        r.classList.remove("dl-selected");
      });
      var row = rows[id];
      if (!row) return;
      row.classList.add("dl-selected");
      var folded = row.parentNode;
      if (folded && folded.classList.contains("dl-closed")) folded.classList.remove("dl-closed");
      if (scroll && row.scrollIntoView) row.scrollIntoView({ block: "center" });
    }

    // A click on a row selects it; on a conflicting row it opens or closes its claims.
    Object.keys(rows).forEach(function (id) {
      rows[id].addEventListener("click", function (e) {
        var target = e.target;
        if (target && target.closest && target.closest("summary, a")) return;
        select(id, false);
        var details = rows[id].querySelector("details.dl-claims");
        if (details) details.open = !details.open;
      });
    });

    // Less sure events: folded under a line that opens them.
    Array.prototype.forEach.call(view.querySelectorAll("tbody.dl-folded"), function (body) {
      body.classList.add("dl-closed");
      var head = body.querySelector("tr.dl-fold-head");
      if (head) head.addEventListener("click", function () { body.classList.toggle("dl-closed"); });
    });

    var axis = view.querySelector(".dl-axis");
    if (!axis || !data.extent) return;
    var events = data.events;
    var extent = data.extent, densest = data.window;
    var win = [densest[0], densest[1]];
    var svg = axis.querySelector("svg");
    var range = axis.querySelector(".dl-range");

    function x(day) { return PAD + (day - win[0]) / Math.max(win[1] - win[0], 1) * (W - 2 * PAD); }
    function clamp(lo, hi) {
      var span = Math.max(hi - lo, 3);
      var full = extent[1] - extent[0];
      var margin = Math.max(full * 0.05, 30);
      var min = extent[0] - margin, max = extent[1] + margin;
      if (span > max - min) return [min, max];
      if (lo < min) { lo = min; hi = lo + span; }
      if (hi > max) { hi = max; lo = hi - span; }
      return [lo, hi];
    }
    function draw() {
      while (svg.firstChild) svg.removeChild(svg.firstChild);
      svg.setAttribute("viewBox", "0 0 " + W + " " + H);
      el("line", { x1: PAD, y1: BASE, x2: W - PAD, y2: BASE, stroke: "#999" }, svg);
      ticks(win[0], win[1]).forEach(function (t) {
        var tx = x(t[0]);
        el("line", { x1: tx, y1: BASE, x2: tx, y2: BASE + 5, stroke: "#999" }, svg);
        // A label cut by the edge would be misread: the tick stays, its label goes.
        if (tx < PAD + 34 || tx > W - PAD - 34) return;
        var label = el("text", { x: tx, y: BASE + 19, "font-size": 12, fill: "#444", "text-anchor": "middle" }, svg);
        label.textContent = t[1];
      });
      // Long spans first, so that day marks are drawn over them.
      events.slice().sort(function (a, b) { return (b.e - b.s) - (a.e - a.s); }).forEach(function (ev) {
        if (ev.e < win[0] || ev.s > win[1]) return;
        var x0 = Math.max(x(ev.s), PAD - 2), x1 = Math.min(x(ev.e + 1), W - PAD + 2);
        var colour = ev.conflict ? "#c62828" : "#1565c0";
        var mark = x1 - x0 >= 4
          ? el("rect", { x: x0, y: BASE - 12, width: x1 - x0, height: 8, fill: colour, "fill-opacity": ev.folded ? 0.12 : 0.25 }, svg)
          : el("line", { x1: x0, y1: BASE - 18, x2: x0, y2: BASE, stroke: colour, "stroke-width": 2, "stroke-opacity": ev.folded ? 0.35 : 1 }, svg);
        mark.setAttribute("class", "dl-mark");
        mark.setAttribute("data-event", ev.id);
        var title = el("title", {}, mark);
        title.textContent = ev.label + ": " + ev.text;
        mark.style.cursor = "pointer";
        mark.addEventListener("click", function (e) { e.stopPropagation(); select(ev.id, true); });
      });
      if (range) range.textContent = dayWords(Math.round(win[0])) + " – " + dayWords(Math.round(win[1]));
    }
    function zoom(factor, at) {
      var centre = win[0] + (at === undefined ? 0.5 : at) * (win[1] - win[0]);
      win = clamp(centre - (centre - win[0]) * factor, centre + (win[1] - centre) * factor);
      draw();
    }
    function fraction(clientX) {
      var box = svg.getBoundingClientRect();
      var px = (clientX - box.left) / Math.max(box.width, 1) * W;
      return Math.min(Math.max((px - PAD) / (W - 2 * PAD), 0), 1);
    }
    svg.addEventListener("wheel", function (e) {
      e.preventDefault();
      zoom(e.deltaY > 0 ? 1.25 : 0.8, fraction(e.clientX));
    }, { passive: false });
    var drag = null;
    svg.addEventListener("pointerdown", function (e) {
      drag = { x: e.clientX, win: win.slice() };
      svg.classList.add("dl-dragging");
    });
    window.addEventListener("pointermove", function (e) {
      if (!drag) return;
      var box = svg.getBoundingClientRect();
      var days = (e.clientX - drag.x) / Math.max(box.width, 1) * W / (W - 2 * PAD) * (drag.win[1] - drag.win[0]);
      win = clamp(drag.win[0] - days, drag.win[1] - days);
      draw();
    });
    window.addEventListener("pointerup", function () { drag = null; svg.classList.remove("dl-dragging"); });
    var buttons = {
      "dl-in": function () { zoom(0.5); },
      "dl-out": function () { zoom(2); },
      "dl-densest": function () { win = [densest[0], densest[1]]; draw(); },
      "dl-all": function () { win = clamp(extent[0], extent[1]); draw(); }
    };
    Object.keys(buttons).forEach(function (cls) {
      var b = axis.querySelector("button." + cls);
      if (b) b.addEventListener("click", buttons[cls]);
    });
    draw();
  }

  var views = document.querySelectorAll(".dl-view:not([data-dl-ready])");
  Array.prototype.forEach.call(views, function (view) {
    try { setUp(view); } catch (e) { errors.push(String(e && e.stack || e)); if (!testing) throw e; }
  });

  if (testing) {
    // `#dl-test&dl-click=ID` clicks the row of event ID, as a reader would.
    var click = /dl-click=([^&]+)/.exec(window.location.hash);
    if (click) {
      var row = document.querySelector('tr.dl-row[data-event="' + decodeURIComponent(click[1]) + '"]');
      if (row) row.dispatchEvent(new MouseEvent("click", { bubbles: true }));
      else errors.push("no row for event " + click[1]);
    }
    document.documentElement.setAttribute("data-dl-errors", JSON.stringify(errors));
  }
})();
