// SPDX-License-Identifier: MIT
// The HTML report in a real browser: Debian's /usr/bin/chromium driven by playwright-core.
// It writes the report of samples/report-with-footnote-defects.txt with the built binary, opens
// it from a file:// URL and checks what an editor does with it: click a finding in the side
// list and see its passage scrolled into view, highlighted and explained; hover a date, a
// quotation and a URL; follow a footnote marker; filter by severity and plugin. A second page,
// made from hostile drafts, must run no script of theirs and follow no javascript: link, and
// neither page may request anything. Run by run_browser_test.sh (see CMakeLists.txt).
'use strict';
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { chromium } = require('playwright-core');

function option(name, fallback) {
  const at = process.argv.indexOf('--' + name);
  return at >= 0 ? process.argv[at + 1] : fallback;
}
const binary = option('binary');
const sourceDir = option('source');
const workDir = option('work', fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-browser-')));
const screenshotCopy = option('screenshot', '');
const executablePath = process.env.MARGINALIA_CHROMIUM || '/usr/bin/chromium';
fs.mkdirSync(workDir, { recursive: true });

let failures = 0;
async function step(name, body) {
  const started = Date.now();
  try {
    await body();
    console.log(`ok - ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    failures++;
    console.log(`not ok - ${name}\n  ${String(error && error.stack || error).split('\n').join('\n  ')}`);
  }
}

function writeReport(inputs, output) {
  const run = spawnSync(binary, ['check', ...inputs, '--format', 'html', '-o', output, '--offline', '--no-cache'],
                        { encoding: 'utf8', timeout: 60000, cwd: sourceDir });
  // 1 means "findings at or above the fail level", which these drafts have on purpose.
  if (run.status !== 0 && run.status !== 1) throw new Error(`marginalia exited ${run.status}: ${run.stderr}`);
  return pathToFileURL(output).href;
}

// Everything a page does behind the editor's back: requests, script errors, dialogs.
function watch(page) {
  const seen = { requests: [], errors: [], dialogs: [] };
  page.on('request', (request) => seen.requests.push(request.url()));
  page.on('console', (message) => { if (message.type() === 'error') seen.errors.push(message.text()); });
  page.on('pageerror', (error) => seen.errors.push(String(error)));
  page.on('dialog', (dialog) => { seen.dialogs.push(dialog.message()); dialog.dismiss().catch(() => {}); });
  return seen;
}

// True when the element is entirely inside its scroll pane and the window, and is what the
// browser hits at its centre (nothing, such as the detail panel, covers it).
async function shownInPane(locator) {
  return locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const pane = element.closest('.pane').getBoundingClientRect();
    if (box.width === 0 && box.height === 0) return false;
    const inside = box.top >= pane.top && box.bottom <= pane.bottom && box.top >= 0 && box.bottom <= window.innerHeight;
    const hit = document.elementFromPoint(box.left + Math.min(box.width / 2, 4), box.top + box.height / 2);
    return inside && hit !== null && (hit === element || element.contains(hit) || hit.contains(element));
  });
}

async function main() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 720 },
  });
  try {
    const page = context.pages()[0] || await context.newPage();
    const seen = watch(page);
    const sample = path.join('samples', 'report-with-footnote-defects.txt');  // as a user types it, from the checkout
    const url = writeReport([sample], path.join(workDir, 'report.html'));
    await page.goto(url);

    await step('the page loads nothing and its own script runs under its policy', async () => {
      assert.deepEqual(seen.requests, [url]);
      assert.deepEqual(seen.errors, []);
      assert.ok(await page.locator('li.fi').count() >= 5, 'the sample has at least five findings');
    });

    const entry = (code) => page.locator('li.fi').filter({ has: page.locator('.code', { hasText: code }) }).first();

    await step('a click in the side list scrolls to the passage, highlights it and shows the message', async () => {
      const item = entry('footnotes/orphan-note');  // note 9, at the very end of the report
      const anchor = await item.getAttribute('data-f');
      const message = (await item.locator('.msg').textContent()).trim();
      const passage = page.locator(`mark.f[data-f="${anchor}"]`).first();
      assert.equal(await shownInPane(passage), false, 'precondition: the passage starts out of view');
      await item.locator('a.fl').click();
      assert.equal(await shownInPane(passage), true, 'the passage is scrolled into view and not covered');
      assert.match(await passage.getAttribute('class'), /\bsel\b/);
      const look = await passage.evaluate((element) => {
        const computed = getComputedStyle(element);
        return { outline: computed.outlineStyle, background: computed.backgroundColor };
      });
      assert.equal(look.outline, 'solid');
      assert.notEqual(look.background, 'rgba(0, 0, 0, 0)');
      assert.deepEqual(await page.locator('mark.f.sel').evaluateAll((marks) => [...new Set(marks.map((m) => m.dataset.f))]), [anchor]);
      const detail = page.locator('#detail');
      assert.ok(await detail.isVisible(), 'the detail panel is shown');
      const text = await detail.textContent();
      assert.ok(text.includes(message), `the panel shows the message: ${text}`);
      assert.ok(text.includes('footnotes/orphan-note'), 'the panel shows the code');
      assert.match(await item.getAttribute('class'), /\bsel\b/);
    });

    await step('a finding with a fix shows the fix and highlights its related place', async () => {
      const item = entry('dates/weekday-mismatch');
      assert.equal(await item.count(), 1, 'the sample plants a wrong weekday (samples/README.md)');
      const anchor = await item.getAttribute('data-f');
      await item.locator('a.fl').click();
      const text = await page.locator('#detail').textContent();
      assert.match(text, /suggested fix: replace Monday with Wed/);
      assert.ok(await page.locator(`span.r.rsel[data-r="${anchor}"]`).count() >= 1, 'the related place is highlighted');
      assert.equal(await shownInPane(page.locator(`mark.f[data-f="${anchor}"]`).first()), true);
    });

    await step('hovering a date, a quotation and a URL tells what was recognised', async () => {
      const tip = page.locator('#tip');
      await page.locator('.doc .m.dt').filter({ hasText: 'April 2024' }).first().hover();
      assert.ok(await tip.isVisible());
      assert.match(await tip.textContent(), /date: 2024-04-24/);
      await page.locator('.doc .m.qt').first().hover();
      assert.match(await tip.textContent(), /quotation.*speaker: /);
      const address = page.locator('.doc a.u, .doc a.ln').first();
      await address.scrollIntoViewIfNeeded();
      await address.hover();
      assert.match(await tip.textContent(), /https:\/\/example\.org\/.*status: /);
    });

    await step('a footnote marker leads to its note', async () => {
      const marker = page.locator('.doc a.nr', { hasText: '5' }).first();
      await marker.scrollIntoViewIfNeeded();
      const target = (await marker.getAttribute('href')).slice(1);
      await marker.click();
      assert.equal(await shownInPane(page.locator(`[id="${target}"]`)), true);
      assert.match(await page.locator(`[id="${target}"]`).textContent(), /Spare parts strategy/);
    });

    await step('the filters hide findings by severity and by plugin, in the list and in the text', async () => {
      const warnings = page.locator('li.fi[data-sev="warning"]');
      const errors = page.locator('li.fi[data-sev="error"]');
      assert.ok(await warnings.count() > 0 && await errors.count() > 0);
      await page.locator('input[data-sev="warning"]').uncheck();
      assert.equal(await warnings.first().isVisible(), false);
      assert.equal(await errors.first().isVisible(), true);
      assert.equal(await page.locator('mark.f.s-warning:not(.off)').count(), 0);
      await page.locator('input[data-sev="warning"]').check();
      assert.equal(await warnings.first().isVisible(), true);
      const footnotes = await page.locator('fieldset label', { hasText: 'footnotes' }).locator('input').getAttribute('data-pl');
      await page.locator(`input[data-pl="${footnotes}"]`).uncheck();
      assert.equal(await page.locator(`li.fi[data-pl="${footnotes}"]`).first().isVisible(), false);
      assert.equal(await page.locator('li.fi[data-pl]:not(.off)').count() > 0, true);
      await page.locator(`input[data-pl="${footnotes}"]`).check();
    });

    await step('screenshot of a selected finding with its details and a hover', async () => {
      await entry('dates/weekday-mismatch').locator('a.fl').click();
      const quotation = page.locator('.doc .m.qt').filter({ hasText: 'second incident' });
      await (await quotation.count() ? quotation : page.locator('.doc .m.dt')).first().hover();
      const file = path.join(workDir, 'html-report.png');
      await page.screenshot({ path: file });
      assert.ok(fs.statSync(file).size > 10000);
      if (screenshotCopy) fs.copyFileSync(file, screenshotCopy);
      console.log(`  screenshot: ${file}`);
    });
    assert.deepEqual(seen.requests, [url], 'no request after interaction either');
    assert.deepEqual(seen.dialogs, []);

    // Hostile drafts: markup, handlers and script URLs in the text must stay text.
    const hostileText = path.join(workDir, 'hostile.txt');
    fs.writeFileSync(hostileText, 'Report <script>alert("title")</script>\n\n' +
      'A paragraph with <img src=x onerror="alert(1)"> and javascript:alert(2) and "<b onmouseover=alert(3)>x</b>".\n');
    const hostileMarkdown = path.join(workDir, 'hostile.md');
    fs.writeFileSync(hostileMarkdown, '# Draft <script>alert(4)</script>\n\n' +
      'A [link](javascript:alert(5)), a <a href="javascript:alert(6)">raw link</a>, <img src=x onerror=alert(7)> and ' +
      '[a good one](https://example.org/good).\n');
    const hostile = await context.newPage();
    const hostileSeen = watch(hostile);
    const hostileUrl = writeReport([hostileText, hostileMarkdown], path.join(workDir, 'hostile.html'));
    await hostile.goto(hostileUrl);

    await step('a draft\'s markup stays text and its javascript: links are not links', async () => {
      await hostile.locator('section.file[data-file="0"] .doc').hover();
      assert.deepEqual(hostileSeen.dialogs, []);
      assert.deepEqual(hostileSeen.requests, [hostileUrl]);
      assert.deepEqual(hostileSeen.errors, []);
      const facts = await hostile.evaluate(() => ({
        scripts: document.scripts.length,
        images: document.images.length,
        handlers: [...document.querySelectorAll('*')].flatMap((e) => [...e.attributes].map((a) => a.name)).filter((n) => n.startsWith('on')),
        badLinks: [...document.querySelectorAll('[href]')].map((e) => e.getAttribute('href')).filter((h) => !/^(#|https?:\/\/)/i.test(h)),
        text: document.querySelector('section.file[data-file="0"] .doc').textContent,
      }));
      assert.equal(facts.scripts, 1, 'only the report\'s own script');
      assert.equal(facts.images, 0);
      assert.deepEqual(facts.handlers, []);
      assert.deepEqual(facts.badLinks, []);
      assert.ok(facts.text.includes('<script>alert("title")</script>'), facts.text);
      assert.ok(facts.text.includes('javascript:alert(2)'));
      assert.equal(await hostile.locator('a[href="https://example.org/good"]').count(), 1);
    });

    await step('several files: the switcher shows one at a time', async () => {
      const first = hostile.locator('section.file[data-file="0"]');
      const second = hostile.locator('section.file[data-file="1"]');
      assert.equal(await first.isVisible(), true);
      assert.equal(await second.isVisible(), false);
      await hostile.locator('#file-switch').selectOption('1');
      assert.equal(await first.isVisible(), false);
      assert.equal(await second.isVisible(), true);
      // The Markdown reader drops raw HTML tags; their text, if any, stays text.
      assert.match(await second.locator('.doc').textContent(), /Draft alert\(4\)[\s\S]*a good one/);
    });
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  if (failures) {
    console.log(`${failures} step(s) failed`);
    process.exit(1);
  }
}

main().catch((error) => {
  console.log(`not ok - ${error && error.stack || error}`);
  process.exit(1);
});
