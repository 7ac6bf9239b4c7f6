(function () {
  "use strict";
  var each = function (list, f) { Array.prototype.forEach.call(list, f); };
  each(document.querySelectorAll("table.records"), function (table) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var heads = table.tHead.rows[0].cells;
    var box = document.createElement("div");
    box.className = "filter";
    var input = document.createElement("input");
    input.type = "search";
    input.placeholder = "Filter " + table.getAttribute("data-plural");
    input.setAttribute("aria-label", input.placeholder);
    var count = document.createElement("span");
    count.className = "count";
    count.setAttribute("aria-live", "polite");
    box.appendChild(input);
    box.appendChild(count);
    var scroll = table.parentNode;
    scroll.parentNode.insertBefore(box, scroll);
    input.addEventListener("input", function () {
      var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      rows.forEach(function (row) {
        var text = row.textContent.toLowerCase();
        var keep = words.every(function (w) { return text.indexOf(w) >= 0; });
        row.hidden = !keep;
        if (keep) { shown += 1; }
      });
      count.textContent = words.length ? shown + " of " + rows.length : "";
    });
    var key = function (row, i) {
      var cell = row.cells[i];
      return cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent.trim();
    };
    each(heads, function (th, i) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        var up = th.getAttribute("aria-sort") !== "ascending";
        each(heads, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", up ? "ascending" : "descending");
        rows.slice().sort(function (a, b) {
          var x = key(a, i), y = key(b, i);
          if (x === "" || y === "") { return x === y ? 0 : (x === "" ? 1 : -1); }
          var nx = Number(x), ny = Number(y);
          var order = !isNaN(nx) && !isNaN(ny) ? nx - ny
            : x.localeCompare(y, undefined, { numeric: true, sensitivity: "base" });
          return up ? order : -order;
        }).forEach(function (row) { body.appendChild(row); });
      });
    });
  });
})();
