// The html page's one script (the page's Content-Security-Policy allows it by its
// SHA-256, computed from these bytes when the page is written). It only enhances: without
// it the page is the whole chronology, drawing and list. With it the reader can
//   zoom and pan the drawing's time axis: the buttons, Ctrl + wheel or a pinch, drag,
//     and on the focused chart + and − to zoom, ← and → to pan, 0 to show everything;
//   filter the events by actor, kind, tag, place and era, and search their text;
//   open an event's details by clicking its mark or pressing Enter on it (Escape closes);
// and the view, the filters and the open event are kept in the URL's fragment.
// It fetches nothing and draws the layout the page was written with: a mark moves to
// where the zoomed axis puts it, ranges and bands stretch with the axis.
(function () {
  'use strict';
  var doc = document;
  var svg = doc.querySelector('svg.annals-timeline');
  var list = doc.querySelector('section.events');
  var facetsEl = doc.getElementById('annals-facets');
  if (!list || !facetsEl) return;
  var facets = JSON.parse(facetsEl.textContent);
  var KEYS = ['actor', 'kind', 'tag', 'place', 'era'];
  var WORDS = { actor: 'Actor', kind: 'Kind', tag: 'Tag', place: 'Place', era: 'Era' };
  var ATTR = { actor: 'actors', kind: 'kind', tag: 'tags', place: 'place', era: 'eras' };
  var MAX_ZOOM = 4096, LOD_MARKS = 1500;

  function el(tag, attrs, text) {
    var e = doc.createElement(tag);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    return e;
  }

  // ---- The events: their list entries and, when there is a drawing, their marks.
  var items = list.querySelectorAll('article.item');
  var byId = Object.create(null);
  var events = [];
  for (var i = 0; i < items.length; ++i) {
    var a = items[i];
    var ev = { id: a.getAttribute('data-id'), item: a, shown: true, text: null, marks: [] };
    for (var f = 0; f < KEYS.length; ++f) {  // data-actors="0 3": indexes into the facets' values
      var v = a.getAttribute('data-' + ATTR[KEYS[f]]), values = facets[KEYS[f]] || [];
      ev[KEYS[f]] = v ? v.split(' ').map(function (n) { return values[Number(n)] ? values[Number(n)][0] : ''; }) : [];
    }
    byId[ev.id] = ev;
    events.push(ev);
  }

  // ---- The drawing's geometry: the chart's x range and what moves with the axis.
  var chart = svg ? svg.closest('.chart') : null;
  // marks: every mark of an event (its own, and copies in further lanes), with its x at zoom 1;
  // mapped: attributes holding an x (data-zx) or a width (data-zw); curves: the causal arrows.
  var X0 = 0, X1 = 1, W = 1, marks = [], ticks = [], mapped = [], moves = [], curves = [];
  if (svg) {
    X0 = Number(svg.getAttribute('data-x0'));
    X1 = Number(svg.getAttribute('data-x1'));
    W = X1 - X0;
    var gs = svg.querySelectorAll('g.event, g.also');
    for (var j = 0; j < gs.length; ++j) {
      var e2 = byId[gs[j].getAttribute('data-id')];
      if (!e2) continue;
      var mk = { ev: e2, g: gs[j], link: gs[j].parentNode.nodeName.toLowerCase() === 'a' ? gs[j].parentNode : gs[j],
                 x: Number(gs[j].getAttribute('data-x')), y: Number(gs[j].getAttribute('data-y')),
                 range: gs[j].querySelector('.range'), dx: 0, k: 1, culled: false };
      if (!gs[j].classList.contains('also')) e2.own = mk;
      e2.marks.push(mk);
      marks.push(mk);
    }
    // Ticks: one set per level of detail (level L is drawn for zooms from 2^L); each tick moves.
    var levels = svg.querySelectorAll('g.ticks');
    for (var l = 0; l < levels.length; ++l) {
      var ts = levels[l].querySelectorAll('g.tick');
      var level = { g: levels[l], zoom: Number(levels[l].getAttribute('data-zoom')) || 1, ticks: [] };
      for (var t = 0; t < ts.length; ++t) level.ticks.push({ g: ts[t], x: Number(ts[t].getAttribute('data-x')), dx: 0 });
      ticks.push(level);
    }
    var zs = svg.querySelectorAll('[data-zx]');
    for (var z = 0; z < zs.length; ++z) {
      var names = zs[z].getAttribute('data-zx').split(' '), wn = zs[z].getAttribute('data-zw');
      names.forEach(function (n) { mapped.push({ el: zs[z], name: n, v: Number(zs[z].getAttribute(n)), width: false }); });
      if (wn) mapped.push({ el: zs[z], name: wn, v: Number(zs[z].getAttribute(wn)), width: true });
    }
    var ps = svg.querySelectorAll('g.links path.link');
    for (var c = 0; c < ps.length; ++c) {
      var n = ps[c].getAttribute('d').match(/-?[\d.]+/g).map(Number);
      if (n.length === 8) curves.push({ el: ps[c], n: n, from: byId[ps[c].getAttribute('data-from')], to: byId[ps[c].getAttribute('data-to')] });
    }
    var mv = svg.querySelectorAll('.zoom-move');
    for (var m = 0; m < mv.length; ++m) moves.push({ el: mv[m], x: Number(mv[m].getAttribute('data-x')), dx: 0 });
  }

  // ---- State: the view (zoom k, the left edge v0 of the window in layout units) and the filters.
  var state = { k: 1, v0: X0, actor: '', kind: '', tag: '', place: '', era: '', q: '', event: '' };

  // ---- Controls, made here: without the script they would do nothing.
  var bar = el('div', { class: 'controls', role: 'search', 'aria-label': 'Filter and search the events' });
  var search = el('input', { type: 'search', id: 'annals-q', autocomplete: 'off', spellcheck: 'false' });
  var searchLabel = el('label', { for: 'annals-q' }, 'Search');
  var field = el('span', { class: 'field' });
  field.appendChild(searchLabel);
  field.appendChild(search);
  bar.appendChild(field);
  var selects = {};
  KEYS.forEach(function (key) {
    var options = facets[key] || [];
    if (options.length < 1) return;
    var s = el('select', { id: 'annals-' + key });
    s.appendChild(el('option', { value: '' }, 'All'));
    options.forEach(function (o) { s.appendChild(el('option', { value: o[0] }, o[1])); });
    var f = el('span', { class: 'field' });
    f.appendChild(el('label', { for: 'annals-' + key }, WORDS[key]));
    f.appendChild(s);
    bar.appendChild(f);
    selects[key] = s;
  });
  var clear = el('button', { type: 'button', class: 'clear' }, 'Clear');
  bar.appendChild(clear);
  var status = el('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  bar.appendChild(status);
  var header = doc.querySelector('main > header');
  header.parentNode.insertBefore(bar, header.nextSibling);

  var zoomIn, zoomOut, reset, panLeft, panRight, zoomText;
  if (svg) {
    var zbar = el('div', { class: 'zoom', role: 'group', 'aria-label': 'Zoom the time axis' });
    zoomOut = el('button', { type: 'button', 'aria-label': 'Zoom out' }, '−');
    zoomIn = el('button', { type: 'button', 'aria-label': 'Zoom in' }, '+');
    panLeft = el('button', { type: 'button', 'aria-label': 'Earlier' }, '←');
    panRight = el('button', { type: 'button', 'aria-label': 'Later' }, '→');
    reset = el('button', { type: 'button' }, 'Show all');
    zoomText = el('span', { class: 'zoom-level', 'aria-live': 'polite' });
    [zoomOut, zoomIn, panLeft, panRight, reset, zoomText].forEach(function (b) { zbar.appendChild(b); });
    chart.parentNode.insertBefore(zbar, chart);
    chart.classList.add('interactive');
  }

  // The details of one event: a copy of its list entry, beside the drawing.
  var panel = el('section', { id: 'annals-details', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'annals-details-title', hidden: '' });
  doc.querySelector('main').appendChild(panel);
  var opener = null;

  // ---- Filters and search.
  function matches(ev) {
    for (var f = 0; f < KEYS.length; ++f) {
      var want = state[KEYS[f]];
      if (want && ev[KEYS[f]].indexOf(want) < 0) return false;
    }
    if (state.q) {
      if (ev.text === null) ev.text = ev.item.textContent.toLowerCase();
      var words = state.q.toLowerCase().split(/\s+/);
      for (var w = 0; w < words.length; ++w) if (words[w] && ev.text.indexOf(words[w]) < 0) return false;
    }
    return true;
  }
  function applyFilters() {
    var n = 0;
    for (var i = 0; i < events.length; ++i) {
      var ev = events[i], shown = matches(ev);
      if (shown) ++n;
      if (shown === ev.shown) continue;
      ev.shown = shown;
      ev.item.hidden = !shown;
      for (var m = 0; m < ev.marks.length; ++m) ev.marks[m].link.classList.toggle('filtered', !shown);
    }
    // A year or era heading is hidden with the last of its events.
    var heads = list.querySelectorAll('h3.year');
    for (var h = 0; h < heads.length; ++h) {
      var any = false;
      for (var s = heads[h].nextElementSibling; s && s.nodeName === 'ARTICLE'; s = s.nextElementSibling) {
        if (!s.hidden) { any = true; break; }
      }
      heads[h].hidden = !any;
    }
    status.textContent = n === events.length ? 'All ' + n + ' events shown.'
                                             : n + ' of ' + events.length + ' events shown.';
    applyView();
  }

  // ---- The view: a layout x maps to X0 + (x - v0) * k.
  function clampView() {
    state.k = Math.min(MAX_ZOOM, Math.max(1, state.k));
    var span = W / state.k;
    state.v0 = Math.min(X1 - span, Math.max(X0, state.v0));
  }
  var frame = 0;
  function applyView() {
    if (!svg) return;
    clampView();
    var k = state.k, b = X0 - state.v0 * k;
    var lo = X0 - 420, hi = X1 + 460, inView = 0;
    // Zoomed, only the marks within a screen of the window are moved (and the rest hidden until
    // a scroll brings them near): a tall chart of 10,000 events costs what its visible part costs.
    var top = -Infinity, bottom = Infinity;
    if (k > 1) {
      var r = svg.getBoundingClientRect(), unit = svg.viewBox.baseVal.width / r.width, h = window.innerHeight;
      top = (-r.top - h) * unit;
      bottom = (2 * h - r.top) * unit;
    }
    for (var i = 0; i < marks.length; ++i) {
      var mk = marks[i];
      if (!mk.ev.shown) continue;
      var nx = k * mk.x + b, culled = nx < lo || nx > hi || mk.y < top || mk.y > bottom;
      if (culled !== mk.culled) {
        mk.culled = culled;
        mk.link.classList.toggle('culled', culled);
      }
      if (culled) continue;
      if (nx >= X0 && nx <= X1) ++inView;
      var dx = nx - mk.x;
      if (dx === mk.dx && k === mk.k) continue;
      if (dx !== mk.dx) mk.g.setAttribute('transform', 'translate(' + dx.toFixed(2) + ' 0)');
      if (mk.range) mk.range.setAttribute('transform', 'matrix(' + k + ' 0 0 1 ' + (b - dx).toFixed(2) + ' 0)');
      mk.dx = dx;
      mk.k = k;
    }
    // Level of detail: too many marks in view and the titles go; zoom in to read them.
    svg.classList.toggle('lod', inView > LOD_MARKS);
    for (var s = 0; s < mapped.length; ++s) {
      var at = mapped[s];
      at.el.setAttribute(at.name, (at.width ? k * at.v : k * at.v + b).toFixed(2));
    }
    for (var c = 0; c < curves.length; ++c) {
      var n = curves[c].n, x = function (v) { return (k * v + b).toFixed(1); };
      // An arrow goes with either of its events, and far from the view.
      var far = Math.max(n[1], n[7]) < top || Math.min(n[1], n[7]) > bottom ||
                (curves[c].from && !curves[c].from.shown) || (curves[c].to && !curves[c].to.shown);
      if (far !== !!curves[c].far) { curves[c].far = far; curves[c].el.style.display = far ? 'none' : ''; }
      if (far) continue;
      curves[c].el.setAttribute('d', 'M' + x(n[0]) + ',' + n[1] + ' C' + x(n[2]) + ',' + n[3] + ' ' + x(n[4]) + ',' + n[5] +
                                ' ' + x(n[6]) + ',' + n[7]);
    }
    for (var j = 0; j < moves.length; ++j) {
      var mv = moves[j], d = k * mv.x + b - mv.x;
      if (d !== mv.dx) { mv.dx = d; mv.el.setAttribute('transform', 'translate(' + d.toFixed(2) + ' 0)'); }
    }
    // The finest level of ticks whose spacing the zoom allows.
    var best = 0;
    for (var l = 0; l < ticks.length; ++l) if (ticks[l].zoom <= k + 1e-9 && ticks[l].zoom >= ticks[best].zoom) best = l;
    for (var t = 0; t < ticks.length; ++t) {
      var level = ticks[t], on = t === best;
      level.g.style.display = on ? '' : 'none';
      if (!on) continue;
      for (var q = 0; q < level.ticks.length; ++q) {
        var tk = level.ticks[q], tx = k * tk.x + b, d2 = tx - tk.x;
        var out = tx < X0 - 60 || tx > X1 + 60;
        tk.g.style.display = out ? 'none' : '';
        if (!out && d2 !== tk.dx) { tk.dx = d2; tk.g.setAttribute('transform', 'translate(' + d2.toFixed(2) + ' 0)'); }
      }
    }
    zoomText.textContent = k === 1 ? 'Whole chronology' : 'Zoom ×' + (k < 10 ? k.toFixed(1) : Math.round(k));
    zoomOut.disabled = k <= 1;
    zoomIn.disabled = k >= MAX_ZOOM;
    panLeft.disabled = state.v0 <= X0 + 1e-6;
    panRight.disabled = state.v0 >= X1 - W / k - 1e-6;
  }
  function zoomAt(factor, x) {  // keeps the layout point under x (in chart units) in place
    if (!svg) return;
    var k0 = state.k, k1 = Math.min(MAX_ZOOM, Math.max(1, k0 * factor));
    var at = x === undefined ? X0 + W / 2 : Math.min(X1, Math.max(X0, x));
    var layoutX = state.v0 + (at - X0) / k0;
    state.k = k1;
    state.v0 = layoutX - (at - X0) / k1;
    changed();
  }
  function pan(fraction) {
    state.v0 += fraction * W / state.k;
    changed();
  }
  function changed() {
    applyView();
    writeHash();
  }

  // ---- The URL fragment: view=K,X&actor=…&q=…&event=ID (an #event-ID or #note-N link still jumps).
  var hashTimer = 0;
  function writeHash() {
    clearTimeout(hashTimer);
    hashTimer = setTimeout(function () {
      var p = new URLSearchParams();
      if (state.k > 1) p.set('view', state.k.toFixed(3) + ',' + (state.v0 + W / state.k / 2).toFixed(1));
      KEYS.concat(['q', 'event']).forEach(function (key) { if (state[key]) p.set(key, state[key]); });
      var h = p.toString();
      history.replaceState(null, '', h ? '#' + h : location.pathname + location.search);
    }, 0);
  }
  function readHash() {
    var h = location.hash.slice(1);
    if (h.indexOf('=') < 0) return false;
    var p = new URLSearchParams(h);
    var view = (p.get('view') || '').split(',');
    state.k = Number(view[0]) || 1;
    var centre = Number(view[1]);
    state.v0 = (isFinite(centre) && view.length > 1 ? centre : X0 + W / 2) - W / state.k / 2;
    KEYS.concat(['q']).forEach(function (key) { state[key] = p.get(key) || ''; });
    KEYS.forEach(function (key) {
      if (!selects[key]) { state[key] = ''; return; }
      selects[key].value = state[key];
      if (selects[key].value !== state[key]) state[key] = '';  // a value the page does not have
    });
    search.value = state.q;
    var id = p.get('event') || '';
    applyFilters();
    if (byId[id]) openDetails(byId[id], null); else closeDetails(false);
    return true;
  }

  // ---- Details.
  function openDetails(ev, from) {
    opener = from;
    state.event = ev.id;
    panel.textContent = '';
    var close = el('button', { type: 'button', class: 'close', 'aria-label': 'Close the details' }, '×');
    close.addEventListener('click', function () { closeDetails(true); });
    panel.appendChild(close);
    var copy = ev.item.cloneNode(true);
    copy.removeAttribute('id');
    copy.hidden = false;
    copy.className = 'detail';
    var h = copy.querySelector('h3');
    var title = el('h2', { id: 'annals-details-title' });
    while (h.firstChild) title.appendChild(h.firstChild);
    h.parentNode.replaceChild(title, h);
    panel.appendChild(copy);
    var go = el('a', { href: '#event-' + ev.id }, 'Go to its entry in the list');
    go.addEventListener('click', function () { closeDetails(false); });
    panel.appendChild(go);
    panel.hidden = false;
    if (ev.own) {
      var prev = svg.querySelector('.selected');
      if (prev) prev.classList.remove('selected');
      ev.own.link.classList.add('selected');
    }
    if (from) close.focus();
    writeHash();
  }
  function closeDetails(refocus) {
    if (panel.hidden) return;
    panel.hidden = true;
    state.event = '';
    var sel = svg && svg.querySelector('.selected');
    if (sel) sel.classList.remove('selected');
    if (refocus && opener) opener.focus();
    opener = null;
    writeHash();
  }

  // ---- Wiring.
  search.addEventListener('input', function () { state.q = search.value.trim(); applyFilters(); writeHash(); });
  KEYS.forEach(function (key) {
    if (!selects[key]) return;
    selects[key].addEventListener('change', function () { state[key] = selects[key].value; applyFilters(); writeHash(); });
  });
  clear.addEventListener('click', function () {
    KEYS.forEach(function (key) { state[key] = ''; if (selects[key]) selects[key].value = ''; });
    state.q = search.value = '';
    applyFilters();
    writeHash();
  });
  doc.addEventListener('keydown', function (e) {
    if (e.key === 'Escape' && !panel.hidden) { e.preventDefault(); closeDetails(true); }
  });
  window.addEventListener('hashchange', readHash);

  if (svg) {
    zoomIn.addEventListener('click', function () { zoomAt(2); });
    zoomOut.addEventListener('click', function () { zoomAt(0.5); });
    panLeft.addEventListener('click', function () { pan(-0.5); });
    panRight.addEventListener('click', function () { pan(0.5); });
    reset.addEventListener('click', function () { state.k = 1; state.v0 = X0; changed(); });
    // A mark opens its details (a click, or Enter on the focused mark).
    svg.addEventListener('click', function (e) {
      var a = e.target.closest ? e.target.closest('a') : null;
      var g = a ? a.querySelector('g.event, g.also') : e.target.closest ? e.target.closest('g.event, g.also') : null;
      if (!g || dragged) { if (dragged) e.preventDefault(); return; }
      var ev = byId[g.getAttribute('data-id')];
      if (!ev) return;
      e.preventDefault();
      openDetails(ev, ev.own ? ev.own.link : null);
    });
    // Keys on the focused chart or a focused mark.
    chart.addEventListener('keydown', function (e) {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      var handled = true;
      if (e.key === '+' || e.key === '=') zoomAt(2);
      else if (e.key === '-' || e.key === '_') zoomAt(0.5);
      else if (e.key === 'ArrowLeft') pan(-0.2);
      else if (e.key === 'ArrowRight') pan(0.2);
      else if (e.key === '0') { state.k = 1; state.v0 = X0; changed(); }
      else handled = false;
      if (handled) e.preventDefault();
    });
    // A screen point's x in the drawing's units.
    function chartX(clientX) {
      var r = svg.getBoundingClientRect();
      return (clientX - r.left) * (Number(svg.viewBox.baseVal.width) / r.width);
    }
    function units(px) { return px * Number(svg.viewBox.baseVal.width) / svg.getBoundingClientRect().width; }
    svg.addEventListener('wheel', function (e) {
      if (e.ctrlKey || e.metaKey) {  // Ctrl + wheel, and a trackpad's pinch
        e.preventDefault();
        zoomAt(Math.pow(2, -e.deltaY / 300), chartX(e.clientX));
      } else if (Math.abs(e.deltaX) > Math.abs(e.deltaY) || e.shiftKey) {
        if (state.k <= 1) return;
        e.preventDefault();
        state.v0 += units(e.shiftKey && !e.deltaX ? e.deltaY : e.deltaX) / state.k;
        changed();
      }
    }, { passive: false });
    // Drag to pan; two fingers pinch to zoom.
    var pointers = new Map(), dragged = false, startDist = 0, startK = 1, lastX = 0;
    svg.addEventListener('pointerdown', function (e) {
      pointers.set(e.pointerId, e.clientX);
      dragged = false;
      lastX = e.clientX;
      if (pointers.size === 2) {
        var xs = Array.from(pointers.values());
        startDist = Math.abs(xs[0] - xs[1]) || 1;
        startK = state.k;
      }
    });
    svg.addEventListener('pointermove', function (e) {
      if (!pointers.has(e.pointerId)) return;
      pointers.set(e.pointerId, e.clientX);
      if (pointers.size === 2) {
        var xs = Array.from(pointers.values());
        var dist = Math.abs(xs[0] - xs[1]) || 1;
        zoomAt(startK * dist / startDist / state.k, chartX((xs[0] + xs[1]) / 2));
        dragged = true;
      } else if (pointers.size === 1 && state.k > 1) {
        var d = e.clientX - lastX;
        if (!dragged && Math.abs(d) < 4) return;
        dragged = true;
        lastX = e.clientX;
        state.v0 -= units(d) / state.k;
        if (!frame) frame = requestAnimationFrame(function () { frame = 0; changed(); });
      }
    });
    function up(e) { pointers.delete(e.pointerId); }
    // Zoomed, a scroll brings other marks near: place them.
    var scrolled = 0;
    window.addEventListener('scroll', function () {
      if (state.k > 1 && !scrolled) scrolled = requestAnimationFrame(function () { scrolled = 0; applyView(); });
    }, { passive: true });
    svg.addEventListener('pointerup', up);
    svg.addEventListener('pointercancel', up);
  }

  if (!readHash()) applyFilters();
})();
