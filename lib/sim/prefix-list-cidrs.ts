// Entries of the AWS-managed prefix lists (com.amazonaws.<region>.s3 / .dynamodb) on the simulated account.
// A snapshot may list them (`prefixLists[].cidrs`); otherwise published ranges for a few regions are used,
// and for other regions stand-in ranges from the benchmarking block 198.18.0.0/15 that no real service uses.

import { hexDigest } from './ec2/ids';
import type { SimAccount } from './sim-account';

const PUBLISHED: Readonly<Record<string, readonly string[]>> = {
  'com.amazonaws.us-east-1.s3': [
    '3.5.0.0/19',
    '16.15.192.0/18',
    '16.182.0.0/16',
    '18.34.0.0/19',
    '18.34.232.0/21',
    '52.216.0.0/15',
    '54.231.0.0/16',
  ],
  'com.amazonaws.us-east-1.dynamodb': [
    '3.218.180.0/22',
    '3.218.184.0/22',
    '35.71.64.0/22',
    '52.94.0.0/22',
    '52.119.224.0/20',
  ],
  'com.amazonaws.eu-west-1.s3': ['3.5.64.0/21', '3.5.72.0/23', '52.92.0.0/17', '52.218.0.0/17'],
  'com.amazonaws.eu-west-1.dynamodb': ['52.94.24.0/23', '52.119.240.0/21'],
};

const STAND_IN_OCTET_RANGE = 256;

function standIn(prefixListName: string): string[] {
  const octet = Number.parseInt(hexDigest(prefixListName, 2), 16) % STAND_IN_OCTET_RANGE;
  return [`198.18.${octet}.0/24`, `198.19.${octet}.0/24`];
}

function listedCidrs(list: Record<string, unknown>): string[] | undefined {
  const cidrs = list.cidrs;
  return Array.isArray(cidrs) && cidrs.every((c) => typeof c === 'string') ? cidrs : undefined;
}

export function prefixListCidrsOf(sim: SimAccount, prefixListName: string): string[] {
  const list = sim.state.prefixLists.find((candidate) => candidate.prefixListName === prefixListName);
  return (list && listedCidrs(list)) ?? [...(PUBLISHED[prefixListName] ?? standIn(prefixListName))];
}
