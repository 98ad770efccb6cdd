// The EC2 error answers shared by several commands, with AWS's codes and wording.
import type { SimAccount } from '../sim-account';

const DRY_RUN_STATUS = 412;

export function invalidParameterValue(sim: SimAccount, message: string): Error {
  return sim.error('EC2', 'InvalidParameterValue', message);
}

export function missingParameter(sim: SimAccount, parameter: string): Error {
  return sim.error('EC2', 'MissingParameter', `The request must contain the parameter ${parameter}`);
}

export function invalidParameterCombination(sim: SimAccount, message: string): Error {
  return sim.error('EC2', 'InvalidParameterCombination', message);
}

/** `DryRun: true` answers this error instead of acting, once the request has been validated. */
export function refuseDryRun(sim: SimAccount, input: { DryRun?: boolean | undefined }): void {
  if (input.DryRun === true) {
    throw sim.error(
      'EC2',
      'DryRunOperation',
      'Request would have succeeded, but DryRun flag is set.',
      DRY_RUN_STATUS,
    );
  }
}

/** AWS names every unknown id of a list in one error, e.g. "The subnet ID 'subnet-1' does not exist". */
export function requireKnownIds(
  sim: SimAccount,
  requested: string[] | undefined,
  known: (id: string) => boolean,
  code: string,
  noun: string,
): void {
  const unknown = (requested ?? []).filter((id) => !known(id));
  if (unknown.length === 0) return;
  const message =
    unknown.length === 1
      ? `The ${noun} ID '${unknown[0]}' does not exist`
      : `The ${noun} IDs '${unknown.join(', ')}' do not exist`;
  throw sim.error('EC2', code, message);
}

/** The EC2 query protocol does not send an empty list, so AWS sees `[]` as an absent parameter. */
export function listGiven<T>(list: T[] | undefined): list is T[] {
  return list !== undefined && list.length > 0;
}
