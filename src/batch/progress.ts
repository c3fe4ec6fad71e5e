/**
 * Progress of a batch on a terminal: a bar redrawn in place on a TTY (at most 10 times a second),
 * otherwise one line per tenth ("Đã dựng 30% (300/1.000 quyết định)") so logs stay short.
 */
import { n } from './text.js';

export interface ProgressSink {
  update(done: number, total: number): void;
  /** Ends the bar's line (TTY). */
  finish(): void;
}

function eta(ms: number): string {
  const s = Math.round(ms / 1000);
  return s >= 60 ? `${Math.floor(s / 60)} phút ${s % 60} giây` : `${s} giây`;
}

export function progressSink(o: { tty: boolean; write: (s: string) => void; line: (s: string) => void; columns?: number; now?: () => number }): ProgressSink {
  const now = o.now ?? Date.now;
  const started = now();
  let lastDraw = 0;
  let lastTenth = -1;
  let drawn = false;
  return {
    update(done, total) {
      if (!o.tty) {
        const tenth = total ? Math.floor((done * 10) / total) : 10;
        if (tenth !== lastTenth && (tenth > lastTenth || done === total)) {
          lastTenth = tenth;
          o.line(`Đã dựng ${total ? Math.floor((done * 100) / total) : 100}% (${n(done)}/${n(total)} quyết định)`);
        }
        return;
      }
      const t = now();
      if (done < total && t - lastDraw < 100) return;
      lastDraw = t;
      const ratio = total ? done / total : 1;
      const left = done ? ((t - started) / done) * (total - done) : 0;
      const tail = ` ${String(Math.floor(ratio * 100)).padStart(3)}% ${n(done)}/${n(total)} quyết định${done && done < total ? `, còn khoảng ${eta(left)}` : ''}`;
      const width = Math.max(10, Math.min(40, (o.columns ?? 80) - tail.length - 4));
      const full = Math.round(ratio * width);
      o.write(`\r[${'█'.repeat(full)}${'░'.repeat(width - full)}]${tail}\x1b[K`);
      drawn = true;
    },
    finish() {
      if (o.tty && drawn) o.write('\n');
    },
  };
}
