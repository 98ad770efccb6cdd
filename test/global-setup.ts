// Once per test run: package the service offline, so deploy tests read the real CloudFormation template.
import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { promisify } from 'node:util';
import { PACKAGE_DIR, PACKAGE_STAGE } from './deploy/package-location';

const run = promisify(execFile);

export default async function packageService(): Promise<void> {
  await rm(PACKAGE_DIR, { recursive: true, force: true });
  await run('npx', ['serverless', 'package', '--stage', PACKAGE_STAGE, '--package', PACKAGE_DIR], {
    env: {
      ...process.env,
      AWS_ACCESS_KEY_ID: 'AKIATESTDUMMY0000000',
      AWS_SECRET_ACCESS_KEY: 'test-dummy-secret',
      AWS_EC2_METADATA_DISABLED: 'true',
      SLS_TELEMETRY_DISABLED: '1',
      SLS_NOTIFICATIONS_MODE: 'off',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    },
    maxBuffer: 16 * 1024 * 1024,
  });
}
