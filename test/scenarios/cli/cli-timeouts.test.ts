// An AWS-compatible endpoint that accepts connections and never answers: the command fails (exit 1) with a message
// naming the service, in bounded time, instead of waiting forever.
import net from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_REQUEST_TIMEOUT_MS } from '../../../lib/config/core-config';
import { runCli } from '../../fixtures/cli-run';

const FAILED = 1;
const BOUND_MS = 60_000;
const DEFAULT_MAX_ATTEMPTS = 5;
/** The SDK's standard back-off between 5 attempts: at most 0.1 + 0.2 + 0.4 + 0.8 s. */
const MAX_BACKOFF_MS = 1500;

let server: net.Server;
let sockets: net.Socket[];
let saved: Record<string, string | undefined>;

function setEnv(values: Record<string, string>): void {
  saved = Object.fromEntries(Object.keys(values).map((key) => [key, process.env[key]]));
  Object.assign(process.env, values);
}

beforeEach(async () => {
  sockets = [];
  server = net.createServer((socket) => {
    sockets.push(socket); // accepted, read, never answered
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});

afterEach(async () => {
  for (const [key, value] of Object.entries(saved ?? {})) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('nat-optimizer against an endpoint that never answers', () => {
  it(
    'should end analyze with exit 1 and a message naming the service',
    async () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      setEnv({
        AWS_ENDPOINT_URL: `http://127.0.0.1:${port}`,
        NAT_OPTIMIZER_CONNECT_TIMEOUT_MS: '1000',
        NAT_OPTIMIZER_REQUEST_TIMEOUT_MS: '1500',
      });

      const run = await runCli(['analyze', '--region', 'us-east-1', '--json']);

      expect(run.code).toBe(FAILED);
      expect(run.stderr).toMatch(/^nat-optimizer: EC2 did not answer Describe\w+ \(5 attempts\)/);
      expect(run.stderr).not.toContain('AwsTimeoutError');
      expect(run.stderr).toContain('NAT_OPTIMIZER_REQUEST_TIMEOUT_MS');
      expect(run.stdout).toBe('');
      expect(sockets.length).toBeGreaterThan(0);
    },
    BOUND_MS,
  );

  it('should give up within the bound with the default settings too', () => {
    expect(DEFAULT_MAX_ATTEMPTS * DEFAULT_REQUEST_TIMEOUT_MS + MAX_BACKOFF_MS).toBeLessThan(BOUND_MS);
  });
});
