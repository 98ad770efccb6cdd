// The deploy-time check: each function's environment, as the packaged stack will give it, validated with that
// function's own configuration sections. Run by the Serverless plugin in sls/plugins before packaging, so a
// malformed stage parameter fails `serverless package` / `deploy` instead of the function's cold start.
import { jobConfig } from '../config';
import { ConfigError } from './env-fields';
import { FUNCTION_JOBS, isFunctionName } from './jobs';

export interface StackFunctions {
  region: string;
  /** provider.environment: every function gets it. */
  providerEnvironment: Readonly<Record<string, unknown>>;
  functions: Readonly<Record<string, { environment?: Readonly<Record<string, unknown>> }>>;
}

export interface StageParameterProblem {
  functionName: string;
  message: string;
}

/**
 * Only plain strings can be checked: a CloudFormation reference (`!Ref`, `!GetAtt`) is resolved at deploy time and
 * left out, as it is in local invocations.
 */
function staticEnvironment(...layers: Array<Readonly<Record<string, unknown>> | undefined>) {
  const env: Record<string, string> = {};
  for (const layer of layers) {
    for (const [name, value] of Object.entries(layer ?? {})) {
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
        env[name] = String(value);
      else delete env[name];
    }
  }
  return env;
}

export function checkStageParameters(stack: StackFunctions): StageParameterProblem[] {
  return Object.entries(stack.functions).flatMap(([functionName, fn]) => {
    if (!isFunctionName(functionName)) {
      return [{ functionName, message: `no configuration is known for function ${functionName}` }];
    }
    const env = { ...staticEnvironment(stack.providerEnvironment, fn.environment), AWS_REGION: stack.region };
    try {
      jobConfig(env, FUNCTION_JOBS[functionName]);
      return [];
    } catch (error) {
      if (error instanceof ConfigError) return [{ functionName, message: error.message }];
      throw error;
    }
  });
}
