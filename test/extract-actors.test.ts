import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Context } from '../pipeline/context.ts';
import type { SegmentedDoc } from '../pipeline/document.ts';
import { type ActorsFound, findActors, resolveActorName } from '../pipeline/extract/actors/index.ts';
import { fold, squash } from '../pipeline/extract/actors/text.ts';
import { loadLexicon } from '../pipeline/lexicon/load.ts';
import { normalise } from '../pipeline/normalise/index.ts';
import { segment } from '../pipeline/segment/index.ts';

const ctx: Context = { options: { strict: false, sourceDateEpoch: null }, lexicon: loadLexicon() };

/** Run a text through normalise + segment (so the tests hold when those stages change) and find actors. */
function run(source: string): { doc: SegmentedDoc; found: ActorsFound } {
  const doc = segment(normalise({ id: 'd', file: 't.txt', source, sha256: '', meta: null, messages: [] }, ctx), ctx);
  return { doc, found: findActors(doc, ctx) };
}
const keys = (r: ReturnType<typeof run>) => r.found.actors.map((a) => a.key);
const actor = (r: ReturnType<typeof run>, key: string) => r.found.actors.find((a) => a.key === key);
const forms = (r: ReturnType<typeof run>, key: string) =>
  [...new Set(r.found.mentions.filter((m) => m.actor === key).map((m) => r.doc.text.slice(m.span.start, m.span.end)))].sort();
const ruleOf = (r: ReturnType<typeof run>, surface: string) =>
  r.found.mentions.find((m) => r.doc.text.slice(m.span.start, m.span.end) === surface)?.ruleId;

const SEEDS = new URL('../seeds/', import.meta.url);
const seed = (prefix: string) => {
  const name = readdirSync(SEEDS).find((n) => n.startsWith(prefix) && n.endsWith('.txt'));
  if (name === undefined) throw new Error(`no seed ${prefix}`);
  return run(readFileSync(new URL(name, SEEDS), 'utf8'));
};

/** Invariants every result must keep, whatever the text. */
function checkInvariants(r: ReturnType<typeof run>): void {
  const all = r.found.actors.map((a) => a.key);
  expect(new Set(all).size).toBe(all.length);
  const sorted = [...r.found.mentions].sort((a, b) => a.span.start - b.span.start);
  for (let i = 0; i < sorted.length; i++) {
    const m = sorted[i]!;
    expect(m.span.end).toBeGreaterThan(m.span.start);
    expect(m.span.end).toBeLessThanOrEqual(r.doc.text.length);
    if (i > 0) expect(m.span.start).toBeGreaterThanOrEqual(sorted[i - 1]!.span.end);
    expect(all).toContain(m.actor);
    expect(m.ruleId).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(m.confidence).toBeGreaterThan(0);
    expect(m.confidence).toBeLessThanOrEqual(1);
  }
  for (const a of r.found.actors) if (a.affiliation !== null) expect(all).toContain(a.affiliation);
}

describe('actor registry (actors.yaml)', () => {
  const lex = ctx.lexicon.actors;
  it('holds the most-named organisations, parties and bodies', () => {
    expect(lex.actors.length).toBeGreaterThan(200);
    const byType = (t: string) => lex.actors.filter((a) => a.type === t).length;
    expect(byType('union')).toBeGreaterThan(40);
    expect(byType('party')).toBeGreaterThanOrEqual(20);
    expect(byType('ministry')).toBeGreaterThanOrEqual(16);
  });
  it('gives every form to one actor only and every parent exists', () => {
    const ci = new Map<string, string>();
    const cs = new Map<string, string>();
    const names = new Set(lex.actors.map((a) => a.name));
    expect(names.size).toBe(lex.actors.length);
    for (const a of lex.actors) {
      for (const f of [a.name, ...a.aliases].map(fold)) {
        expect(ci.get(f) ?? a.name, `form ${f}`).toBe(a.name);
        ci.set(f, a.name);
      }
      for (const f of [...a.exact, ...a.common, ...a.listOnly].map(squash)) {
        expect(cs.get(f) ?? a.name, `form ${f}`).toBe(a.name);
        cs.set(f, a.name);
      }
      if (a.parent !== undefined) expect(names, `parent of ${a.name}`).toContain(a.parent);
    }
    for (const g of lex.governments) for (const p of g.parties) expect(names).toContain(p);
  });
});

describe('resolveActorName', () => {
  it.each([
    ['LO', 'Landsorganisasjonen i Norge'],
    ['LOs', 'Landsorganisasjonen i Norge'],
    ["KS'", 'KS'],
    ['Kommunesektorens organisasjon', 'KS'],
    ['Arbeiderpartiets', 'Arbeiderpartiet'],
    ['Ap', 'Arbeiderpartiet'],
    ['NAVs', 'Nav'],
    ['FO', 'Fellesorganisasjonen'],
    ['regjeringens', 'Regjeringen'],
    ['Stortingets', 'Stortinget'],
    ['ASD', 'Arbeids- og inkluderingsdepartementet'],
    ['arbeids- og inkluderingsdepartementet', 'Arbeids- og inkluderingsdepartementet'],
    ['Regjeringen Solberg', 'Regjeringen Solberg'],
  ])('%s → %s', (name, key) => {
    expect(resolveActorName(name, ctx.lexicon)).toBe(key);
    expect(resolveActorName(name, ctx.lexicon.actors)).toBe(key);
  });
  it('keeps abbreviations case-sensitive and knows no invented names', () => {
    expect(resolveActorName('ks', ctx.lexicon)).toBeNull();
    expect(resolveActorName('lo', ctx.lexicon)).toBeNull();
    expect(resolveActorName('Foreningen for Oppdiktede Saker', ctx.lexicon)).toBeNull();
  });
});

describe('registry matching', () => {
  it('resolves genitives to the actor', () => {
    const r = run("LOs leder møtte Navs direktør. NAVs rolle og FOs krav ble drøftet i Stortingets komité, og regjeringens svar kom.");
    expect(forms(r, 'Landsorganisasjonen i Norge')).toEqual(['LOs']);
    expect(forms(r, 'Nav')).toEqual(['NAVs', 'Navs']);
    expect(forms(r, 'Fellesorganisasjonen')).toEqual(['FOs']);
    expect(forms(r, 'Stortinget')).toEqual(['Stortingets']);
    expect(forms(r, 'Regjeringen')).toEqual(['regjeringens']);
    checkInvariants(r);
  });
  it('matches full names case-insensitively, abbreviations only in capitals', () => {
    const r = run('Vi har snakket med arbeidstilsynet og HUSBANKEN. Saken gjelder ks og lo, ikke KS.');
    expect(keys(r)).toEqual(expect.arrayContaining(['Arbeidstilsynet', 'Husbanken', 'KS']));
    expect(keys(r)).not.toContain('Landsorganisasjonen i Norge');
    expect(forms(r, 'KS')).toEqual(['KS']);
  });
  it('reads a one-letter party abbreviation in brackets right after a name', () => {
    const r = run('Stortingsrepresentant Ingrid Solheim (H) og Lars Myhre (V) er enige. Alternativ (A) er best.');
    expect(keys(r)).toEqual(expect.arrayContaining(['Høyre', 'Venstre']));
    expect(keys(r)).not.toContain('Arbeiderpartiet');
  });
  it('reads names that are ordinary words only inside a sentence', () => {
    expect(keys(run('Delta i arbeidet med planen.'))).not.toContain('Delta');
    expect(keys(run('Forbundet samarbeider med Delta og Parat om saken.'))).toEqual(expect.arrayContaining(['Delta', 'Parat']));
    expect(keys(run('Det gir et bredt spekter av tilbud.'))).toEqual([]);
  });
  it('reads such a name at the start of a sentence when it speaks; a definite noun only when the text names it inside a sentence too', () => {
    const r = run('Delta mener at turnusen må endres. Forbundet Delta har mange medlemmer.');
    expect(forms(r, 'Delta')).toEqual(['Delta']);
    expect(r.found.mentions.filter((m) => m.actor === 'Delta')).toHaveLength(2);
    // "Spekter mener …" can only be the employers' organisation, even named once; "Lederne mener …" may be any leaders.
    expect(keys(run('Spekter mener at rammen er gitt. Ingen andre gjør det.'))).toEqual(['Arbeidsgiverforeningen Spekter']);
    expect(keys(run('Lederne mener det samme. Ingen andre gjør det.'))).toEqual([]);
    expect(keys(run('Lederne mener det samme. Dette sier forbundet Lederne.'))).toEqual(['Lederne']);
  });
  it('keeps names that are also common nouns case-sensitive ("klassekampens tid", "nye sykehusbygg")', () => {
    expect(keys(run('Tradisjonen fra klassekampens tid lever. Vi trenger nye sykehusbygg i regionen.'))).toEqual([]);
    expect(keys(run('Det skrev Klassekampen i går.'))).toEqual(['Klassekampen']);
  });
  it('reads names whose ligature glyphs the PDF text lost ("Konserva vt", "Stor nget")', () => {
    const r = run('Konserva vt vil:\n• Verne om Grunnloven\n\nDerfor mener Konserva vt at Stor nget skal bestemme.');
    expect(forms(r, 'Konservativt')).toEqual(['Konserva vt']);
    expect(ruleOf(r, 'Konserva vt')).toBe('actor-registry-ligature');
    expect(forms(r, 'Stortinget')).toEqual(['Stor nget']);
    expect(keys(run('Konserva tivt og poli kere.'))).toEqual([]);
  });
  it('reads one-letter party abbreviations only in a list of parties', () => {
    const list = run('Forslaget fikk støtte fra Ap, H og V i komiteen.');
    expect(keys(list)).toEqual(expect.arrayContaining(['Arbeiderpartiet', 'Høyre', 'Venstre']));
    expect(keys(run('Se vedlegg H og punkt V nedenfor.'))).toEqual([]);
  });
  it('takes the name inside a compound as a low-confidence mention, but not a cut-off or trailing one', () => {
    const r = run('Nav-lederne skal sitte i kommunens organer. Valget gjelder stortings- og sametingsvalg og fylkes-NAV.');
    expect(forms(r, 'Nav')).toEqual(['Nav']);
    expect(ruleOf(r, 'Nav')).toBe('actor-registry-compound');
    expect(keys(r)).not.toContain('Stortinget');
    checkInvariants(r);
  });
});

describe('governing bodies, units and branches', () => {
  it('makes a governing body a surface form of its organisation', () => {
    const r = run("KS' landsstyre mener at tiltaket virker. Uttalelsen ble vedtatt på LOs regionkonferanse i Innlandet. Landsmøtet i Arbeiderpartiet vedtok det.");
    expect(forms(r, 'KS')).toEqual(["KS' landsstyre"]);
    expect(forms(r, 'Landsorganisasjonen i Norge')).toEqual(['LOs regionkonferanse i Innlandet']);
    expect(forms(r, 'Arbeiderpartiet')).toEqual(['Landsmøtet i Arbeiderpartiet']);
    expect(ruleOf(r, "KS' landsstyre")).toBe('actor-body');
  });
  it('gives a bare governing body to the dominant organisation only', () => {
    const r = run('Fagforbundet krever mer. Fagforbundet mener dette er viktig.\nVedtatt på landsmøtet 2023.');
    expect(forms(r, 'Fagforbundet')).toContain('landsmøtet');
    const tie = run('Fagforbundet og Delta er enige.\nVedtatt på landsmøtet 2023.');
    expect(tie.found.mentions.some((m) => tie.doc.text.slice(m.span.start, m.span.end) === 'landsmøtet')).toBe(false);
  });
  it('makes a county branch that speaks or signs an actor of its own', () => {
    const r = run('FO Vestland krever flere sosionomer i skolen.\nOslo Arbeiderparti vil styrke Nav.');
    const fo = actor(r, 'Fellesorganisasjonen Vestland');
    expect(fo).toMatchObject({ type: 'union', affiliation: 'Fellesorganisasjonen', source: 'discovered' });
    expect(actor(r, 'Oslo Arbeiderparti')).toMatchObject({ type: 'party', affiliation: 'Arbeiderpartiet' });
    expect(keys(r)).toContain('Fellesorganisasjonen');
    checkInvariants(r);
  });
  it('keeps a regional unit named in passing as a surface form of the parent', () => {
    const r = run('Kommunen hadde et møte med KS Agder om saken i går.');
    expect(keys(r)).toEqual(['KS']);
    expect(forms(r, 'KS')).toEqual(['KS Agder']);
  });
  it('reads branches as a joint text names its parties: "X i <place>", places the registry does not list, the national qualifier dropped', () => {
    const r = run('AVTALE OM SAMARBEID MELLOM LO I TRØNDELAG OG RØDT TRØNDELAG\n\nLO i Trøndelag og Rødt Trøndelag krever tariffavtaler.');
    expect(actor(r, 'Landsorganisasjonen i Trøndelag')).toMatchObject({ type: 'union', affiliation: 'Landsorganisasjonen i Norge' });
    expect(actor(r, 'Rødt Trøndelag')).toMatchObject({ type: 'party', affiliation: 'Rødt' });
    const unknown = run('Samarbeidsavtale\n\nFagforbundet Sunndal – Sunndal Arbeiderparti\n\nFor Sunndal Arbeiderparti\nPer Brekken\nleder');
    expect(keys(unknown)).toEqual(expect.arrayContaining(['Fagforbundet Sunndal', 'Sunndal Arbeiderparti']));
    // Learned in the title, the place is read above the signature too, so the signer speaks for the party branch.
    expect(actor(unknown, 'Per Brekken')).toMatchObject({ role: 'leder', affiliation: 'Sunndal Arbeiderparti' });
    // An unknown capitalised word after an organisation in running text is no place.
    expect(keys(run('Vi møtte Fagforbundet Tirsdag i forrige uke.'))).toEqual(['Fagforbundet']);
    checkInvariants(unknown);
  });
  it('in a joint text of branches, the parent named bare is the branch; a genitive may name the national body', () => {
    const r = run(
      'Samarbeidsavtale mellom Fagforbundet Agder og Agder Arbeiderparti\n\nArbeiderpartiet vil ha hele stillinger, og Fagforbundet krever det samme. ' +
        'Arbeiderpartiets stortingsgruppe er orientert, og Agder Arbeiderpartis program får innspill.',
    );
    expect(forms(r, 'Agder Arbeiderparti')).toEqual(['Agder Arbeiderparti', 'Agder Arbeiderpartis', 'Arbeiderpartiet']);
    expect(forms(r, 'Fagforbundet Agder')).toEqual(['Fagforbundet', 'Fagforbundet Agder']);
    expect(forms(r, 'Arbeiderpartiet')).toEqual(['Arbeiderpartiets stortingsgruppe']);
    // A single branch's resolution keeps the bare parent name for the national party.
    const single = run('Nordland Senterparti – Årsmøte 2024\n\nNordland Senterparti mener at Senterpartiet i regjering må levere.');
    expect(forms(single, 'Senterpartiet')).toEqual(['Senterpartiet']);
  });
  it('lets a document-defined abbreviation mean the branch', () => {
    const r = run('AVTALE MELLOM SOSIALISTISK VENSTREPARTI BUSKERUD (SV) OG FAGFORBUNDET BUSKERUD\n\nSV og Fagforbundet skal møtes to ganger i året.');
    expect(forms(r, 'Sosialistisk Venstreparti Buskerud')).toEqual(['SOSIALISTISK VENSTREPARTI BUSKERUD', 'SV']);
    expect(keys(r)).toContain('Fagforbundet Buskerud');
  });
});

describe('governments', () => {
  it('resolves "<Party>-regjeringen" and "<Surname>-regjeringen" to a named government', () => {
    const r = run('Høyre-regjeringen satte tiltakene ut på anbud. Solberg-regjeringens politikk ble videreført av regjeringen Støre.');
    expect(forms(r, 'Regjeringen Solberg')).toEqual(['Høyre-regjeringen', 'Solberg-regjeringens']);
    expect(forms(r, 'Regjeringen Støre')).toEqual(['regjeringen Støre']);
    expect(keys(r)).not.toContain('Høyre');
    expect(keys(r)).not.toContain('Regjeringen');
  });
  it('keeps plain "regjeringen" as the sitting government and names an unknown prime minister', () => {
    const r = run('Den nye regjeringen har varslet en reform. Hansen-regjeringen gjorde det motsatte.');
    expect(forms(r, 'Regjeringen')).toEqual(['regjeringen']);
    expect(actor(r, 'Regjeringen Hansen')).toMatchObject({ type: 'government', source: 'discovered' });
  });
});

describe('"departementet" and other definite references', () => {
  it('resolves to the one ministry the document names', () => {
    const r = run('Vi møtte Kunnskapsdepartementet i går. Departementet lovet svar, og departementets frist er mars.');
    expect(forms(r, 'Kunnskapsdepartementet')).toEqual(['Departementet', 'Kunnskapsdepartementet', 'departementets']);
    expect(ruleOf(r, 'Departementet')).toBe('actor-anaphor');
  });
  it('stays unresolved when two ministries are named', () => {
    const r = run('Kunnskapsdepartementet og Finansdepartementet er uenige. Departementet svarer ikke.');
    expect(r.found.mentions.some((m) => r.doc.text.slice(m.span.start, m.span.end) === 'Departementet')).toBe(false);
  });
});

describe('persons', () => {
  it('finds "Navn, tittel i ORG" and resolves a later bare surname', () => {
    const r = run('Kari Nordmann, forbundsleder i Fagforbundet\n\nVi trenger flere hender, sier Nordmann. Nordmanns forslag får støtte.');
    expect(actor(r, 'Kari Nordmann')).toMatchObject({ type: 'person', role: 'forbundsleder i Fagforbundet', affiliation: 'Fagforbundet' });
    expect(forms(r, 'Kari Nordmann')).toEqual(['Kari Nordmann', 'Nordmann', 'Nordmanns']);
    checkInvariants(r);
  });
  it('finds "tittel i ORG, Navn" with a modifier', () => {
    const r = run('Første nestleder i Unio, Ola Bakken, sier at lønn er viktig.');
    expect(actor(r, 'Ola Bakken')).toMatchObject({ role: 'Første nestleder i Unio', affiliation: 'Unio' });
  });
  it('finds "tittel Navn" and infers the organisation from the title', () => {
    const r = run('Helse- og omsorgsdepartementet var representert ved statssekretær Per Olsen og helse- og omsorgsminister Anne Lie.');
    expect(actor(r, 'Per Olsen')).toMatchObject({ role: 'statssekretær', affiliation: 'Helse- og omsorgsdepartementet' });
    expect(actor(r, 'Anne Lie')).toMatchObject({ role: 'helse- og omsorgsminister', affiliation: 'Helse- og omsorgsdepartementet' });
  });
  it('finds "Navn (ORG)", "ORG-tittel Navn" and news bylines', () => {
    const r = run('Av Jon Berg, NTB\n\nStortingsrepresentant Eva Moe (KrF) og SV-leder Siri Dahl var enige.');
    expect(actor(r, 'Jon Berg')).toMatchObject({ affiliation: 'NTB' });
    expect(ruleOf(r, 'Jon Berg')).toBe('person-byline');
    expect(actor(r, 'Eva Moe')).toMatchObject({ role: 'Stortingsrepresentant', affiliation: 'Kristelig Folkeparti' });
    expect(actor(r, 'Siri Dahl')).toMatchObject({ role: 'SV-leder', affiliation: 'Sosialistisk Venstreparti' });
  });
  it('reads signature blocks: name line then title line, or both joined on one line', () => {
    const stacked = run('Vi ber om svar.\n\nVennlig hilsen\n\n**Lise Holm**\n\nFylkesleder Rødt Troms');
    expect(actor(stacked, 'Lise Holm')).toMatchObject({ role: 'Fylkesleder Rødt Troms', affiliation: 'Rødt Troms' });
    const joined = run('Vi ser fram til dialog.\n\nMed vennlig hilsen\nTekna\n\nKnut Ås\ngeneralsekretær\n\nMona Li\nrådgiver');
    expect(actor(joined, 'Knut Ås')).toMatchObject({ role: 'generalsekretær', affiliation: 'Tekna' });
    expect(actor(joined, 'Mona Li')).toMatchObject({ role: 'rådgiver', affiliation: 'Tekna' });
    checkInvariants(joined);
  });
  it('finds "tittel Navn i ORG" with the organisation after the name', () => {
    const r = run('Generalsekretær Arvid Skjelbred i Pensjonistforbundet sier at eldre rammes hardest.');
    expect(actor(r, 'Arvid Skjelbred')).toMatchObject({ role: 'Generalsekretær', affiliation: 'Pensjonistforbundet' });
    checkInvariants(r);
  });
  it('reads names listed after a plural title or label, with the party in brackets after one name, each name or "fra X"', () => {
    const shared = run('Representantforslag fra stortingsrepresentantene Solveig Aarnes Lund, Henrik Tveit og Mona Bjørkli (KrF) om barnevernet');
    for (const name of ['Solveig Aarnes Lund', 'Henrik Tveit', 'Mona Bjørkli']) {
      expect(actor(shared, name)).toMatchObject({ type: 'person', role: 'stortingsrepresentant', affiliation: 'Kristelig Folkeparti' });
      expect(ruleOf(shared, name)).toBe('person-listed');
    }
    const each = run('Forslagsstillere: Ane Breivik (MDG), Tore Landsverk (H)');
    expect(actor(each, 'Ane Breivik')).toMatchObject({ role: null, affiliation: 'Miljøpartiet De Grønne' });
    expect(actor(each, 'Tore Landsverk')).toMatchObject({ affiliation: 'Høyre' });
    const from = run('Stortingsrepresentantene Hans Lie og Maria Dahl fra Venstre fremmet forslaget.');
    expect(actor(from, 'Maria Dahl')).toMatchObject({ role: 'stortingsrepresentant', affiliation: 'Venstre' });
    // Without a party, the title implies where they sit.
    expect(actor(run('fra stortingsrepresentantene Hans Lie og Maria Dahl om skolen'), 'Hans Lie')).toMatchObject({ affiliation: 'Stortinget' });
    checkInvariants(shared);
  });
  it('finds "ORGs tittel Navn" and a double surname repeated alone ("sier Aamot Strand")', () => {
    const r = run('LOs leder Peggy Følsvik støtter kravet. Forbundsleder Lise Aamot Strand er enig, sier Aamot Strand.');
    expect(actor(r, 'Peggy Følsvik')).toMatchObject({ role: 'leder', affiliation: 'Landsorganisasjonen i Norge' });
    expect(forms(r, 'Lise Aamot Strand')).toEqual(['Aamot Strand', 'Lise Aamot Strand']);
  });
  it('finds a name set off after a title phrase that names no organisation, and a full name after a speech verb', () => {
    const r = run('Hovedtillitsvalgt i bydel Grünerløkka, Siri Haugen, forteller om slitne ansatte. – Vi er slitne, sier Ola Dahl.');
    expect(actor(r, 'Siri Haugen')).toMatchObject({ role: 'Hovedtillitsvalgt i bydel Grünerløkka', affiliation: null });
    expect(actor(r, 'Ola Dahl')).toMatchObject({ type: 'person', role: null });
    expect(ruleOf(r, 'Ola Dahl')).toBe('person-speaker');
  });
  it('gives a signer below "For ORG" to that organisation', () => {
    const r = run('Vi er enige.\n\nFor Fagforbundet\nKari Nordvik\nleder\n\nFor Tekna\nPer Ola Brekken\nleder');
    expect(actor(r, 'Kari Nordvik')).toMatchObject({ affiliation: 'Fagforbundet' });
    expect(actor(r, 'Per Ola Brekken')).toMatchObject({ affiliation: 'Tekna' });
  });
  it('does not take organisation or place names for persons', () => {
    const r = run('Tiltaket ledes av rådgiver Norsk Folkehjelp og leder Oslo Arbeiderparti sammen.');
    expect(r.found.actors.filter((a) => a.type === 'person')).toEqual([]);
  });
});

describe('discovery of organisations', () => {
  it('reads an acronym definition and the acronym afterwards', () => {
    const r = run('Vi samarbeider med Norsk Lokallagsforbund (NLF) om saken. NLF krever endring.');
    expect(actor(r, 'Norsk Lokallagsforbund')).toMatchObject({ source: 'discovered' });
    expect(forms(r, 'Norsk Lokallagsforbund')).toEqual(['NLF', 'Norsk Lokallagsforbund']);
  });
  it("lets a document's own abbreviation override the registry's meaning of the same letters", () => {
    const r = run('Partiet støtter Norske Naturterapeuters Hovedorganisasjon (NHH) i saken. NHH mener det samme.');
    expect(keys(r)).not.toContain('Norges Handelshøyskole');
    expect(actor(r, 'Norske Naturterapeuters Hovedorganisasjon')).toMatchObject({ type: 'other_org', source: 'discovered' });
    expect(forms(r, 'Norske Naturterapeuters Hovedorganisasjon')).toEqual(['NHH', 'Norske Naturterapeuters Hovedorganisasjon']);
    expect(keys(run('Hun studerte ved Norges Handelshøyskole (NHH) i Bergen.'))).toEqual(['Norges Handelshøyskole']);
    checkInvariants(r);
  });
  it('finds capitalised names with an organisation ending, and municipalities', () => {
    const r = run('Saken er utredet av Klimarisikoutvalget og Olje- og gasstilsynet, og Bergen kommune har vedtatt planen.');
    expect(actor(r, 'Klimarisikoutvalget')).toMatchObject({ type: 'committee', source: 'discovered' });
    expect(actor(r, 'Olje- og gasstilsynet')).toMatchObject({ type: 'agency' });
    expect(actor(r, 'Bergen kommune')).toMatchObject({ type: 'municipality' });
  });
  it('does not take common nouns or a capital at the start of a sentence for a name', () => {
    expect(keys(run('Tillitsreformen er viktig. Hovedorganisasjonen har mange medlemmer.'))).toEqual([]);
    expect(keys(run('Fagforeningen er sterk.\nDet gjelder hele EØS-området og familiegjenforening.'))).toEqual([]);
    expect(keys(run('Ekspertutvalget leverte i fjor.'))).toEqual([]);
  });
});

describe('on the seeds', () => {
  it('a letter with a signature: the union, the party it writes to and the signer', () => {
    const r = seed('000_');
    expect(keys(r)).toEqual(expect.arrayContaining(['Fellesorganisasjonen', 'Arbeiderpartiet', 'Nav']));
    const signer = r.found.actors.find((a) => a.type === 'person');
    expect(signer).toMatchObject({ affiliation: 'Fellesorganisasjonen' });
    expect(signer?.role).toMatch(/^Forbundsleder/);
    expect(keys(r)).not.toContain('Tillitsreformen');
    checkInvariants(r);
  });
  it("a governing body's statement: KS through its landsstyre", () => {
    const r = seed('001_');
    expect(forms(r, 'KS').every((f) => f.startsWith('KS'))).toBe(true);
    expect(forms(r, 'KS')).toContain("KS' landsstyre");
    expect(keys(r)).toEqual(expect.arrayContaining(['Sysselsettingsutvalget', 'Nav']));
    expect(r.found.actors.filter((a) => a.affiliation !== null)).toEqual([]);
    checkInvariants(r);
  });
  it('an agreement signed by two county branches', () => {
    const r = seed('002_');
    const branches = r.found.actors.filter((a) => a.source === 'discovered' && a.type !== 'person');
    expect(branches.map((b) => b.affiliation).sort()).toEqual(['Fellesorganisasjonen', 'Sosialistisk Venstreparti']);
    const people = r.found.actors.filter((a) => a.type === 'person');
    expect(people).toHaveLength(2);
    for (const p of people) expect(branches.map((b) => b.key)).toContain(p.affiliation);
    // In this text "SV" and "FO" mean the branches, never the national bodies.
    for (const m of r.found.mentions) expect(['Fellesorganisasjonen', 'Sosialistisk Venstreparti']).not.toContain(m.actor);
    checkInvariants(r);
  });
  it('a news item: KS, its leaders and the ministry behind "departementet"', () => {
    const r = seed('003_');
    const people = r.found.actors.filter((a) => a.type === 'person');
    expect(people.length).toBeGreaterThanOrEqual(3);
    expect(people.filter((p) => p.affiliation === 'KS').length).toBeGreaterThanOrEqual(2);
    const ministry = r.found.actors.find((a) => a.type === 'ministry');
    expect(ministry?.key).toBe('Arbeids- og inkluderingsdepartementet');
    expect(forms(r, ministry!.key).map((f) => f.toLowerCase())).toContain('departementet');
    expect(keys(r)).toContain('Regjeringen');
    checkInvariants(r);
  });
  it('a resolution: LO through its conference, an earlier government, the wished-for one', () => {
    const r = seed('004_');
    expect(forms(r, 'Landsorganisasjonen i Norge').some((f) => f.includes('regionkonferanse'))).toBe(true);
    expect(keys(r)).toEqual(expect.arrayContaining(['Regjeringen Solberg', 'Regjeringen', 'Nav']));
    expect(keys(r)).not.toContain('Høyre');
    checkInvariants(r);
  });
});
