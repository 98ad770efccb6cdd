// EC2 AllocateAddress on the simulated account (what an emergency gateway needs beyond lib/sim/ec2/).
import type { AllocateAddressCommandInput, AllocateAddressResult, Tag } from '@aws-sdk/client-ec2';
import { refuseDryRun } from './ec2/ec2-errors';
import { derivedId } from './ec2/ids';
import { formatIpv4, parseIpv4 } from './ec2/ipv4';
import { checkTagCount, validateTags } from './ec2/tags';
import type { SimAccount } from './sim-account';

const ELASTIC_IP_RESOURCE_TYPE = 'elastic-ip';
/** New addresses come from the documentation range 198.51.100.0/24 (TEST-NET-2), never a real address. */
const POOL_START = '198.51.100.1';
const POOL_SIZE = 254;

function nextPublicIp(sim: SimAccount): string {
  const start = parseIpv4(POOL_START) ?? 0;
  const taken = new Set(sim.state.elasticIps.map((eip) => eip.publicIp));
  for (let offset = 0; offset < POOL_SIZE; offset += 1) {
    const ip = formatIpv4(start + offset);
    if (!taken.has(ip)) return ip;
  }
  throw sim.error('EC2', 'AddressLimitExceeded', 'The maximum number of addresses has been reached.');
}

export function registerEmergencyEc2(sim: SimAccount): void {
  let allocated = 0;
  sim.on<AllocateAddressCommandInput>('EC2', 'AllocateAddress', (input): AllocateAddressResult => {
    if (input.Domain !== undefined && input.Domain !== 'vpc') {
      throw sim.error('EC2', 'InvalidParameterValue', `Domain '${input.Domain}' is not supported`);
    }
    const tags: Tag[] = [];
    for (const specification of input.TagSpecifications ?? []) {
      if (specification.ResourceType !== ELASTIC_IP_RESOURCE_TYPE) {
        throw sim.error(
          'EC2',
          'InvalidParameterValue',
          `'${specification.ResourceType}' is not a valid taggable resource type for this operation.`,
        );
      }
      tags.push(...(specification.Tags ?? []));
    }
    const record = validateTags(sim, tags);
    checkTagCount(sim, record);
    refuseDryRun(sim, input);
    const publicIp = nextPublicIp(sim);
    allocated += 1;
    const allocationId = derivedId('eipalloc', `${sim.state.accountId}:${publicIp}:${allocated}`);
    sim.state.elasticIps.push({ allocationId, publicIp, tags: record });
    return {
      AllocationId: allocationId,
      PublicIp: publicIp,
      Domain: 'vpc',
      NetworkBorderGroup: sim.state.region,
    };
  });
}
