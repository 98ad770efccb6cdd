// One logger and one metrics namespace for every handler (Powertools; metrics leave as EMF log lines).
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';

export const SERVICE_NAME = 'nat-optimizer';
export const METRICS_NAMESPACE = 'NatOptimizer';

export const logger = new Logger({ serviceName: SERVICE_NAME });
export const metrics = new Metrics({ namespace: METRICS_NAMESPACE, serviceName: SERVICE_NAME });
