import { describe, expect, it } from 'vitest';
import { assemble } from '../pipeline/assemble/index.ts';
import { offsetConverter } from '../pipeline/assemble/offsets.ts';
import type { Context } from '../pipeline/context.ts';
import type { ActorRecord, DemandRecord, ExtractedDoc, MentionRecord, Span } from '../pipeline/document.ts';
import { sha256, stableId } from '../pipeline/ids.ts';
import type { Lexicon } from '../pipeline/lexicon/load.ts';

// assemble reads no lexicon; an empty one keeps this test independent of the lexicon files.
const ctx: Context = { options: { strict: false, sourceDateEpoch: null }, lexicon: {} as unknown as Lexicon };

/**
 * A small stand-in for the normalise stage with a real offset map: CRLF → LF, combining sequences → NFC,
 * everything else copied unit by unit. Enough to exercise every path of the offset converter.
 */
function normalise(source: string): { text: string; map: { start: Int32Array; end: Int32Array } } {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  const emit = (s: string, from: number, to: number) => {
    for (let k = 0; k < s.length; k++) {
      starts.push(from);
      ends.push(to);
    }
    text += s;
  };
  for (let i = 0; i < source.length; ) {
    if (source.startsWith('\r\n', i)) {
      emit('\n', i, i + 2);
      i += 2;
      continue;
    }
    let j = i + 1;
    while (j < source.length && /\p{M}/u.test(source[j] ?? '')) j++;
    if (j > i + 1) {
      emit(source.slice(i, j).normalize('NFC'), i, j);
      i = j;
      continue;
    }
    emit(source[i] ?? '', i, i + 1);
    i += 1;
  }
  return { text, map: { start: Int32Array.from(starts), end: Int32Array.from(ends) } };
}

interface DocSpec {
  file: string;
  source: string;
  actors?: ActorRecord[];
  /** [actor key, surface text in the normalised text, nth occurrence (1-based)] */
  mentions?: [string, string, number?][];
  demands?: { text: string; claimants: string[]; addressee?: string | null; at?: string }[];
  publisher?: string | null;
}

const org = (key: string, extra: Partial<ActorRecord> = {}): ActorRecord => ({ key, type: 'union', role: null, affiliation: null, source: 'registry', ...extra });

function makeDoc(spec: DocSpec): ExtractedDoc {
  const { text, map } = normalise(spec.source);
  const find = (needle: string, nth = 1): Span => {
    let i = -1;
    for (let k = 0; k < nth; k++) {
      i = text.indexOf(needle, i + 1);
      if (i < 0) throw new Error(`not in text: ${needle}`);
    }
    return { start: i, end: i + needle.length };
  };
  const mentions: MentionRecord[] = (spec.mentions ?? []).map(([actor, surface, nth]) => ({ actor, span: find(surface, nth ?? 1), ruleId: 'test', confidence: 1 }));
  const demands: DemandRecord[] = (spec.demands ?? []).map((d) => ({
    span: find(d.at ?? d.text),
    text: d.text,
    claimants: d.claimants,
    addressee: d.addressee ?? null,
    topic: 'labour',
    modality: 'demand',
    section: null,
    ruleId: 'test',
    confidence: 0.75,
  }));
  return {
    id: stableId('doc', spec.file),
    file: spec.file,
    source: spec.source,
    sha256: sha256(spec.source),
    meta: null,
    messages: [],
    text,
    map,
    blocks: [],
    sentences: [],
    info: {
      title: null,
      date: null,
      publisher: spec.publisher ? { value: spec.publisher, source: 'extracted', ruleId: 'test' } : null,
      genre: { value: 'statement', source: 'extracted', ruleId: 'test' },
      url: null,
      licence: null,
    },
    actors: spec.actors ?? [],
    mentions,
    dates: [],
    demands,
  };
}

const cpSlice = (s: string, start: number, end: number) => Array.from(s).slice(start, end).join('');

describe('offsets: normalised UTF-16 spans → code points in the source', () => {
  it('counts astral characters as one code point', () => {
    const source = '😀😀 FO krever 𝔸-lag nå.';
    const doc = makeDoc({ file: 'a.txt', source, actors: [org('FO')], mentions: [['FO', 'FO']], demands: [{ text: 'FO krever 𝔸-lag nå.', claimants: ['FO'] }] });
    const { dataset } = assemble([doc], ctx);
    const [m] = dataset.mentions;
    expect(m).toMatchObject({ text: 'FO', start: 3, end: 5 });
    const [d] = dataset.demands;
    expect(d).toMatchObject({ quote: 'FO krever 𝔸-lag nå.', start: 3, end: 22 });
    expect(cpSlice(source, d?.start ?? -1, d?.end ?? -1)).toBe(d?.quote);
    expect(dataset.documents[0]?.characters).toBe(Array.from(source).length);
  });

  it('maps a span across a CRLF line break back to the source with CRLF kept (two code points)', () => {
    const source = 'Linje en\r\nFO krever\r\nmer lønn.\r\n';
    const doc = makeDoc({ file: 'b.txt', source, actors: [org('FO')], demands: [{ text: 'FO krever mer lønn.', at: 'FO krever\nmer lønn.', claimants: ['FO'] }] });
    const [d] = assemble([doc], ctx).dataset.demands;
    expect(d?.quote).toBe('FO krever\r\nmer lønn.');
    expect(d?.text).toBe('FO krever mer lønn.');
    expect(d).toMatchObject({ start: 10, end: 30 });
    expect(cpSlice(source, 10, 30)).toBe(d?.quote);
  });

  it('maps an NFC-composed character back to its decomposed source; the alias is the normalised form', () => {
    const source = 'Hilsen fra Bokma\u030Al-lauget og Bokma\u030Al-lauget.';
    const doc = makeDoc({ file: 'c.txt', source, actors: [org('Bokmål-lauget')], mentions: [['Bokmål-lauget', 'Bokmål-lauget', 1], ['Bokmål-lauget', 'Bokmål-lauget', 2]] });
    const { dataset } = assemble([doc], ctx);
    const [m1, m2] = dataset.mentions;
    expect(m1).toMatchObject({ text: 'Bokma\u030Al-lauget', start: 11, end: 25 });
    expect(m2).toMatchObject({ start: 29, end: 43 });
    expect(cpSlice(source, 29, 43)).toBe(m2?.text);
    expect(dataset.actors[0]?.aliases).toEqual(['Bokmål-lauget']);
    expect(m1?.mention_id).not.toBe(m2?.mention_id);
  });

  it('never cuts a surrogate pair, even when the map points inside one', () => {
    const source = 'a𝔸b';
    const text = 'a𝔸b';
    // A deliberately bad map: the span's first unit maps into the middle of the pair.
    const map = { start: Int32Array.from([0, 2, 2, 3]), end: Int32Array.from([1, 3, 3, 4]) };
    const conv = offsetConverter({ source, text, map });
    expect(conv.toSource({ start: 1, end: 3 })).toEqual({ start: 1, end: 2, quote: '𝔸' });
    expect(conv.codePoints).toBe(3);
  });

  it('drops a record with an empty or out-of-range span and reports invalid-span', () => {
    const doc = makeDoc({ file: 'd.txt', source: 'FO krever.', actors: [org('FO')] });
    doc.mentions.push({ actor: 'FO', span: { start: 5, end: 5 }, ruleId: 'bad-rule', confidence: 1 });
    doc.mentions.push({ actor: 'FO', span: { start: 3, end: 99 }, ruleId: 'bad-rule', confidence: 1 });
    const { dataset, messages } = assemble([doc], ctx);
    expect(dataset.mentions).toEqual([]);
    expect(messages.map((m) => [m.code, m.file])).toEqual([
      ['invalid-span', 'd.txt'],
      ['invalid-span', 'd.txt'],
    ]);
  });
});

describe('actors: one row per canonical key across the corpus', () => {
  const a = makeDoc({
    file: 'a.txt',
    source: 'FO krever at Fellesorganisasjonen og Nav lytter.',
    actors: [org('Fellesorganisasjonen'), org('Nav', { type: 'agency' }), org('Kari Nordmann', { type: 'person', source: 'discovered' })],
    mentions: [['Fellesorganisasjonen', 'FO'], ['Fellesorganisasjonen', 'Fellesorganisasjonen'], ['Nav', 'Nav']],
    demands: [{ text: 'Nav lytter.', claimants: ['Fellesorganisasjonen', 'Fellesorganisasjonen'], addressee: 'Arbeiderpartiet' }],
    publisher: 'Fellesorganisasjonen',
  });
  const b = makeDoc({
    file: 'b.txt',
    source: 'Forbundsleder Kari Nordmann i FO sier at FO vil ha mer.',
    actors: [
      org('Fellesorganisasjonen'),
      org('Kari Nordmann', { type: 'person', role: 'Forbundsleder i FO', affiliation: 'Fellesorganisasjonen', source: 'discovered' }),
      org('Arbeiderpartiet', { type: 'party' }),
    ],
    mentions: [['Kari Nordmann', 'Kari Nordmann'], ['Fellesorganisasjonen', 'FO', 1], ['Fellesorganisasjonen', 'FO', 2]],
  });
  const { dataset, messages } = assemble([b, a], ctx);
  const byName = new Map(dataset.actors.map((r) => [r.name, r]));

  it('merges aliases (sorted by code units) and counts documents and mentions', () => {
    expect(messages).toEqual([]);
    expect(byName.get('Fellesorganisasjonen')).toMatchObject({
      actor_id: stableId('act', 'Fellesorganisasjonen'),
      aliases: ['FO', 'Fellesorganisasjonen'],
      type: 'union',
      source: 'registry',
      document_count: 2,
      mention_count: 4,
    });
  });

  it('takes role and affiliation from the person records', () => {
    expect(byName.get('Kari Nordmann')).toMatchObject({
      type: 'person',
      role: 'Forbundsleder i FO',
      affiliation_id: stableId('act', 'Fellesorganisasjonen'),
      document_count: 1,
    });
  });

  it('gives a row to an actor that is only referenced (addressee), never mentioned', () => {
    expect(byName.get('Arbeiderpartiet')).toMatchObject({ type: 'party', aliases: [], document_count: 0, mention_count: 0 });
    const [d] = dataset.demands;
    expect(d?.addressee_id).toBe(stableId('act', 'Arbeiderpartiet'));
    expect(d?.claimant_ids).toEqual([stableId('act', 'Fellesorganisasjonen')]);
    expect(dataset.documents.find((r) => r.source_file === 'a.txt')?.publisher_id).toBe(stableId('act', 'Fellesorganisasjonen'));
  });

  it('gives a row to an organisation that is only an affiliation', () => {
    const c = makeDoc({
      file: 'c.txt',
      source: 'Lokallaget krever mer.',
      actors: [org('Lokallaget', { affiliation: 'Landsforbundet' }), org('Landsforbundet')],
      mentions: [['Lokallaget', 'Lokallaget']],
    });
    const r = assemble([c], ctx);
    expect(r.messages).toEqual([]);
    expect(r.dataset.actors.map((x) => [x.name, x.mention_count, x.affiliation_id])).toEqual([
      ['Landsforbundet', 0, null],
      ['Lokallaget', 1, stableId('act', 'Landsforbundet')],
    ]);
  });

  it('reports an actor key that no document describes, and still keeps its row', () => {
    const c = makeDoc({ file: 'c.txt', source: 'Ukjent lag krever.', mentions: [['Ukjent lag', 'Ukjent lag']] });
    const r = assemble([c], ctx);
    expect(r.messages.map((m) => [m.code, m.file])).toEqual([['unknown-actor', 'c.txt']]);
    expect(r.dataset.actors).toMatchObject([{ name: 'Ukjent lag', type: 'other_org', source: 'discovered', mention_count: 1 }]);
  });

  it('sorts tables deterministically: documents by file, actors by name, records by document then start', () => {
    expect(dataset.documents.map((d) => d.source_file)).toEqual(['a.txt', 'b.txt']);
    expect(dataset.actors.map((r) => r.name)).toEqual(['Arbeiderpartiet', 'Fellesorganisasjonen', 'Kari Nordmann', 'Nav']);
    const docOrder = dataset.mentions.map((m) => [dataset.documents.findIndex((d) => d.document_id === m.document_id), m.start]);
    expect(docOrder).toEqual([...docOrder].sort((x, y) => (x[0] ?? 0) - (y[0] ?? 0) || (x[1] ?? 0) - (y[1] ?? 0)));
  });
});

describe('IDs are stable and built from the fewest stable fields', () => {
  const base = () =>
    makeDoc({
      file: 'x.txt',
      source: 'FO krever mer. FO krever mer. FO vil ha fri.',
      actors: [org('FO')],
      mentions: [['FO', 'FO', 1], ['FO', 'FO', 2]],
      demands: [
        { text: 'FO krever mer.', claimants: ['FO'] },
        { text: 'FO vil ha fri.', claimants: ['FO'] },
      ],
    });

  it('does not depend on input order or on other documents', () => {
    const x = assemble([base()], ctx).dataset;
    const other = makeDoc({ file: 'a-first.txt', source: 'FO krever alt.', actors: [org('FO')], mentions: [['FO', 'FO']] });
    const both = assemble([base(), other], ctx).dataset;
    const reversed = assemble([other, base()], ctx).dataset;
    expect(reversed).toEqual(both);
    const idsOf = (ds: typeof x, doc: string) => ds.demands.filter((d) => d.document_id === doc).map((d) => d.demand_id);
    const docId = stableId('doc', 'x.txt');
    expect(idsOf(both, docId)).toEqual(idsOf(x, docId));
    expect(x.documents[0]?.document_id).toBe(docId);
  });

  it('is document + normalised text for a demand, with an occurrence number for repeats', () => {
    const doc = base();
    doc.demands.push({ ...(doc.demands[0] as DemandRecord), span: { start: 15, end: 29 } });
    const ds = assemble([doc], ctx).dataset;
    const docId = stableId('doc', 'x.txt');
    expect(ds.demands.map((d) => d.demand_id)).toEqual([
      stableId('dem', docId, 'FO krever mer.'),
      stableId('dem', docId, 'FO krever mer.', '#2'),
      stableId('dem', docId, 'FO vil ha fri.'),
    ]);
    expect(new Set(ds.mentions.map((m) => m.mention_id)).size).toBe(2);
  });

  it('changes only the ID of the record whose content changed', () => {
    const before = assemble([base()], ctx).dataset.demands.map((d) => d.demand_id);
    const changed = base();
    const second = changed.demands[1] as DemandRecord;
    changed.demands[1] = { ...second, text: 'FO vil ha fri!' };
    const after = assemble([changed], ctx).dataset.demands.map((d) => d.demand_id);
    expect(after[0]).toBe(before[0]);
    expect(after[1]).not.toBe(before[1]);
  });

  it('uses the published ID shapes and CAP topic codes', () => {
    const ds = assemble([base()], ctx).dataset;
    for (const d of ds.demands) {
      expect(d.demand_id).toMatch(/^dem_[0-9a-f]{12}$/);
      expect(d.topic_code).toBe(5);
    }
    for (const m of ds.mentions) expect(m.mention_id).toMatch(/^men_[0-9a-f]{12}$/);
  });
});
