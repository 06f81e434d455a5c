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
    var view = full.slice();

    function x(us) { return left + (right - left) * (us - view[0]) / (view[1] - view[0]); }

    function draw() {
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
  }

  var figs = document.querySelectorAll('.zoomable');
  for (var i = 0; i < figs.length; i++) { setup(figs[i]); }
})();
