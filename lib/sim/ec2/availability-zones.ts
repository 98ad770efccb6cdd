// DescribeAvailabilityZones, derived from the zones the snapshot's subnets live in.
import type {
  AvailabilityZone,
  DescribeAvailabilityZonesCommandInput,
  DescribeAvailabilityZonesResult,
} from '@aws-sdk/client-ec2';
import type { SimAccount } from '../sim-account';
import { describeResources } from './describe-resources';
import { invalidParameterValue, listGiven } from './ec2-errors';
import type { FilterFields } from './filters';

/** us-east-1 → use1, the prefix of AWS zone ids such as use1-az1. */
function zoneIdPrefix(region: string): string {
  const parts = region.split('-');
  const middle = parts.slice(1, -1).map((part) => part.charAt(0));
  return [parts[0] ?? '', ...middle, parts.at(-1) ?? ''].join('');
}

function zoneNames(sim: SimAccount): string[] {
  return [...new Set(sim.state.subnets.map((subnet) => subnet.availabilityZone))].sort();
}

export function zoneIdOf(sim: SimAccount, zoneName: string): string {
  return `${zoneIdPrefix(sim.state.region)}-az${zoneNames(sim).indexOf(zoneName) + 1}`;
}

const ZONE_FIELDS: FilterFields<AvailabilityZone> = {
  'zone-name': (z) => [z.ZoneName],
  'zone-id': (z) => [z.ZoneId],
  'region-name': (z) => [z.RegionName],
  state: (z) => [z.State],
  'zone-type': (z) => [z.ZoneType],
  'group-name': (z) => [z.GroupName],
};

export function registerAvailabilityZones(sim: SimAccount): void {
  const { state } = sim;
  sim.on<DescribeAvailabilityZonesCommandInput>(
    'EC2',
    'DescribeAvailabilityZones',
    (input): DescribeAvailabilityZonesResult => {
      const zones: AvailabilityZone[] = zoneNames(sim).map((zoneName) => ({
        ZoneName: zoneName,
        ZoneId: zoneIdOf(sim, zoneName),
        RegionName: state.region,
        GroupName: state.region,
        NetworkBorderGroup: state.region,
        ZoneType: 'availability-zone',
        OptInStatus: 'opt-in-not-required',
        State: 'available',
        Messages: [],
      }));
      const unknown = [
        ...(input.ZoneNames ?? []).filter((name) => !zones.some((zone) => zone.ZoneName === name)),
        ...(input.ZoneIds ?? []).filter((id) => !zones.some((zone) => zone.ZoneId === id)),
      ];
      if (unknown.length > 0)
        throw invalidParameterValue(sim, `Invalid availability zone: [${unknown.join(', ')}]`);
      const requested = zones.filter(
        (zone) =>
          (!listGiven(input.ZoneNames) || input.ZoneNames.includes(zone.ZoneName ?? '')) &&
          (!listGiven(input.ZoneIds) || input.ZoneIds.includes(zone.ZoneId ?? '')),
      );
      const { page } = describeResources(sim, {
        command: 'DescribeAvailabilityZones',
        input,
        items: requested,
        idOf: (zone) => zone.ZoneName ?? '',
        requestedIds: undefined,
        notFound: { code: 'InvalidParameterValue', noun: 'zone' },
        describe: (zone) => zone,
        fields: ZONE_FIELDS,
      });
      return { AvailabilityZones: page };
    },
  );
}
