import { message, type Message } from '../messages.ts';

/** Where checks put what they find: a message under the name of the assertion it breaks. */
export interface ReportSink {
  add(assertion: string, m: Message): void;
}

/** One finding of a check, as a ReportSink receives it: kept in order, so findings made elsewhere can be replayed. */
export type Finding = readonly [assertion: string, message: Message];

/**
 * Collects the messages of a validation run, keeping the first `limit` of each assertion and summarising the
 * rest in one message with their count, so one systematic bug cannot bury every other problem.
 */
export class Report implements ReportSink {
  private readonly kept: Message[] = [];
  private readonly tally = new Map<string, { seen: number; sample: Message }>();

  constructor(private readonly limit: number) {}

  /** Add a message under an assertion name (e.g. `foreign-key demands.addressee_id`). */
  add(assertion: string, m: Message): void {
    const t = this.tally.get(assertion) ?? { seen: 0, sample: m };
    t.seen += 1;
    this.tally.set(assertion, t);
    if (t.seen <= this.limit) this.kept.push(m);
  }

  /** Every kept message, then one summary per assertion that went over the limit. */
  messages(): Message[] {
    const out = [...this.kept];
    for (const [assertion, t] of this.tally) {
      if (t.seen <= this.limit) continue;
      const { code, stage, file, severity } = t.sample;
      out.push(message(code, `${t.seen - this.limit} more ${assertion} problem(s) not shown (${t.seen} in all)`, { stage, file, severity }));
    }
    return out;
  }
}
