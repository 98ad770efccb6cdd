// Clients for the Lambda handlers: created once per container, at module load, and reused across invocations.
import { loadConfig } from '../config';
import { type AwsClients, createClients } from './clients';

let clients: AwsClients | undefined;

export function lambdaClients(): AwsClients {
  const { core } = loadConfig();
  clients ??= createClients({ region: core.region, maxAttempts: core.maxAttempts });
  return clients;
}
