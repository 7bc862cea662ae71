// Sort a table by a column on a click of its header; filter rows by what the box holds.
document.querySelectorAll("table.sortable").forEach(function (table) {
  table.querySelectorAll("th").forEach(function (th, index) {
    th.addEventListener("click", function () {
      var order = th.dataset.order === "asc" ? "desc" : "asc";
      table.querySelectorAll("th").forEach(function (other) { delete other.dataset.order; });
      th.dataset.order = order;
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = a.cells[index].dataset.sort || a.cells[index].textContent;
        var y = b.cells[index].dataset.sort || b.cells[index].textContent;
        var nx = parseFloat(x), ny = parseFloat(y);
        var cmp = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y, "vi");
        return order === "asc" ? cmp : -cmp;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
});
document.querySelectorAll("input.filter").forEach(function (box) {
  var table = document.getElementById(box.dataset.table);
  box.addEventListener("input", function () {
    var needle = box.value.toLowerCase();
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      row.style.display = row.textContent.toLowerCase().indexOf(needle) >= 0 ? "" : "none";
    });
  });
});
// A click on a highlighted mention shows what was read there.
var detail = document.getElementById("detail");
document.querySelectorAll("mark").forEach(function (mark) {
  mark.addEventListener("click", function (event) {
    event.stopPropagation();
    if (detail) { detail.textContent = mark.title; detail.style.display = "block"; }
  });
});
document.addEventListener("click", function () { if (detail) { detail.style.display = "none"; } });
