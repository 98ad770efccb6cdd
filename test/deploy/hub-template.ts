// The packaged hub template (test/global-setup.ts) and the state machines in it, as the ASL Step Functions runs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StateMachineDefinition } from 'aws-local-stepfunctions';
import { fakeFunctionArn } from '../../scripts/local-state-machine';
import { HUB_PACKAGE_DIR } from './package-location';
import type { CfnTemplate } from './packaged-template';

let cached: CfnTemplate | undefined;

export function hubTemplate(): CfnTemplate {
  cached ??= JSON.parse(
    readFileSync(join(HUB_PACKAGE_DIR, 'cloudformation-template-update-stack.json'), 'utf8'),
  );
  if (!cached) throw new Error('no packaged hub template');
  return cached;
}

/** A state machine's ASL: its Fn::Sub definition with each reference replaced by a fake ARN naming the resource. */
export function stateMachineDefinition(logicalId: string): StateMachineDefinition {
  const resource = hubTemplate().Resources[logicalId];
  const definition = resource?.Properties?.DefinitionString as {
    'Fn::Sub': [string, Record<string, unknown>];
  };
  const [text, variables] = definition['Fn::Sub'];
  const asl = text.replace(/\$\{([A-Za-z0-9]+)\}/g, (_, name: string) => {
    const value = JSON.stringify(variables[name]);
    const logical = /"Fn::GetAtt":\["([A-Za-z0-9]+)","Arn"\]/.exec(value)?.[1];
    if (!logical) throw new Error(`unexpected reference ${name}: ${value}`);
    return fakeFunctionArn(logical);
  });
  return JSON.parse(asl);
}
