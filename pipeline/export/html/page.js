// The browsable page's script: filters, search, charts and the document view over the data embedded in the page.
// Every value from the data reaches the page as text (textContent, createTextNode, setAttribute), never as HTML.
'use strict';
(function () {
  const $ = (id) => document.getElementById(id);
  const data = JSON.parse($('data').textContent);
  const demands = JSON.parse($('data-krav').textContent);
  const PAGE = 50;
  const BARS = 12;
  const SVG = 'http://www.w3.org/2000/svg';
  const nb = new Intl.Collator('nb');

  // demand row: [id, document, text, start, end, claimants, addressee, topic, modality, section]
  const D = { id: 0, doc: 1, text: 2, start: 3, end: 4, claimants: 5, addressee: 6, topic: 7, modality: 8, section: 9 };
  // actor row: [id, name, type]
  const A = { id: 0, name: 1, type: 2 };
  // document row: [id, title, file, date, publisher, genre]; its source text is in the element `kilde-<id>`
  const F = { id: 0, title: 1, file: 2, date: 3, publisher: 4, genre: 5 };

  // The data refers to actors and documents by ID (the page is written before the actor list is known);
  // resolve them once to indexes, -1 for none.
  const actorAt = new Map(data.actors.map((a, i) => [a[A.id], i]));
  const docAt = new Map(data.documents.map((d, i) => [d[F.id], i]));
  const indexOf = (at, id) => (id !== null && at.has(id) ? at.get(id) : -1);
  for (const d of demands) {
    d[D.doc] = indexOf(docAt, d[D.doc]);
    d[D.claimants] = d[D.claimants].map((id) => indexOf(actorAt, id)).filter((i) => i >= 0);
    d[D.addressee] = indexOf(actorAt, d[D.addressee]);
  }
  for (const doc of data.documents) doc[F.publisher] = indexOf(actorAt, doc[F.publisher]);

  const actorName = (i) => data.actors[i][A.name];
  const docTitle = (i) => data.documents[i][F.title] || data.documents[i][F.file];
  const topicLabel = (t) => data.topics[t] || t;

  const byId = new Map(demands.map((d, i) => [d[D.id], i]));
  const form = $('filtre');
  const list = $('krav');
  const more = $('flere');
  let shown = 0;
  let matches = [];
  let listScroll = 0;

  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(props || {})) {
      if (k === 'class') node.className = v;
      else node.setAttribute(k, v);
    }
    for (const c of children) node.append(typeof c === 'string' ? document.createTextNode(c) : c);
    return node;
  }

  // The period an ISO date at any precision covers, as [first day, last day].
  function period(iso) {
    if (!iso) return null;
    if (iso.length === 4) return [iso + '-01-01', iso + '-12-31'];
    if (iso.length === 7) return [iso + '-01', iso + '-31'];
    return [iso, iso];
  }

  function fillSelect(select, options) {
    for (const [value, label] of options) select.append(el('option', { value: String(value) }, label));
  }

  function setUpFilters() {
    const claimed = new Map();
    const addressed = new Map();
    const topics = new Map();
    for (const d of demands) {
      for (const a of d[D.claimants]) claimed.set(a, (claimed.get(a) || 0) + 1);
      if (d[D.addressee] >= 0) addressed.set(d[D.addressee], (addressed.get(d[D.addressee]) || 0) + 1);
      topics.set(d[D.topic], (topics.get(d[D.topic]) || 0) + 1);
    }
    const actorOptions = (counts) =>
      [...counts].sort((a, b) => nb.compare(actorName(a[0]), actorName(b[0]))).map(([i, n]) => [i, `${actorName(i)} (${n})`]);
    fillSelect(form.elements.kravstiller, actorOptions(claimed));
    fillSelect(form.elements.adressat, actorOptions(addressed));
    fillSelect(form.elements.tema, [...topics].sort((a, b) => nb.compare(topicLabel(a[0]), topicLabel(b[0]))).map(([t, n]) => [t, `${topicLabel(t)} (${n})`]));
    fillSelect(form.elements.dokument, data.documents.map((d, i) => [i, d[F.date] ? `${docTitle(i)} (${d[F.date]})` : docTitle(i)]));
  }

  // Lower-cased text a free-text search looks in: the demand, its section, claimants, addressee and document title.
  const haystacks = new Array(demands.length);
  function haystack(i) {
    if (haystacks[i] === undefined) {
      const d = demands[i];
      const who = d[D.claimants].map(actorName).concat(d[D.addressee] >= 0 ? [actorName(d[D.addressee])] : []);
      haystacks[i] = [d[D.text], d[D.section] || '', who.join(' '), docTitle(d[D.doc])].join('\n').toLowerCase();
    }
    return haystacks[i];
  }

  function currentFilter() {
    const v = (name) => form.elements[name].value;
    return {
      claimant: v('kravstiller') === '' ? null : Number(v('kravstiller')),
      addressee: v('adressat') === '' ? null : Number(v('adressat')),
      topic: v('tema') || null,
      doc: v('dokument') === '' ? null : Number(v('dokument')),
      from: v('fra') || null,
      to: v('til') || null,
      terms: v('sok').toLowerCase().split(/\s+/).filter(Boolean),
    };
  }

  function matching(f) {
    const out = [];
    demands.forEach((d, i) => {
      if (f.claimant !== null && !d[D.claimants].includes(f.claimant)) return;
      if (f.addressee !== null && d[D.addressee] !== f.addressee) return;
      if (f.topic !== null && d[D.topic] !== f.topic) return;
      if (f.doc !== null && d[D.doc] !== f.doc) return;
      if (f.from !== null || f.to !== null) {
        const p = period(data.documents[d[D.doc]][F.date]);
        if (p === null || (f.from !== null && p[1] < f.from) || (f.to !== null && p[0] > f.to)) return;
      }
      if (f.terms.length > 0) {
        const h = haystack(i);
        if (!f.terms.every((t) => h.includes(t))) return;
      }
      out.push(i);
    });
    return out;
  }

  function card(i) {
    const d = demands[i];
    const doc = data.documents[d[D.doc]];
    const claimants = d[D.claimants].length > 0 ? d[D.claimants].map(actorName).join(', ') : 'Ukjent kravstiller';
    const addressee = d[D.addressee] >= 0 ? actorName(d[D.addressee]) : 'ingen navngitt adressat';
    const link = el('a', { href: '#krav=' + encodeURIComponent(d[D.id]) }, 'Vis sitatet i dokumentet');
    return el(
      'li',
      { class: 'krav', id: d[D.id] },
      el('p', { class: 'hvem' }, el('strong', {}, claimants), ' → ', addressee),
      el('blockquote', {}, d[D.text]),
      el('p', { class: 'meta' }, `${doc[F.date] || 'udatert'} · ${docTitle(d[D.doc])} · ${topicLabel(d[D.topic])} · ${data.modalities[d[D.modality]] || d[D.modality]}${d[D.section] ? ' · ' + d[D.section] : ''} · `, link),
    );
  }

  function showMore() {
    const next = matches.slice(shown, shown + PAGE);
    list.append(...next.map(card));
    shown += next.length;
    more.hidden = shown >= matches.length;
    more.textContent = `Vis flere (${matches.length - shown} igjen)`;
  }

  function count(items, keysOf) {
    const n = new Map();
    for (const i of items) for (const k of keysOf(demands[i])) n.set(k, (n.get(k) || 0) + 1);
    return [...n].sort((a, b) => b[1] - a[1] || nb.compare(String(a[0]), String(b[0]))).slice(0, BARS);
  }

  // A horizontal bar chart as inline SVG; a click on a bar sets the matching filter.
  function barChart(svg, entries, label, selected, pick) {
    const width = 420;
    const labelWidth = 170;
    const row = 20;
    const max = entries.reduce((m, e) => Math.max(m, e[1]), 1);
    svg.replaceChildren();
    svg.setAttribute('viewBox', `0 0 ${width} ${Math.max(1, entries.length) * row + 4}`);
    if (entries.length === 0) {
      const t = document.createElementNS(SVG, 'text');
      t.setAttribute('x', '0');
      t.setAttribute('y', '14');
      t.textContent = 'Ingen krav';
      svg.append(t);
      return;
    }
    entries.forEach(([key, n], k) => {
      const g = document.createElementNS(SVG, 'g');
      g.setAttribute('class', String(key) === String(selected) ? 'rad valgt' : 'rad');
      g.setAttribute('transform', `translate(0 ${k * row + 2})`);
      const full = label(key);
      const title = document.createElementNS(SVG, 'title');
      title.textContent = `${full}: ${n}`;
      const name = document.createElementNS(SVG, 'text');
      name.setAttribute('x', String(labelWidth - 6));
      name.setAttribute('y', '13');
      name.setAttribute('text-anchor', 'end');
      name.textContent = full.length > 28 ? full.slice(0, 27) + '…' : full;
      const bar = document.createElementNS(SVG, 'rect');
      const w = Math.max(1, Math.round(((width - labelWidth - 40) * n) / max));
      bar.setAttribute('class', 'stolpe');
      bar.setAttribute('x', String(labelWidth));
      bar.setAttribute('y', '3');
      bar.setAttribute('width', String(w));
      bar.setAttribute('height', String(row - 6));
      const value = document.createElementNS(SVG, 'text');
      value.setAttribute('x', String(labelWidth + w + 4));
      value.setAttribute('y', '13');
      value.textContent = String(n);
      g.append(title, name, bar, value);
      g.addEventListener('click', () => pick(key));
      svg.append(g);
    });
  }

  function render() {
    const f = currentFilter();
    matches = matching(f);
    shown = 0;
    list.replaceChildren();
    $('antall').textContent = `${matches.length} av ${demands.length} krav`;
    showMore();
    barChart($('per-aktor'), count(matches, (d) => d[D.claimants]), actorName, f.claimant, (a) => setFilter('kravstiller', a));
    barChart($('per-tema'), count(matches, (d) => [d[D.topic]]), topicLabel, f.topic, (t) => setFilter('tema', t));
  }

  function setFilter(name, value) {
    const field = form.elements[name];
    field.value = field.value === String(value) ? '' : String(value);
    render();
  }

  // Code-point offsets (the dataset's unit) to UTF-16 indices of a JavaScript string, in one pass.
  function unitsOf(text, start, end) {
    let unit = 0;
    let cp = 0;
    let from = -1;
    while (unit <= text.length) {
      if (cp === start) from = unit;
      if (cp === end) return [from, unit];
      if (unit === text.length) break;
      const c = text.charCodeAt(unit);
      unit += c >= 0xd800 && c <= 0xdbff && unit + 1 < text.length ? 2 : 1;
      cp++;
    }
    return null;
  }

  // A document's source text, parsed from its own data element only when the document is opened; the last one is
  // kept, so stepping through the quotes of one document parses it once.
  let lastSource = null;
  function sourceOf(i) {
    const id = data.documents[i][F.id];
    if (lastSource === null || lastSource[0] !== id) {
      const node = $('kilde-' + id);
      lastSource = [id, node === null ? null : JSON.parse(node.textContent)];
    }
    return lastSource[1];
  }

  function showDocument(id) {
    const i = byId.get(id);
    const view = $('dokument');
    const body = $('dok-tekst');
    if (i === undefined) return false;
    const d = demands[i];
    const doc = data.documents[d[D.doc]];
    $('dok-tittel').textContent = docTitle(d[D.doc]);
    $('dok-info').textContent = `${doc[F.file]} · ${doc[F.date] || 'udatert'}${doc[F.publisher] >= 0 ? ' · ' + actorName(doc[F.publisher]) : ''} · krav ${d[D.id]}, tegn ${d[D.start]}–${d[D.end]}`;
    const source = sourceOf(d[D.doc]);
    const span = source === null ? null : unitsOf(source, d[D.start], d[D.end]);
    let mark = null;
    if (span === null) {
      body.replaceChildren(document.createTextNode('Kildeteksten er ikke med på denne siden.'));
    } else {
      mark = el('mark', { id: 'treff' }, source.slice(span[0], span[1]));
      body.replaceChildren(document.createTextNode(source.slice(0, span[0])), mark, document.createTextNode(source.slice(span[1])));
    }
    $('liste').hidden = true;
    view.hidden = false;
    if (mark !== null) mark.scrollIntoView({ block: 'center' });
    else window.scrollTo(0, 0);
    return true;
  }

  function route() {
    const hit = /^#krav=(.+)$/.exec(location.hash);
    if (hit !== null && showDocument(decodeURIComponent(hit[1]))) return;
    $('dokument').hidden = true;
    $('liste').hidden = false;
    window.scrollTo(0, listScroll);
  }

  setUpFilters();
  form.addEventListener('input', render);
  form.addEventListener('submit', (e) => e.preventDefault());
  form.addEventListener('reset', () => setTimeout(render, 0));
  more.addEventListener('click', showMore);
  list.addEventListener('click', (e) => {
    if (e.target instanceof HTMLAnchorElement) listScroll = window.scrollY;
  });
  window.addEventListener('hashchange', route);
  render();
  route();
})();
