// Progress on stderr, only when stderr is a terminal: piped output and CI logs stay clean.
import type { Progress } from '../runtime';
import { SILENT_PROGRESS } from '../runtime';

export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return SILENT_PROGRESS;
  const started = Date.now();
  return {
    update(label, done, total) {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      stream.write(`\r\x1b[2K[${done}/${total}] ${label} (${seconds}s)`);
    },
    done() {
      stream.write('\r\x1b[2K');
    },
  };
}
