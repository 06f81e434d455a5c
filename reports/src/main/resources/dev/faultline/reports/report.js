// Zoomable figures: every element with data-a (and data-b) holds virtual microseconds; the
// window shown maps them to x. No network, no libraries.
(function () {
  'use strict';
  var NS = 'http://www.w3.org/2000/svg';

  function secs(us) { return (us / 1e6).toFixed(6); }

  function tickStep(span) {
    var raw = span / 8, p = Math.pow(10, Math.floor(Math.log10(raw))), m = raw / p;
    return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
  }

  function setup(fig) {
    var full = [Number(fig.dataset.from), Number(fig.dataset.to)];
    var left = Number(fig.dataset.left), right = Number(fig.dataset.right);
    var svg = fig.querySelector('svg.zoom-svg');
    var axis = svg.querySelector('.zoom-axis');
    var brush = svg.querySelector('.zoom-brush');
    var items = svg.querySelectorAll('.zoom-data [data-a]');
    var fromIn = fig.querySelector('.zoom-from'), toIn = fig.querySelector('.zoom-to');
    var shown = fig.querySelector('.zoom-shown');
    var view = [Number(fig.dataset.viewFrom), Number(fig.dataset.viewTo)];
    var dataEl = fig.querySelector('script.msg-data');
    var data = dataEl ? JSON.parse(dataEl.textContent) : null;
    var note = document.getElementById(fig.id + '-note');
    var started = false;

    function s3(us) { return (us / 1e6).toFixed(3) + 's'; }

    // Messages: the page holds them all (up to a bound); draw the first ones of the window shown.
    function redrawMessages() {
      var group = svg.querySelector('.zoom-data');
      var old = group.querySelectorAll('line.msg');
      for (var i = 0; i < old.length; i++) { group.removeChild(old[i]); }
      var drawn = 0, inWindow = 0;
      for (var j = 0; j < data.m.length; j++) {
        var m = data.m[j];
        if (m[0] > view[1] || m[1] < view[0]) { continue; }
        inWindow++;
        if (drawn >= data.max) { continue; }
        drawn++;
        var y1 = data.y[m[2]], y2 = data.y[m[3]];
        var l = document.createElementNS(NS, 'line');
        l.setAttribute('class', m[4] ? 'msg dropped' : 'msg');
        l.setAttribute('data-a', m[0]);
        l.setAttribute('data-b', m[1]);
        l.setAttribute('y1', y1);
        l.setAttribute('y2', m[4] ? (y1 + y2) / 2 : y2);
        var t = document.createElementNS(NS, 'title');
        t.textContent = data.names[m[2]] + ' \u2192 ' + data.names[m[3]] + ' ' + data.types[m[5]] +
            (m[4] ? ' (dropped)' : '') + ' sent ' + s3(m[0]) + ', ' +
            (m[4] ? 'dropped ' : 'delivered ') + s3(m[1]);
        l.appendChild(t);
        group.appendChild(l);
      }
      items = svg.querySelectorAll('.zoom-data [data-a]');
      var truncated = inWindow > drawn;
      note.textContent = inWindow + ' messages between ' + s3(view[0]) + ' and ' + s3(view[1]) +
          (truncated ? '; the first ' + drawn + ' are drawn' : '') + ' (' + data.total +
          ' in the whole run' + (data.m.length < data.total ? '; the page holds the first ' +
          data.m.length : '') + '). Dropped messages end half-way, in red.';
    }

    function x(us) { return left + (right - left) * (us - view[0]) / (view[1] - view[0]); }

    function draw() {
      if (started && data && note) {
        redrawMessages();
      }
      for (var i = 0; i < items.length; i++) {
        var el = items[i], a = Number(el.dataset.a), b = Number(el.dataset.b);
        if (el.tagName === 'rect') {
          el.setAttribute('x', x(a).toFixed(2));
          el.setAttribute('width', Math.max(1, x(b) - x(a)).toFixed(2));
        } else if (el.tagName === 'line') {
          el.setAttribute('x1', x(a).toFixed(2));
          el.setAttribute('x2', x(b).toFixed(2));
        } else if (el.tagName === 'text') {
          el.setAttribute('x', (x(a) + 3).toFixed(2));
        }
      }
      while (axis.firstChild) { axis.removeChild(axis.firstChild); }
      var step = tickStep(view[1] - view[0]);
      var digits = Math.max(0, Math.min(6, Math.ceil(-Math.log10(step / 1e6))));
      for (var t = Math.ceil(view[0] / step) * step; t <= view[1]; t += step) {
        var g = document.createElementNS(NS, 'g');
        g.setAttribute('class', 'tick');
        var l = document.createElementNS(NS, 'line');
        l.setAttribute('x1', x(t)); l.setAttribute('x2', x(t));
        l.setAttribute('y1', 0); l.setAttribute('y2', 5);
        var s = document.createElementNS(NS, 'text');
        s.setAttribute('x', x(t)); s.setAttribute('y', 17);
        s.setAttribute('text-anchor', 'middle');
        s.textContent = (t / 1e6).toFixed(digits) + 's';
        g.appendChild(l); g.appendChild(s); axis.appendChild(g);
      }
      fromIn.value = secs(view[0]);
      toIn.value = secs(view[1]);
      shown.textContent = 'showing ' + secs(view[0]) + 's to ' + secs(view[1]) + 's';
      fig.dataset.viewFrom = String(Math.round(view[0]));
      fig.dataset.viewTo = String(Math.round(view[1]));
    }

    function show(a, b) {
      if (!(b > a)) { return; }
      view = [Math.max(full[0], a), Math.min(full[1], b)];
      if (view[1] - view[0] < 1) { view[1] = view[0] + 1; }
      draw();
    }

    function scale(f) {
      var mid = (view[0] + view[1]) / 2, half = (view[1] - view[0]) * f / 2;
      show(mid - half, mid + half);
    }

    fig.querySelector('.zoom-apply').addEventListener('click', function () {
      show(Number(fromIn.value) * 1e6, Number(toIn.value) * 1e6);
    });
    fig.querySelector('.zoom-in').addEventListener('click', function () { scale(0.5); });
    fig.querySelector('.zoom-out').addEventListener('click', function () { scale(2); });
    fig.querySelector('.zoom-reset').addEventListener('click', function () { show(full[0], full[1]); });

    var dragFrom = null;
    function svgX(ev) {
      var r = svg.getBoundingClientRect();
      return (ev.clientX - r.left) * (svg.viewBox.baseVal.width / r.width);
    }
    function time(px) { return view[0] + (view[1] - view[0]) * (px - left) / (right - left); }
    svg.addEventListener('mousedown', function (ev) { dragFrom = svgX(ev); ev.preventDefault(); });
    svg.addEventListener('mousemove', function (ev) {
      if (dragFrom === null) { return; }
      var a = Math.min(dragFrom, svgX(ev)), b = Math.max(dragFrom, svgX(ev));
      brush.setAttribute('x', a); brush.setAttribute('width', b - a);
    });
    window.addEventListener('mouseup', function (ev) {
      if (dragFrom === null) { return; }
      var a = Math.min(dragFrom, svgX(ev)), b = Math.max(dragFrom, svgX(ev));
      dragFrom = null;
      brush.setAttribute('width', 0);
      if (b - a > 4) { show(time(Math.max(left, a)), time(Math.min(right, b))); }
    });
    draw();
    started = true;
  }

  var figs = document.querySelectorAll('.zoomable');
  for (var i = 0; i < figs.length; i++) { setup(figs[i]); }
})();
