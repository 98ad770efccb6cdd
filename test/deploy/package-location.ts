import { fileURLToPath } from 'node:url';

export const PACKAGE_STAGE = 'test';
export const PACKAGE_DIR = fileURLToPath(new URL('../../.serverless-test', import.meta.url));
