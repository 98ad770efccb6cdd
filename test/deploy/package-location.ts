import { fileURLToPath } from 'node:url';

export const PACKAGE_STAGE = 'test';
export const PACKAGE_DIR = fileURLToPath(new URL('../../.serverless-test', import.meta.url));
/** The organisation hub (serverless.hub.yml), packaged next to the spoke. */
export const HUB_PACKAGE_DIR = fileURLToPath(new URL('../../.serverless-hub-test', import.meta.url));
