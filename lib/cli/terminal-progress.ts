// Progress on stderr, only when stderr is a terminal: piped output and CI logs stay clean. Plain text over a
// carriage return (no escape codes, so NO_COLOR terminals and logs get nothing they cannot show).
import type { Progress } from '../runtime';
import { SILENT_PROGRESS } from '../runtime';

export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return SILENT_PROGRESS;
  const started = Date.now();
  let shown = 0;
  const show = (text: string) => {
    stream.write(`\r${text.padEnd(shown)}`);
    shown = text.length;
  };
  return {
    update(label, done, total) {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      show(`[${done}/${total}] ${label} (${seconds}s)`);
    },
    done() {
      show('');
      stream.write('\r');
      shown = 0;
    },
  };
}
