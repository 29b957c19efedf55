import type { Context } from '../../context.ts';
import type { ActorRecord, MentionRecord, SegmentedDoc } from '../../document.ts';
import type { Lexicon } from '../../lexicon/load.ts';
import { perLexicon } from '../scan/memo.ts';
import { resolveAnaphora, singleMinistry } from './anaphora.ts';
import { findAcronyms } from './acronyms.ts';
import { definedAcronyms } from './defined-acronyms.ts';
import { attachBodies, bareBodies } from './bodies.ts';
import { type BranchContext, applyBranches } from './branches.ts';
import { type Candidate, settle } from './candidate.ts';
import { discoverOrgs } from './discover-orgs.ts';
import { findGovernments } from './governments.ts';
import { findPersons } from './persons.ts';
import { type Registry, compileRegistry } from './registry.ts';
import { startsWithTitle } from './roles.ts';
import { type LocalAbbreviation, scanRegistry } from './scan-registry.ts';

export { resolveActorName } from './registry.ts';

/** Actors of one document (each once) and every mention of them. */
export interface ActorsFound {
  actors: ActorRecord[];
  mentions: MentionRecord[];
}

/**
 * Find every actor mentioned in the document: registry names (with genitives, governing bodies and
 * regional units), named governments, the document's own abbreviations, organisations discovered from
 * their name endings, county branches acting in their own name, persons with role and affiliation, and
 * "departementet"-style references to the one body of a kind the document names.
 */
export function findActors(doc: SegmentedDoc, ctx: Context): ActorsFound {
  const { text } = doc;
  const reg = compileRegistry(ctx.lexicon.actors);
  const roles = ctx.lexicon.roles;
  const bc: BranchContext = {
    text,
    reg,
    isTitleLine: (line) => startsWithTitle(line, roles),
    voiceVerbs: voiceVerbs(ctx.lexicon),
    agreementLinks: ctx.lexicon.metadata.publisher.agreementLinks,
    joiners: ctx.lexicon.metadata.title.continuations,
  };
  // Two passes: the first finds the names the document defines abbreviations for ("… (SV)"), the
  // second reads those abbreviations with the document's own meaning.
  let orgs = organisations(text, reg, bc, new Map(), new Set());
  const defined = definedAcronyms(text, orgs, reg);
  if (defined.orgs.length > 0) orgs = settle([...orgs, ...defined.orgs]);
  const local = findAcronyms(text, orgs);
  if (local.size > 0 || defined.shadowed.size > 0) orgs = settle([...organisations(text, reg, bc, local, defined.shadowed), ...defined.orgs]);
  const persons = findPersons({ text, orgs, reg, roles, singleMinistry: singleMinistry(orgs) });
  let all = settle([...orgs, ...persons]);
  all = settle([...all, ...resolveAnaphora(text, all, reg), ...bareBodies(text, all, reg)]);
  return records(all, reg);
}

/** The verbs that show an actor speaking: the publisher's voice verbs and the speech verbs (one list per lexicon). */
const voiceVerbs = perLexicon((lexicon: Lexicon): readonly string[] => [...lexicon.metadata.publisher.voiceVerbs, ...lexicon.roles.speechVerbs]);

function organisations(text: string, reg: Registry, bc: BranchContext, local: ReadonlyMap<string, LocalAbbreviation>, shadowed: ReadonlySet<string>): Candidate[] {
  let orgs = settle([...scanRegistry(text, reg, local, bc.voiceVerbs, shadowed), ...findGovernments(text, reg)]);
  orgs = settle([...orgs, ...discoverOrgs(text, reg, orgs)]);
  return settle(attachBodies(text, applyBranches(orgs, bc), reg));
}

/** One record per actor, in order of first mention; affiliations point at actors of the document. */
function records(cands: readonly Candidate[], reg: Registry): ActorsFound {
  const actors = new Map<string, ActorRecord>();
  for (const c of cands) {
    if (actors.has(c.key)) continue;
    actors.set(c.key, { key: c.key, type: c.type, role: c.role, affiliation: c.affiliation, source: c.source });
  }
  for (const a of [...actors.values()]) {
    if (a.affiliation === null || actors.has(a.affiliation)) continue;
    const known = reg.byKey.get(a.affiliation);
    actors.set(a.affiliation, {
      key: a.affiliation,
      type: known?.type ?? 'other_org',
      role: null,
      affiliation: null,
      source: known ? 'registry' : 'discovered',
    });
  }
  const mentions = cands.map((c) => ({ actor: c.key, span: { ...c.span }, ruleId: c.ruleId, confidence: c.confidence }));
  return { actors: [...actors.values()], mentions };
}
