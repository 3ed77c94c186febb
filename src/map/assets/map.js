// litrev map page: draws the views embedded as JSON (#litrev-data) on one canvas, so 2,000
// nodes and 20,000 links pan and zoom smoothly (one path per link colour, not one element per
// link). Everything from the library is put into the page with textContent, never as HTML.
// window.litrevMap is a small read-only hook for the browser test (tests/browser).
(function () {
  'use strict';

  const data = JSON.parse(document.getElementById('litrev-data').textContent);
  const canvas = document.getElementById('canvas');
  const ctx = canvas.getContext('2d');
  const pane = document.getElementById('map-pane');
  const tooltip = document.getElementById('tooltip');
  const legend = document.getElementById('legend');
  const search = document.getElementById('search');
  const searchCount = document.getElementById('search-count');

  const LABEL_FONT = '12px system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif';
  const BURST_COLOR = '#c0002a';
  const MAX_LABELS = 400;

  const state = {
    view: null,       // the view shown (prepared, see prepare())
    pane: 'map',      // 'map', 'timeline', 'historiograph'
    zoom: 1, panX: 0, panY: 0,  // screen = centre + (world * fitScale * zoom) + pan
    width: 0, height: 0, ratio: 1,
    hover: -1,
    matches: null,    // Set of node indexes, or null when the search box is empty
    labels: [],       // labels drawn in the last frame: {i, x, y, w, h}
    drawnNodes: 0, drawnLinks: 0,
    frames: 0, lastFrameMs: 0, totalFrameMs: 0,
    pending: false,
  };

  const fold = (s) => String(s).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const el = (tag, cls, text) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  };

  // Same radius as src/map/svg.cpp node_radius(): circle area proportional to the value.
  function nodeRadius(size, maxSize, minR, maxR) {
    if (!(maxSize > 0) || !(size > 0)) return minR;
    return minR + (maxR - minR) * Math.sqrt(Math.min(size, maxSize) / maxSize);
  }

  // Per view, once: drawing order, link colour groups, search text.
  function prepare(view) {
    if (view.prepared) return view;
    const n = view.nodes.length;
    view.maxSize = view.nodes.reduce((m, d) => Math.max(m, d.size || 0), 0);
    view.order = view.nodes.map((_, i) => i).sort((a, b) => (view.nodes[b].size - view.nodes[a].size) || (a - b));
    view.sx = new Float64Array(n);
    view.sy = new Float64Array(n);
    view.sr = new Float64Array(n);
    view.hidden = new Set();
    view.haystack = null;
    const groups = new Map();
    for (let k = 0; k < view.links.length; k += 2) {
      const color = view.nodes[view.links[k]].color;
      if (!groups.has(color)) groups.set(color, []);
      groups.get(color).push(view.links[k], view.links[k + 1]);
    }
    view.linkGroups = Array.from(groups, ([color, ends]) => ({ color, ends }));
    view.prepared = true;
    return view;
  }

  function fitScale() { return Math.max(10, Math.min(state.width - 320, state.height) / 2 * 0.92); }
  function centreX() { return (state.width - 310) / 2; }

  function visible(view, i) {
    const c = view.nodes[i].cluster;
    return c === undefined ? !view.hidden.has(-1) : !view.hidden.has(c);
  }

  function project(view) {
    const s = fitScale() * state.zoom, cx = centreX() + state.panX, cy = state.height / 2 + state.panY;
    const maxR = Math.min(28, Math.max(5, fitScale() / Math.sqrt(Math.max(1, view.nodes.length)) * 1.1));
    const grow = Math.sqrt(state.zoom);
    for (let i = 0; i < view.nodes.length; i++) {
      const d = view.nodes[i];
      view.sx[i] = cx + d.x * s;
      view.sy[i] = cy - d.y * s;
      view.sr[i] = nodeRadius(d.size, view.maxSize, 2, maxR) * grow;
    }
  }

  function draw() {
    state.pending = false;
    const view = state.view;
    if (!view || state.pane !== 'map') return;
    const t0 = performance.now();
    ctx.setTransform(state.ratio, 0, 0, state.ratio, 0, 0);
    ctx.clearRect(0, 0, state.width, state.height);
    project(view);
    const searching = state.matches !== null;

    // Links: faint, one path per colour.
    const linkCount = view.links.length / 2;
    ctx.lineWidth = 0.7;
    ctx.globalAlpha = searching ? 0.05 : Math.max(0.06, Math.min(0.35, 25 / Math.sqrt(linkCount + 1)));
    let drawnLinks = 0;
    for (const g of view.linkGroups) {
      ctx.strokeStyle = g.color;
      ctx.beginPath();
      for (let k = 0; k < g.ends.length; k += 2) {
        const a = g.ends[k], b = g.ends[k + 1];
        if (!visible(view, a) || !visible(view, b)) continue;
        ctx.moveTo(view.sx[a], view.sy[a]);
        ctx.lineTo(view.sx[b], view.sy[b]);
        drawnLinks++;
      }
      ctx.stroke();
    }

    // Nodes, largest first so that small ones stay on top.
    let drawnNodes = 0;
    ctx.lineWidth = 1;
    for (const i of view.order) {
      if (!visible(view, i)) continue;
      const d = view.nodes[i];
      const matched = searching && state.matches.has(i);
      ctx.globalAlpha = searching && !matched ? 0.12 : 0.88;
      ctx.beginPath();
      ctx.arc(view.sx[i], view.sy[i], view.sr[i], 0, 2 * Math.PI);
      ctx.fillStyle = d.color;
      ctx.fill();
      ctx.strokeStyle = '#ffffff';
      ctx.stroke();
      if (d.burst && (!searching || matched)) {
        ctx.globalAlpha = 0.9;
        ctx.beginPath();
        ctx.arc(view.sx[i], view.sy[i], view.sr[i] + 2.5, 0, 2 * Math.PI);
        ctx.strokeStyle = BURST_COLOR;
        ctx.lineWidth = 1.6;
        ctx.stroke();
        ctx.lineWidth = 1;
      }
      drawnNodes++;
    }
    ctx.globalAlpha = 1;
    if (searching) {
      ctx.strokeStyle = '#111111';
      ctx.lineWidth = 2;
      for (const i of state.matches) {
        if (!visible(view, i)) continue;
        ctx.beginPath();
        ctx.arc(view.sx[i], view.sy[i], view.sr[i] + 1.5, 0, 2 * Math.PI);
        ctx.stroke();
      }
    }
    if (state.hover >= 0) {
      ctx.strokeStyle = '#000000';
      ctx.lineWidth = 2.5;
      ctx.beginPath();
      ctx.arc(view.sx[state.hover], view.sy[state.hover], view.sr[state.hover] + 2, 0, 2 * Math.PI);
      ctx.stroke();
    }
    drawLabels(view, searching);
    state.drawnNodes = drawnNodes;
    state.drawnLinks = drawnLinks;
    state.frames++;
    state.lastFrameMs = performance.now() - t0;
    state.totalFrameMs += state.lastFrameMs;
  }

  // Greedy labels: matches first, then the largest circles; a label is drawn only where it
  // overlaps no label already drawn (grid of placed boxes), inside the visible area.
  function drawLabels(view, searching) {
    ctx.font = LABEL_FONT;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    const h = 15, gap = 2, cell = 160;
    const grid = new Map();
    const placed = [];
    const right = state.width - 315;
    const candidates = searching ? Array.from(state.matches).sort((a, b) => view.nodes[b].size - view.nodes[a].size).concat(view.order) : view.order;
    const seen = new Set();
    for (const i of candidates) {
      if (placed.length >= MAX_LABELS) break;
      if (seen.has(i)) continue;
      seen.add(i);
      if (!visible(view, i) || (searching && !state.matches.has(i))) continue;
      const d = view.nodes[i];
      if (!d.label) continue;
      if (d.labelWidth === undefined) d.labelWidth = ctx.measureText(d.label).width;
      const w = d.labelWidth + 6;
      const x = view.sx[i], y = view.sy[i] + view.sr[i] + h / 2;
      if (x - w / 2 < 0 || x + w / 2 > right || y - h / 2 < 0 || y + h / 2 > state.height) continue;
      const gx = Math.floor(x / cell), gy = Math.floor(y / cell);
      let free = true;
      for (let dx = -1; dx <= 1 && free; dx++) {
        for (let dy = -1; dy <= 1 && free; dy++) {
          const list = grid.get((gx + dx) + ',' + (gy + dy));
          if (!list) continue;
          for (const p of list) {
            if (Math.abs(p.x - x) * 2 < p.w + w + gap && Math.abs(p.y - y) * 2 < p.h + h + gap) { free = false; break; }
          }
        }
      }
      if (!free) continue;
      const box = { i, x, y, w, h };
      const key = gx + ',' + gy;
      if (!grid.has(key)) grid.set(key, []);
      grid.get(key).push(box);
      placed.push(box);
    }
    ctx.lineJoin = 'round';
    ctx.lineWidth = 3;
    ctx.strokeStyle = 'rgba(255,255,255,0.9)';
    ctx.fillStyle = '#1a1a1a';
    for (const p of placed) {
      const label = view.nodes[p.i].label;
      ctx.strokeText(label, p.x, p.y);
      ctx.fillText(label, p.x, p.y);
    }
    state.labels = placed;
  }

  function redraw() {
    if (state.pending) return;
    state.pending = true;
    requestAnimationFrame(draw);
  }

  function resize() {
    const r = pane.getBoundingClientRect();
    state.ratio = window.devicePixelRatio || 1;
    state.width = Math.max(1, r.width);
    state.height = Math.max(1, r.height);
    canvas.width = Math.round(state.width * state.ratio);
    canvas.height = Math.round(state.height * state.ratio);
    redraw();
  }

  // The topmost circle under (x, y), else the nearest within 5 pixels; -1 when none.
  function nodeAt(x, y) {
    const view = state.view;
    let best = -1, bestDist = Infinity;
    for (let k = view.order.length - 1; k >= 0; k--) {
      const i = view.order[k];
      if (!visible(view, i)) continue;
      const dist = Math.hypot(view.sx[i] - x, view.sy[i] - y) - view.sr[i];
      if (dist <= 0) return i;
      if (dist < 5 && dist < bestDist) { best = i; bestDist = dist; }
    }
    return best;
  }

  function clusterName(view, c) {
    if (c === undefined) return 'no cluster';
    const cl = view.clusters[c];
    return 'Cluster ' + (c + 1) + (cl && cl.label ? ': ' + cl.label : '');
  }

  function showTooltip(i, x, y) {
    const view = state.view, d = view.nodes[i];
    tooltip.textContent = '';
    tooltip.appendChild(el('div', 'ref', d.ref || d.label));
    const cluster = el('div', 'row');
    const dot = el('span', 'dot');
    dot.style.background = d.color;
    cluster.appendChild(dot);
    cluster.appendChild(document.createTextNode(clusterName(view, d.cluster)));
    tooltip.appendChild(cluster);
    const ranks = ['#' + d.crank + ' by citations (' + d.citations + ')'];
    if (d.prank) ranks.push('#' + d.prank + ' by PageRank');
    tooltip.appendChild(el('div', 'row', ranks.join(' \u00b7 ')));
    if (d.burst) tooltip.appendChild(el('div', 'row', 'Citation burst ' + d.burst[0] + '\u2013' + d.burst[1] + ' (strength ' + d.burst[2] + ')'));
    if (d.tags && d.tags.length) {
      const tags = el('div', 'tags');
      for (const t of d.tags) tags.appendChild(el('span', '', t));
      tooltip.appendChild(tags);
    }
    for (const note of d.notes || []) tooltip.appendChild(el('div', 'note', note.length > 600 ? note.slice(0, 600) + '\u2026' : note));
    if (d.url) tooltip.appendChild(el('div', 'hint', 'Click to open ' + d.url));
    tooltip.hidden = false;
    const w = tooltip.offsetWidth, h = tooltip.offsetHeight;
    tooltip.style.left = Math.max(4, Math.min(x + 14, state.width - w - 4)) + 'px';
    tooltip.style.top = Math.max(4, Math.min(y + 14, state.height - h - 4)) + 'px';
  }

  function hideTooltip() { tooltip.hidden = true; }

  // ---- Legend ---------------------------------------------------------------------------
  function buildLegend(view) {
    legend.textContent = '';
    legend.appendChild(el('h2', '', view.title));
    if (view.description) legend.appendChild(el('p', 'description', view.description));
    legend.appendChild(el('div', 'key', 'Circle area: ' + (view.sizeBy === 'pagerank' ? 'PageRank' : 'citations from library works') + '. Hover for details, click to open, drag to move, wheel to zoom.'));
    if (view.nodes.some((d) => d.burst)) {
      const key = el('div', 'key');
      key.appendChild(el('span', 'burst-ring'));
      key.appendChild(document.createTextNode(' citation burst'));
      legend.appendChild(key);
    }
    if (view.colorBy === 'year' && view.yearRange) {
      const scale = el('div', 'scale');
      scale.style.background = 'linear-gradient(to right, #440154, #472c7a, #3b518b, #2c718e, #21908d, #27ad81, #5cc863, #aadc32, #fde725)';
      legend.appendChild(el('div', 'key', 'Colour: publication year'));
      legend.appendChild(scale);
      const ends = el('div', 'scale-ends');
      ends.appendChild(el('span', '', String(view.yearRange[0])));
      ends.appendChild(el('span', '', String(view.yearRange[1])));
      legend.appendChild(ends);
    }
    if (!view.clusters.length) return;
    const actions = el('div', 'actions');
    const all = el('button', '', 'show all');
    const none = el('button', '', 'hide all');
    all.type = none.type = 'button';
    all.addEventListener('click', () => { view.hidden.clear(); syncLegend(view); redraw(); });
    none.addEventListener('click', () => { view.clusters.forEach((_, c) => view.hidden.add(c)); view.hidden.add(-1); syncLegend(view); redraw(); });
    actions.appendChild(all);
    actions.appendChild(none);
    legend.appendChild(actions);
    view.clusters.forEach((cl, c) => {
      if (!cl.size) return;  // a cluster of the run with no node on this map
      const row = el('label', 'cluster');
      row.dataset.cluster = String(c);
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.checked = !view.hidden.has(c);
      box.setAttribute('aria-label', 'show cluster ' + (c + 1));
      box.addEventListener('change', () => {
        if (box.checked) view.hidden.delete(c); else view.hidden.add(c);
        hideTooltip();
        state.hover = -1;
        redraw();
      });
      const swatch = el('span', 'swatch');
      swatch.style.background = view.colorBy === 'cluster' ? cl.color : '#999999';
      const text = el('span', '', (c + 1) + '. ' + (cl.label || '(no distinctive terms)') + ' (' + cl.size + ')');
      if (cl.terms && cl.terms.length) text.appendChild(el('span', 'terms', cl.terms.join(', ')));
      row.appendChild(box);
      row.appendChild(swatch);
      row.appendChild(text);
      legend.appendChild(row);
    });
  }

  function syncLegend(view) {
    for (const row of legend.querySelectorAll('label.cluster')) {
      row.querySelector('input').checked = !view.hidden.has(Number(row.dataset.cluster));
    }
  }

  // ---- Search ---------------------------------------------------------------------------
  function applySearch() {
    const view = state.view;
    const terms = fold(search.value).split(/\s+/).filter(Boolean);
    if (!view || !terms.length) {
      state.matches = null;
      searchCount.textContent = '';
      redraw();
      return;
    }
    if (!view.haystack) {
      view.haystack = view.nodes.map((d) => fold([d.label, d.ref, d.id, d.year, (d.tags || []).join(' '), (d.notes || []).join(' ')].join(' ')));
    }
    const matches = new Set();
    view.haystack.forEach((text, i) => { if (terms.every((t) => text.includes(t))) matches.add(i); });
    state.matches = matches;
    searchCount.textContent = matches.size + (matches.size === 1 ? ' match' : ' matches');
    redraw();
  }

  function zoomToMatches() {
    const view = state.view;
    if (!state.matches || !state.matches.size) return;
    let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
    for (const i of state.matches) {
      const d = view.nodes[i];
      x0 = Math.min(x0, d.x); x1 = Math.max(x1, d.x); y0 = Math.min(y0, d.y); y1 = Math.max(y1, d.y);
    }
    const span = Math.max(x1 - x0, y1 - y0, 0.15);
    state.zoom = Math.min(40, 1.6 / span);
    const s = fitScale() * state.zoom;
    state.panX = -((x0 + x1) / 2) * s;
    state.panY = ((y0 + y1) / 2) * s;
    redraw();
  }

  // ---- Views and tabs -------------------------------------------------------------------
  const tabs = document.getElementById('tabs');
  const panes = { map: pane, timeline: document.getElementById('timeline-pane'), historiograph: document.getElementById('historiograph-pane') };

  function select(kind, viewIndex) {
    state.pane = kind;
    for (const [name, p] of Object.entries(panes)) p.hidden = name !== kind;
    for (const b of tabs.children) b.setAttribute('aria-selected', String(b.dataset.kind === kind && (kind !== 'map' || Number(b.dataset.view) === viewIndex)));
    document.getElementById('search-box').style.visibility = kind === 'map' ? 'visible' : 'hidden';
    hideTooltip();
    if (kind !== 'map') return;
    state.view = prepare(data.views[viewIndex]);
    state.zoom = 1; state.panX = 0; state.panY = 0; state.hover = -1;
    buildLegend(state.view);
    resize();
    applySearch();
  }

  function addTab(text, kind, viewIndex) {
    const b = el('button', '', text);
    b.type = 'button';
    b.setAttribute('role', 'tab');
    b.dataset.kind = kind;
    if (viewIndex !== undefined) b.dataset.view = String(viewIndex);
    b.addEventListener('click', () => select(kind, viewIndex));
    tabs.appendChild(b);
  }

  data.views.forEach((v, k) => addTab(v.title, 'map', k));
  if (data.timeline) addTab('Timeline', 'timeline');
  if (data.hasHistoriograph) addTab('Historiograph', 'historiograph');

  function buildTimelineTable(t) {
    const table = document.getElementById('timeline-table');
    const head = el('tr');
    head.appendChild(el('th', '', 'year'));
    head.appendChild(el('th', '', 'works'));
    t.clusters.forEach((s) => { const th = el('th', '', s.label); th.style.borderTop = '3px solid ' + s.color; head.appendChild(th); });
    table.appendChild(head);
    t.totals.forEach((total, y) => {
      if (!total) return;
      const row = el('tr');
      row.appendChild(el('td', '', String(t.firstYear + y)));
      row.appendChild(el('td', '', String(total)));
      t.clusters.forEach((s) => row.appendChild(el('td', '', s.counts[y] ? String(s.counts[y]) : '')));
      table.appendChild(row);
    });
    if (t.undated) table.appendChild(el('caption', '', t.undated + ' works without a year are not shown.'));
  }
  if (data.timeline) buildTimelineTable(data.timeline);

  document.getElementById('title').textContent = data.title;
  document.getElementById('generated').textContent = data.generated;

  // ---- Interaction ----------------------------------------------------------------------
  let drag = null;
  canvas.addEventListener('pointerdown', (e) => {
    drag = { x: e.clientX, y: e.clientY, panX: state.panX, panY: state.panY, moved: false };
    canvas.setPointerCapture(e.pointerId);
  });
  canvas.addEventListener('pointermove', (e) => {
    const r = canvas.getBoundingClientRect();
    const x = e.clientX - r.left, y = e.clientY - r.top;
    if (drag && (drag.moved || Math.hypot(e.clientX - drag.x, e.clientY - drag.y) > 3)) {
      drag.moved = true;
      canvas.classList.add('dragging');
      state.panX = drag.panX + e.clientX - drag.x;
      state.panY = drag.panY + e.clientY - drag.y;
      hideTooltip();
      redraw();
      return;
    }
    const i = nodeAt(x, y);
    if (i !== state.hover) { state.hover = i; redraw(); }
    canvas.classList.toggle('pointing', i >= 0 && !!state.view.nodes[i].url);
    if (i >= 0) showTooltip(i, x, y); else hideTooltip();
  });
  canvas.addEventListener('pointerup', (e) => {
    const wasDrag = drag && drag.moved;
    drag = null;
    canvas.classList.remove('dragging');
    if (wasDrag) return;
    const r = canvas.getBoundingClientRect();
    const i = nodeAt(e.clientX - r.left, e.clientY - r.top);
    if (i >= 0 && state.view.nodes[i].url) window.open(state.view.nodes[i].url, '_blank', 'noopener');
  });
  canvas.addEventListener('pointerleave', () => { if (!drag) { state.hover = -1; hideTooltip(); redraw(); } });

  function zoomAt(factor, x, y) {
    const next = Math.max(0.3, Math.min(200, state.zoom * factor));
    const f = next / state.zoom;
    // Keep the world point under (x, y) in place.
    state.panX = (x - centreX()) - f * ((x - centreX()) - state.panX);
    state.panY = (y - state.height / 2) - f * ((y - state.height / 2) - state.panY);
    state.zoom = next;
    redraw();
  }
  canvas.addEventListener('wheel', (e) => {
    e.preventDefault();
    const r = canvas.getBoundingClientRect();
    zoomAt(Math.exp(-e.deltaY * 0.0015), e.clientX - r.left, e.clientY - r.top);
  }, { passive: false });
  document.getElementById('zoom-in').addEventListener('click', () => zoomAt(1.5, centreX(), state.height / 2));
  document.getElementById('zoom-out').addEventListener('click', () => zoomAt(1 / 1.5, centreX(), state.height / 2));
  document.getElementById('zoom-fit').addEventListener('click', () => { state.zoom = 1; state.panX = 0; state.panY = 0; redraw(); });
  document.addEventListener('keydown', (e) => {
    if (e.target === search || state.pane !== 'map') return;
    if (e.key === '+' || e.key === '=') zoomAt(1.5, centreX(), state.height / 2);
    else if (e.key === '-') zoomAt(1 / 1.5, centreX(), state.height / 2);
    else if (e.key === '0') { state.zoom = 1; state.panX = 0; state.panY = 0; redraw(); }
  });
  search.addEventListener('input', applySearch);
  search.addEventListener('keydown', (e) => { if (e.key === 'Enter') zoomToMatches(); });
  if (window.ResizeObserver) new ResizeObserver(resize).observe(pane); else window.addEventListener('resize', resize);

  // ---- Test hook ------------------------------------------------------------------------
  window.litrevMap = {
    stats() {
      const view = state.view;
      return {
        pane: state.pane,
        view: view ? view.id : null,
        nodes: view ? view.nodes.length : 0,
        links: view ? view.links.length / 2 : 0,
        drawnNodes: state.drawnNodes,
        drawnLinks: state.drawnLinks,
        clusters: view ? view.clusters.length : 0,
        hiddenClusters: view ? Array.from(view.hidden) : [],
        matches: state.matches ? state.matches.size : null,
        hover: state.hover,
        tooltipVisible: !tooltip.hidden,
        labels: state.labels.map((p) => ({ x: p.x, y: p.y, w: p.w, h: p.h, text: view.nodes[p.i].label })),
        frames: state.frames,
        lastFrameMs: state.lastFrameMs,
        meanFrameMs: state.frames ? state.totalFrameMs / state.frames : 0,
        zoom: state.zoom,
      };
    },
    views() { return data.views.map((v) => ({ id: v.id, title: v.title, nodes: v.nodes.length })); },
    // Where node i of the shown view is, in page coordinates (for pointing at it).
    nodePosition(i) {
      const r = canvas.getBoundingClientRect();
      return { x: r.left + state.view.sx[i], y: r.top + state.view.sy[i], r: state.view.sr[i] };
    },
    // Indexes of the nodes whose label or reference contains text (case and accents ignored).
    find(text) {
      const t = fold(text);
      return state.view.nodes.map((d, i) => (fold(d.label + ' ' + (d.ref || '')).includes(t) ? i : -1)).filter((i) => i >= 0);
    },
    nodeClusters() { return state.view.nodes.map((d) => (d.cluster === undefined ? -1 : d.cluster)); },
  };

  if (data.views.length) select('map', 0);
  else if (data.timeline) select('timeline');
  else if (data.hasHistoriograph) select('historiograph');
  // The first frame now, not on the next animation frame: a page printed or captured as soon as
  // it loads (chromium --headless --screenshot) shows the map, not an empty canvas.
  if (state.pending) draw();
})();
