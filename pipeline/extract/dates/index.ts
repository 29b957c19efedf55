import type { Context } from '../../context.ts';
import type { DateRecord, SegmentedDoc } from '../../document.ts';

/** Find every calendar expression, normalised to ISO with precision; kinds are event/reference here. (stub) */
export function findDates(doc: SegmentedDoc, ctx: Context): DateRecord[] {
  void doc; void ctx;
  return [];
}
