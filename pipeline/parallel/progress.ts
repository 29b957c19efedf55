/** Where progress goes: a writable text stream that may be a terminal. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

const clock = (s: number): string => {
  const t = Math.max(0, Math.round(s));
  const m = Math.floor(t / 60);
  return `${m}:${String(t % 60).padStart(2, '0')}`;
};

/** Plain progress lines are worth printing only for builds of at least this many documents. */
const PLAIN_MIN_DOCUMENTS = 100;
/** A terminal bar appears only once a build has run this long, so short builds stay quiet. */
const BAR_AFTER_MS = 500;
const BAR_EVERY_MS = 100;

/**
 * Progress of the per-document stages for the command line: on a terminal, one bar redrawn in place with the
 * rate and the time left; elsewhere (CI, a pipe), a plain line at every tenth of a long build. Call `update`
 * after each document and `end` when done (it clears the bar). Timing is for display only, never for output.
 */
export class Progress {
  private readonly started = performance.now();
  private lastDraw = 0;
  private drawn = false;
  private nextTenth = 1;

  constructor(private readonly stream: ProgressStream) {}

  update(done: number, total: number): void {
    const now = performance.now();
    const elapsed = (now - this.started) / 1000;
    const rate = elapsed > 0 ? done / elapsed : 0;
    const left = rate > 0 ? (total - done) / rate : 0;
    if (this.stream.isTTY === true) {
      if (now - this.started < BAR_AFTER_MS || (now - this.lastDraw < BAR_EVERY_MS && done < total)) return;
      this.lastDraw = now;
      const text = `${done}/${total} documents ${Math.floor((100 * done) / total)}% · ${rate.toFixed(0)}/s · ${clock(left)} left`;
      const width = Math.max(10, Math.min(40, (this.stream.columns ?? 80) - text.length - 4));
      const filled = Math.round((width * done) / total);
      this.stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${text}\u001b[K`);
      this.drawn = true;
      return;
    }
    if (total < PLAIN_MIN_DOCUMENTS) return;
    while (done * 10 >= this.nextTenth * total && this.nextTenth <= 10) {
      this.stream.write(`documents  ${done}/${total} (${this.nextTenth * 10}%) after ${clock(elapsed)}, about ${clock(left)} left\n`);
      this.nextTenth += 1;
    }
  }

  /** Clear the bar, so the lines that follow start on a clean line. */
  end(): void {
    if (this.drawn) this.stream.write('\r\u001b[K');
    this.drawn = false;
  }
}
