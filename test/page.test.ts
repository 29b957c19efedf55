import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assemble } from '../pipeline/assemble/index.ts';
import type { Context } from '../pipeline/context.ts';
import { PAGE_PATH, PageSink, escapeHtml, scriptJson } from '../pipeline/export/html/page.ts';
import { loadPackageMeta } from '../pipeline/export/package.ts';
import { documentBatches } from '../pipeline/export/sink.ts';
import { readCorpus } from '../pipeline/ingest/read.ts';
import { ingest } from '../pipeline/ingest/index.ts';
import { loadLexicon } from '../pipeline/lexicon/load.ts';
import type { Dataset } from '../pipeline/models/tables.ts';
import { processDocument } from '../pipeline/stages.ts';
import { HOSTILE_FILE, hostileDoc } from './fixtures/hostile/doc.ts';
import { runSink } from './support/sink.ts';

// The page built from the seeds and the hostile fixture, with markup planted in a title, an actor name, a demand
// and a source text, then opened in headless Chromium (Debian's package; `.ci/run` installs it).
// KRAVKART_CHROMIUM names another Chromium-based browser where Debian's package is not to be had (.ci/run sets it).
const CHROMIUM = process.env['KRAVKART_CHROMIUM'] ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SCRATCH = fileURLToPath(new URL('../.scratch/', import.meta.url));
const XSS = '</script><script>window.__xss=1</script><img src=x onerror="window.__xss=2"><!--';

const SEEDS = fileURLToPath(new URL('../seeds/', import.meta.url));
const ctx: Context = { options: { strict: false, sourceDateEpoch: null }, lexicon: loadLexicon() };
const docs = [...ingest(await readCorpus(SEEDS, 'seeds')).docs.map((d) => processDocument(d, ctx)), hostileDoc()];
const clean = assemble(docs, ctx).dataset;
const hostileId = clean.documents.find((d) => d.source_file === HOSTILE_FILE)?.document_id;
const union = clean.actors.find((a) => a.name === 'Hostile Forbund');
const ds: Dataset = {
  ...clean,
  documents: clean.documents.map((d) => (d.document_id === hostileId ? { ...d, title: `${XSS} tittel` } : d)),
  actors: clean.actors.map((a) => (a === union ? { ...a, name: `<b>Hostile</b> Forbund ${XSS}` } : a)),
  demands: clean.demands.map((d) => (d.document_id === hostileId && d.quote.startsWith('=SUM') ? { ...d, text: `${XSS} ${d.text}` } : d)),
};
// Text appended after the last span leaves every offset valid.
const sources = new Map(docs.map((d) => [d.file, d.file === HOSTILE_FILE ? `${d.source}\n${XSS}\n` : d.source]));
const sourceText = (file: string) => sources.get(file) ?? null;
const meta = loadPackageMeta();
const citation = 'kravkart contributors. Test.';
// The page as the build writes it: one document at a time through the sink.
const written = await runSink((dirs) => new PageSink(dirs), ds, { meta, created: null, stamp: new Date(0), citation }, sourceText);
const html = written.get(PAGE_PATH)?.toString('utf8') ?? '';

describe('index.html as text', () => {
  it('is one self-contained file: no external script, style, font or image, and a CSP that forbids loading any', () => {
    expect(html).not.toMatch(/<(script|link|img|iframe)[^>]*\s(src|href)=/i);
    expect(html.match(/\s(src|href)="[a-z]+:[^"]*"/g)).toEqual([' href="https://creativecommons.org/licenses/by/4.0/"']);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none';`);
    // One script runs; every other script element is data: the corpus, the demands, and one per source text.
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html.match(/<script type="application\/json" id="[a-z0-9_-]+">/g)).toHaveLength(2 + ds.documents.length);
    expect(html.match(/<script/g)).toHaveLength(3 + ds.documents.length);
    expect(html.match(/<\/script>/g)).toHaveLength(3 + ds.documents.length);
    // getElementById must find the data, not an element of the page that shares its ID.
    const ids = html.match(/\sid="[^"]+"/g) ?? [];
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('escapes data: markup in the data can neither close the data element nor become HTML', () => {
    expect(scriptJson({ t: '</script><!--' })).toBe('{"t":"\\u003c/script>\\u003c!--"}');
    expect(escapeHtml(`<a href="x" onclick='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>Hostile');
    expect(html).not.toContain('window.__xss=1</script>');
  });

  it('is the same bytes when built again, and leaves no scratch files', async () => {
    const root = mkdtempSync(join(tmpdir(), 'kravkart-page-sink-'));
    try {
      const dirs = { out: join(root, 'out'), scratch: join(root, 'scratch') };
      const sink = new PageSink(dirs);
      for (const b of documentBatches(ds)) sink.add(b, sourceText(b.document.source_file));
      const [written] = await sink.finish({ documents: ds.documents, actors: ds.actors, meta, citation, created: null, stamp: new Date(0) });
      expect(written?.bytes).toBe(Buffer.byteLength(html));
      expect(readFileSync(join(dirs.out, PAGE_PATH), 'utf8')).toBe(html);
      expect(readdirSync(dirs.scratch)).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

// Predicates run in the page, passed as functions: a string predicate would be eval'd there, which the CSP forbids.
type PageDocument = { querySelector(selector: string): { textContent: string | null } | null };
const textIs = ([selector, text]: [string, string]) => (globalThis as unknown as { document: PageDocument }).document.querySelector(selector)?.textContent === text;

const planted = () => typeof (globalThis as unknown as { __xss?: unknown }).__xss;
const goTo = (hash: string) => {
  (globalThis as unknown as { location: { hash: string } }).location.hash = hash;
};

const haveBrowser = existsSync(CHROMIUM);
// Outside CI a developer without Chromium skips the browser half; CI installs it, so there it must run.
describe.skipIf(!haveBrowser && process.env['CI'] === undefined)('index.html in headless Chromium', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'kravkart-page-'));
  const file = join(tmp, PAGE_PATH);
  writeFileSync(file, html);
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    const context = await browser.newContext({ viewport: { width: 1280, height: 1400 }, locale: 'nb-NO' });
    page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('request', (r) => {
      if (!r.url().startsWith('file:')) problems.push(`network: ${r.url()}`);
    });
    await page.goto(`file://${file}`);
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  const count = () => page.locator('#antall').textContent();
  const n = ds.demands.length;
  // The form re-renders after its reset event; wait for the full list before the next step.
  const reset = async () => {
    await page.click('button[type=reset]');
    await page.waitForFunction(textIs, ['#antall', `${n} av ${n} krav`] as [string, string]);
  };

  it('lists the demands with charts, runs no planted script and loads nothing', async () => {
    expect(await count()).toBe(`${n} av ${n} krav`);
    expect(await page.locator('li.krav').count()).toBe(Math.min(50, n));
    expect(await page.locator('#per-aktor g.rad').count()).toBeGreaterThan(3);
    expect(await page.locator('#per-tema g.rad').count()).toBeGreaterThan(3);
    expect(await page.evaluate(planted)).toBe('undefined');
    expect(await page.locator('img, main b').count()).toBe(0);
    expect(await page.locator('select[name=dokument]').textContent()).toContain('</script><script>window.__xss=1</script>');
    expect(problems).toEqual([]);
  });

  it('filters by claimant, topic, date and free text', async () => {
    const fo = clean.actors.find((a) => a.name === 'Fellesorganisasjonen');
    if (!fo) throw new Error('seeds have no Fellesorganisasjonen');
    const byFo = ds.demands.filter((d) => d.claimant_ids.includes(fo.actor_id));
    await page.selectOption('select[name=kravstiller]', { label: `Fellesorganisasjonen (${byFo.length})` });
    expect(await count()).toBe(`${byFo.length} av ${n} krav`);
    for (const who of await page.locator('li.krav .hvem strong').allTextContents()) expect(who).toContain('Fellesorganisasjonen');

    const topic = byFo[0]?.topic ?? 'labour';
    await page.selectOption('select[name=tema]', topic);
    expect(await count()).toBe(`${byFo.filter((d) => d.topic === topic).length} av ${n} krav`);

    await reset();
    await page.fill('input[name=fra]', '2022-01-01');
    await page.fill('input[name=til]', '2022-12-31');
    const dated = new Set(ds.documents.filter((d) => d.date !== null && d.date.startsWith('2022')).map((d) => d.document_id));
    expect(await count()).toBe(`${ds.demands.filter((d) => dated.has(d.document_id)).length} av ${n} krav`);

    await reset();
    await page.fill('input[name=sok]', 'Tillitsreform nav');
    const hits = await page.locator('li.krav blockquote').allTextContents();
    expect(hits.length).toBeGreaterThan(0);
    expect(await count()).toMatch(new RegExp(`^${hits.length} av ${n} krav$`));
    await page.selectOption('select[name=kravstiller]', { label: `Fellesorganisasjonen (${byFo.length})` });
    await page.fill('input[name=sok]', '');
    expect(problems).toEqual([]);

    const shot = join(tmp, 'page.png');
    await page.screenshot({ path: shot });
    mkdirSync(SCRATCH, { recursive: true });
    copyFileSync(shot, join(SCRATCH, 'page.png'));
  });

  it('sets a filter from a click on a bar of the topic chart', async () => {
    await reset();
    const first = page.locator('#per-tema g.rad').first();
    const label = (await first.locator('title').textContent()) ?? '';
    await first.click();
    const chosen = (await page.locator('select[name=tema] option:checked').textContent()) ?? '';
    expect(chosen.startsWith(label.split(':')[0] ?? '?')).toBe(true);
    expect(await count()).toBe(`${label.split(': ')[1]} av ${n} krav`);
  });

  it('opens the source text at the quote and marks exactly its code-point span', async () => {
    await reset();
    await page.locator('li.krav a').first().click();
    await page.waitForSelector('#dokument:not([hidden]) mark#treff');
    const id = decodeURIComponent(new URL(page.url()).hash.replace('#krav=', ''));
    const demand = ds.demands.find((d) => d.demand_id === id);
    expect(await page.locator('mark#treff').textContent()).toBe(demand?.quote);
    const box = await page.locator('mark#treff').boundingBox();
    expect(box !== null && box.y >= 0 && box.y < 1400).toBe(true);
    const shot = join(tmp, 'page-document.png');
    await page.screenshot({ path: shot });
    copyFileSync(shot, join(SCRATCH, 'page-document.png'));

    // After an astral character (two UTF-16 units, one code point), across CRLF, and with markup in the text.
    for (const d of ds.demands.filter((x) => x.document_id === hostileId)) {
      await page.evaluate(goTo, `#krav=${d.demand_id}`);
      await page.waitForFunction(textIs, ['mark#treff', d.quote] as [string, string]);
    }
    expect(await page.locator('#dok-tekst').textContent()).toContain(XSS);
    expect(await page.locator('img').count()).toBe(0);
    await page.evaluate(goTo, '');
    await page.waitForSelector('#liste:not([hidden])');
    expect(await page.evaluate(planted)).toBe('undefined');
    expect(problems).toEqual([]);
  });
});
