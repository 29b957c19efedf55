import { readFileSync } from 'node:fs';
import { sha256 } from '../../ids.ts';
import { BuildFailure, message } from '../../messages.ts';
import type { PackageMeta } from '../package.ts';

/** Text for HTML content and attribute values: the five characters that could end or open markup are escaped. */
export const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/**
 * JSON for a `<script type="application/json">` element: every `<` escaped, so no text in the data can close the
 * element (`</script>`) or open a comment; JSON.parse reads `\u003c` back as `<`.
 */
export const scriptJson = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c');

/** A `<script type="application/json">` element's opening tag; `id` is one of ours (a fixed name or a stable ID). */
export const dataOpen = (id: string): string => `<script type="application/json" id="${escapeHtml(id)}">`;

/** Closes a data element. */
export const DATA_CLOSE = '</script>\n';

// The page's own stylesheet and script, read once like package.yaml: the pipeline's data, not the user's.
let assets: { css: string; js: string } | null = null;
function pageAssets(): { css: string; js: string } {
  if (assets) return assets;
  const read = (name: string) => readFileSync(new URL(`./${name}`, import.meta.url), 'utf8');
  const css = read('page.css');
  const js = read('page.js');
  if (/<\/(style|script)/i.test(css + js)) {
    throw new BuildFailure([message('internal', 'page.css or page.js contains a closing </style> or </script> tag', { stage: 'export', file: 'pipeline/export/html' })]);
  }
  assets = { css, js };
  return assets;
}

const cspHash = (s: string) => `'sha256-${Buffer.from(sha256(s), 'hex').toString('base64')}'`;

/** What the page's visible frame says: package facts and the counts shown in its header. */
export interface PageFrame {
  meta: PackageMeta;
  citation: string;
  demands: number;
  documents: number;
}

/**
 * The page up to its data elements: head (styles inline, Content-Security-Policy allowing only the page's own
 * style and script by hash, so nothing is loaded from the network), header, the empty list and document view
 * that `page.js` fills, and the footer.
 */
export function pageStart(frame: PageFrame): string {
  const { meta } = frame;
  const { css, js } = pageAssets();
  const licence = meta.licenses.map((l) => `<a href="${escapeHtml(l.path)}">${escapeHtml(l.name)}</a>`).join(', ');
  const csp = `default-src 'none'; style-src ${cspHash(css)}; script-src ${cspHash(js)}; img-src data:; base-uri 'none'; form-action 'none'`;
  return `<!doctype html>
<html lang="nb">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<title>${escapeHtml(meta.name)} — krav i norsk velferds- og arbeidslivspolitikk</title>
<style>${css}</style>
</head>
<body>
<header>
<h1>${escapeHtml(meta.name)}</h1>
<p class="undertittel">Hvem krever hva av hvem: ${frame.demands} krav fra ${frame.documents} dokumenter · versjon ${escapeHtml(meta.version)} · datalisens ${licence}</p>
</header>
<main>
<section id="liste">
<form id="filtre" role="search">
<label class="sok">Fritekstsøk<input name="sok" type="search" placeholder="f.eks. tillitsreform Nav" autocomplete="off"></label>
<label>Kravstiller<select name="kravstiller"><option value="">Alle</option></select></label>
<label>Adressat<select name="adressat"><option value="">Alle</option></select></label>
<label>Tema<select name="tema"><option value="">Alle</option></select></label>
<label>Dokument<select name="dokument"><option value="">Alle</option></select></label>
<label>Dokumentdato fra<input name="fra" type="date"></label>
<label>Dokumentdato til<input name="til" type="date"></label>
<button type="reset">Nullstill filtre</button>
</form>
<div id="diagrammer">
<figure><figcaption>Krav per kravstiller</figcaption><svg id="per-aktor" class="diagram" role="img" aria-label="Krav per kravstiller" xmlns="http://www.w3.org/2000/svg"></svg></figure>
<figure><figcaption>Krav per tema</figcaption><svg id="per-tema" class="diagram" role="img" aria-label="Krav per tema" xmlns="http://www.w3.org/2000/svg"></svg></figure>
</div>
<p id="antall" aria-live="polite"></p>
<ol id="krav"></ol>
<button id="flere" type="button" hidden>Vis flere</button>
<noscript><p>Siden trenger JavaScript. Dataene finnes også som CSV, Excel og SQLite ved siden av denne filen.</p></noscript>
</section>
<section id="dokument" hidden>
<p><a href="#">← Tilbake til listen</a></p>
<h2 id="dok-tittel"></h2>
<p id="dok-info" class="meta"></p>
<div id="dok-tekst" class="kildetekst"></div>
</section>
</main>
<footer>
<p>Slik siterer du: ${escapeHtml(frame.citation)}</p>
<p>Last ned: <a href="kravkart.xlsx">Excel</a> · <a href="kravkart.sqlite">SQLite</a> · <a href="datapackage.json">datapackage.json</a> (CSV og JSON) · <a href="CODEBOOK.md">kodebok</a>. Kildedokumentene tilhører utgiverne.</p>
</footer>
`;
}

/** The page after its data elements: the script, which runs once every data element has been parsed. */
export function pageEnd(): string {
  return `<script>${pageAssets().js}</script>
</body>
</html>
`;
}
