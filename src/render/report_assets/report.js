// roster's HTML audit report: the member table, drawn from the JSON in #roster-data with
// createElement and textContent only (never innerHTML), so team data stays text. Only the
// rows in view exist in the DOM, which keeps 100,000 members responsive. Inline in the
// page; its SHA-256 is in the page's CSP.
(function () {
  'use strict';
  var LABELS = {
    email: 'Email', name: 'Name', state: 'State', role: 'Role', groups: 'Groups',
    external_id: 'External id', plan: 'Plan'
  };
  var OPTIONAL = { name: true, role: true, groups: true, external_id: true };
  var OVERSCAN = 10;
  var PRINT_LIMIT = 5000;

  var data = JSON.parse(document.getElementById('roster-data').textContent);
  var columns = data.columns;
  var rows = data.members;
  var haystack = rows.map(function (r) { return r.join('\u0001').toLowerCase(); });
  var order = rows.map(function (_, i) { return i; });  // sorted view of all rows
  var shown = order;                                     // the rows that match the filter
  var sort = { column: 0, direction: 1 };                // roster writes them by email
  var rowHeight = parseInt(getComputedStyle(document.documentElement)
    .getPropertyValue('--row'), 10) || 28;

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  var table = document.getElementById('member-table');
  var head = el('div', 'mt-head');
  head.setAttribute('role', 'row');
  var buttons = columns.map(function (name, c) {
    var b = el('button', OPTIONAL[name] ? 'optional' : '', LABELS[name] || name);
    b.type = 'button';
    b.setAttribute('role', 'columnheader');
    b.dataset.column = name;
    b.addEventListener('click', function () { sortBy(c); });
    head.appendChild(b);
    return b;
  });
  var scroller = el('div', 'mt-scroll');
  var sizer = el('div', 'mt-sizer');
  var body = el('div', 'mt-rows');
  sizer.appendChild(body);
  scroller.appendChild(sizer);
  table.appendChild(head);
  table.appendChild(scroller);
  table.setAttribute('aria-rowcount', String(rows.length + 1));
  var filter = document.getElementById('filter');
  var matchCount = document.getElementById('match-count');

  function makeRow(index) {
    var r = rows[index];
    var row = el('div', r[columns.length - 1] ? 'mt-row has-plan' : 'mt-row');
    row.setAttribute('role', 'row');
    for (var c = 0; c < columns.length; c++) {
      var cell = el('div', OPTIONAL[columns[c]] ? 'mt-cell optional' : 'mt-cell', r[c]);
      cell.setAttribute('role', 'cell');
      cell.dataset.column = columns[c];
      cell.title = r[c];
      row.appendChild(cell);
    }
    return row;
  }

  function draw(first, last) {
    var fragment = document.createDocumentFragment();
    for (var i = first; i < last; i++) fragment.appendChild(makeRow(shown[i]));
    body.replaceChildren(fragment);
    body.style.top = (first * rowHeight) + 'px';
  }

  function render() {
    var first = Math.max(0, Math.floor(scroller.scrollTop / rowHeight) - OVERSCAN);
    var visible = Math.ceil((scroller.clientHeight || 600) / rowHeight) + 2 * OVERSCAN;
    draw(first, Math.min(shown.length, first + visible));
  }

  var pending = false;
  scroller.addEventListener('scroll', function () {
    if (pending) return;
    pending = true;
    requestAnimationFrame(function () { pending = false; render(); });
  });

  function applyFilter() {
    var query = filter.value.trim().toLowerCase();
    shown = query ? order.filter(function (i) { return haystack[i].indexOf(query) >= 0; })
                  : order;
    sizer.style.height = (shown.length * rowHeight) + 'px';
    matchCount.textContent = query
      ? shown.length + ' of ' + rows.length + ' members match'
      : rows.length + ' members';
    scroller.scrollTop = 0;
    render();
  }

  function sortBy(c) {
    sort.direction = sort.column === c ? -sort.direction : 1;
    sort.column = c;
    var d = sort.direction;
    order = order.slice().sort(function (a, b) {
      var x = rows[a][c].toLowerCase(), y = rows[b][c].toLowerCase();
      if (x < y) return -d;
      if (x > y) return d;
      return a - b;
    });
    buttons.forEach(function (b, i) {
      if (i === c) b.setAttribute('aria-sort', d > 0 ? 'ascending' : 'descending');
      else b.removeAttribute('aria-sort');
    });
    applyFilter();
  }

  filter.addEventListener('input', applyFilter);
  // Paper has no scroll bar: print the matching rows (at most PRINT_LIMIT) and every step.
  window.addEventListener('beforeprint', function () {
    document.querySelectorAll('details').forEach(function (d) { d.open = true; });
    draw(0, Math.min(shown.length, PRINT_LIMIT));
  });
  window.addEventListener('afterprint', render);

  buttons[0].setAttribute('aria-sort', 'ascending');
  applyFilter();
  document.documentElement.setAttribute('data-ready', 'true');
  if (window.performance && performance.mark) performance.mark('roster-ready');  // bench/report
})();
