// Opens map pages written by `litrev graph map` in headless Chromium and uses them as a person
// would: the expected nodes are drawn, hovering shows the tooltip, the search highlights, the
// legend hides a cluster, labels do not overlap, tabs switch, a click opens the work's page,
// and the page logs no error and requests nothing. Screenshots go to OUT_DIR.
//   node map.test.mjs OUT_DIR PAGE.html[:NAME] ...
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [outDir, ...pages] = process.argv.slice(2);
mkdirSync(outDir, { recursive: true });
const browserPath = process.env.LITREV_CHROMIUM || '/usr/bin/chromium';

let passed = 0, failed = 0;
function check(ok, what) {
  if (ok) passed++; else failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
}

// The page's JSON data island, read the way the page reads it.
function pageData(file) {
  const html = readFileSync(file, 'utf8');
  const open = '<script type="application/json" id="litrev-data">';
  const start = html.indexOf(open) + open.length;
  return JSON.parse(html.slice(start, html.indexOf('</script>', start)));
}

function overlapping(labels) {
  for (let a = 0; a < labels.length; a++) {
    for (let b = a + 1; b < labels.length; b++) {
      const p = labels[a], q = labels[b];
      if (Math.abs(p.x - q.x) * 2 < p.w + q.w && Math.abs(p.y - q.y) * 2 < p.h + q.h) return [p.text, q.text];
    }
  }
  return null;
}

async function testPage(browser, file, name) {
  const data = pageData(file);
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const errors = [], requests = [], failedRequests = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => requests.push(r.url()));
  page.on('requestfailed', (r) => failedRequests.push(r.url()));
  const shot = (what) => page.screenshot({ path: `${outDir}/${name}-${what}.png` });
  const stats = () => page.evaluate(() => window.litrevMap.stats());
  const frame = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

  const url = pathToFileURL(resolve(file)).href;
  await page.goto(url);
  await page.waitForFunction(() => window.litrevMap && window.litrevMap.stats().frames > 0);
  const view = data.views[0];
  let s = await stats();
  console.log(`# ${name}: ${s.nodes} nodes, ${s.links} links, ${s.clusters} clusters, ${s.labels.length} labels, first frame ${s.lastFrameMs.toFixed(1)} ms`);
  check(s.drawnNodes === view.nodes.length, `${name}: draws all ${view.nodes.length} nodes (drew ${s.drawnNodes})`);
  check(s.drawnLinks === view.links.length / 2, `${name}: draws all ${view.links.length / 2} links (drew ${s.drawnLinks})`);
  check(s.labels.length > 0, `${name}: labels drawn (${s.labels.length})`);
  const clash = overlapping(s.labels);
  check(clash === null, `${name}: no two labels overlap${clash ? ` (${clash.join(' / ')})` : ''}`);
  await shot('overview');

  // Hover the largest circles: small circles are drawn over large ones, so the first of the ten
  // largest whose centre is not covered must show its own tooltip.
  const bySize = view.nodes.map((d, i) => i).sort((a, b) => view.nodes[b].size - view.nodes[a].size);
  const largest = bySize[0];
  let hovered = -1, tip = '';
  for (const i of bySize.slice(0, 10)) {
    const at = await page.evaluate((k) => window.litrevMap.nodePosition(k), i);
    await page.mouse.move(at.x, at.y);
    await frame();
    s = await stats();
    if (s.hover !== i) continue;
    hovered = i;
    tip = s.tooltipVisible ? await page.locator('#tooltip').innerText() : '';
    break;
  }
  const expected = hovered >= 0 ? (view.nodes[hovered].ref || view.nodes[hovered].label).slice(0, 20) : '?';
  check(hovered >= 0 && tip.includes(expected), `${name}: hovering ${hovered >= 0 ? view.nodes[hovered].label : 'the largest circles'} shows its tooltip`);
  await shot('hover');
  await page.mouse.move(5, 890);

  // Clicking a node with a page opens it (window.open caught: the test has no network).
  const linked = view.nodes.findIndex((d) => d.url);
  if (linked >= 0) {
    await page.evaluate(() => { window.__opened = []; window.open = (u) => { window.__opened.push(u); return null; }; });
    const p = await page.evaluate((i) => window.litrevMap.nodePosition(i), linked);
    // Another circle may cover this one's centre: click where the page says the node is.
    const under = await page.evaluate(([x, y]) => { const r = document.getElementById('canvas').getBoundingClientRect(); return [x - r.left, y - r.top]; }, [p.x, p.y]);
    await page.mouse.click(p.x, p.y);
    const opened = await page.evaluate(() => window.__opened);
    check(opened.length === 1 && view.nodes.some((d) => d.url === opened[0]), `${name}: a click opens the node's page (${opened[0]}; at ${under.map(Math.round)})`);
  }

  // Search: the first word of the largest node's label.
  const query = view.nodes[largest].label.split(' ')[0];
  await page.fill('#search', query);
  await frame();
  s = await stats();
  const count = await page.locator('#search-count').innerText();
  check(s.matches >= 1 && count.includes('match'), `${name}: searching "${query}" highlights ${s.matches} nodes`);
  const matchLabels = new Set((await page.evaluate((q) => window.litrevMap.find(q), query)).map((i) => view.nodes[i].label));
  check(s.labels.length > 0 && s.labels.every((l) => matchLabels.has(l.text)), `${name}: only the matches are labelled (${s.labels.length})`);
  await shot('search');
  await page.fill('#search', '');
  await frame();

  // Legend: hide the first cluster.
  if (view.clusters.length > 0) {
    const inFirst = view.nodes.filter((d) => d.cluster === 0).length;
    await page.locator('#legend label.cluster input').first().click();
    await frame();
    s = await stats();
    check(s.hiddenClusters.includes(0) && s.drawnNodes === view.nodes.length - inFirst,
      `${name}: unticking cluster 1 hides its ${inFirst} nodes (drawn ${s.drawnNodes})`);
    await shot('legend');
    await page.locator('#legend label.cluster input').first().click();
    await frame();
  }

  // Zoom and pan: frame times while zooming in (the smoothness measure).
  const box = await page.locator('#canvas').boundingBox();
  const before = (await stats()).frames;
  const t0 = Date.now();
  for (let k = 0; k < 20; k++) {
    await page.mouse.move(box.x + box.width * 0.35, box.y + box.height * 0.5);
    await page.mouse.wheel(0, -120);
    await frame();
  }
  await page.mouse.move(box.x + 200, box.y + 200);
  await page.mouse.down();
  for (let k = 0; k < 20; k++) { await page.mouse.move(box.x + 200 + k * 10, box.y + 200 + k * 5); await frame(); }
  await page.mouse.up();
  s = await stats();
  const frames = s.frames - before;
  console.log(`# ${name}: ${frames} frames while zooming and panning, mean draw ${s.meanFrameMs.toFixed(1)} ms, last ${s.lastFrameMs.toFixed(1)} ms, ${((Date.now() - t0) / frames).toFixed(1)} ms per frame wall`);
  check(s.zoom > 2, `${name}: the wheel zooms in (zoom ${s.zoom.toFixed(1)})`);
  check(s.meanFrameMs < 200, `${name}: a frame draws in ${s.meanFrameMs.toFixed(1)} ms on average`);
  check(overlapping(s.labels) === null, `${name}: zoomed in, labels still do not overlap (${s.labels.length})`);
  await shot('zoomed');

  // Tabs: the other views, the timeline, the historiograph.
  const tabs = page.locator('#tabs button');
  const n = await tabs.count();
  for (let t = 1; t < n; t++) {
    const label = await tabs.nth(t).innerText();
    await tabs.nth(t).click();
    await frame();
    s = await stats();
    if (t < data.views.length) {
      check(s.view === data.views[t].id && s.drawnNodes === data.views[t].nodes.length, `${name}: tab "${label}" draws its ${data.views[t].nodes.length} nodes`);
    } else {
      const visibleSvg = await page.locator('section.pane:not([hidden]) svg').count();
      check(visibleSvg === 1, `${name}: tab "${label}" shows its chart`);
    }
    await shot(label.toLowerCase().replace(/[^a-z]+/g, '-'));
  }

  check(errors.length === 0, `${name}: no console error${errors.length ? ': ' + errors.join(' | ') : ''}`);
  const foreign = requests.filter((r) => r !== url);
  check(foreign.length === 0 && failedRequests.length === 0, `${name}: no request but the page itself${foreign.length ? ': ' + foreign.join(' ') : ''}`);
  await page.close();
}

const browser = await chromium.launch({
  executablePath: browserPath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
try {
  for (const spec of pages) {
    const [file, name] = spec.split(':');
    await testPage(browser, file, name || basename(file, '.html'));
  }
} catch (e) {
  failed++;
  console.log(`FAIL ${e.stack || e}`);
} finally {
  await browser.close();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
