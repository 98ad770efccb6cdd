// Once per test run: package the single-account stack (the spoke) and the organisation hub offline, side by side,
// so deploy tests read the real CloudFormation templates.
import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { promisify } from 'node:util';
import { HUB_PACKAGE_DIR, PACKAGE_DIR, PACKAGE_STAGE } from './deploy/package-location';

const run = promisify(execFile);

const ENV = {
  ...process.env,
  AWS_ACCESS_KEY_ID: 'AKIATESTDUMMY0000000',
  AWS_SECRET_ACCESS_KEY: 'test-dummy-secret',
  AWS_EC2_METADATA_DISABLED: 'true',
  SLS_TELEMETRY_DISABLED: '1',
  SLS_NOTIFICATIONS_MODE: 'off',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

async function packageConfig(dir: string, config?: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  const args = ['serverless', 'package', '--stage', PACKAGE_STAGE, '--package', dir];
  await run('npx', config ? [...args, '--config', config] : args, { env: ENV, maxBuffer: 16 * 1024 * 1024 });
}

export default async function packageService(): Promise<void> {
  await Promise.all([packageConfig(PACKAGE_DIR), packageConfig(HUB_PACKAGE_DIR, 'serverless.hub.yml')]);
}
