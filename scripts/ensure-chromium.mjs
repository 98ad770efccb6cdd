#!/usr/bin/env node
// Before the browser tests: Debian's Chromium must be at /usr/bin/chromium. When it is missing and this runs
// as root with apt-get, it is installed (about 90 s); otherwise this stops with the command to run.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';
const INSTALL = 'apt-get install -y chromium';

function fail(why) {
  process.stderr.write(
    `ensure-chromium: ${why}\nThe browser tests need Debian's Chromium: run \`sudo apt-get update && sudo ${INSTALL}\`, then npm test again.\n`,
  );
  process.exit(1);
}

function run(args) {
  execFileSync('apt-get', args, {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

if (!existsSync(CHROMIUM)) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) fail(`${CHROMIUM} is missing and installing it needs root.`);
  process.stderr.write(`ensure-chromium: ${CHROMIUM} is missing; running apt-get (about 90 s)…\n`);
  try {
    run(['update']);
    run(['install', '-y', 'chromium']);
  } catch (error) {
    fail(`apt-get could not install chromium (${error instanceof Error ? error.message : String(error)}).`);
  }
  if (!existsSync(CHROMIUM)) fail(`apt-get ran but ${CHROMIUM} is still missing.`);
}
