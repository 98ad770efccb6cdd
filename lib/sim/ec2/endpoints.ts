// DescribeVpcEndpoints and DescribePrefixLists (the AWS-managed lists gateway endpoint routes point at).
import type {
  DescribePrefixListsCommandInput,
  DescribePrefixListsResult,
  DescribeVpcEndpointsCommandInput,
  DescribeVpcEndpointsResult,
  PrefixList,
  VpcEndpoint,
} from '@aws-sdk/client-ec2';
import type { SimAccount } from '../sim-account';
import { describeResources } from './describe-resources';
import type { FilterFields } from './filters';
import { DEFAULT_PAGE_RANGE } from './paging';
import { describedTags, toTagList } from './tags';

const ENDPOINT_FIELDS: FilterFields<VpcEndpoint> = {
  'vpc-endpoint-id': (e) => [e.VpcEndpointId],
  'vpc-id': (e) => [e.VpcId],
  'service-name': (e) => [e.ServiceName],
  'vpc-endpoint-type': (e) => [e.VpcEndpointType],
  'vpc-endpoint-state': (e) => [e.State],
};

const PREFIX_LIST_FIELDS: FilterFields<PrefixList> = {
  'prefix-list-id': (p) => [p.PrefixListId],
  'prefix-list-name': (p) => [p.PrefixListName],
};

export function registerEndpoints(sim: SimAccount): void {
  const { state } = sim;
  sim.on<DescribeVpcEndpointsCommandInput>(
    'EC2',
    'DescribeVpcEndpoints',
    (input): DescribeVpcEndpointsResult => {
      const { page, nextToken } = describeResources(sim, {
        command: 'DescribeVpcEndpoints',
        input,
        items: state.vpcEndpoints,
        idOf: (endpoint) => endpoint.vpcEndpointId,
        requestedIds: input.VpcEndpointIds,
        notFound: { code: 'InvalidVpcEndpointId.NotFound', noun: 'vpcEndpoint' },
        describe: (endpoint): VpcEndpoint => ({
          VpcEndpointId: endpoint.vpcEndpointId,
          VpcId: endpoint.vpcId,
          ServiceName: endpoint.serviceName,
          VpcEndpointType: endpoint.vpcEndpointType === 'Gateway' ? 'Gateway' : 'Interface',
          State: 'Available',
          RouteTableIds: [...endpoint.routeTableIds],
          OwnerId: state.accountId,
          Tags: toTagList(endpoint.tags),
        }),
        fields: ENDPOINT_FIELDS,
        tagsOf: describedTags,
        pageRange: DEFAULT_PAGE_RANGE,
      });
      return { VpcEndpoints: page, NextToken: nextToken };
    },
  );

  sim.on<DescribePrefixListsCommandInput>(
    'EC2',
    'DescribePrefixLists',
    (input): DescribePrefixListsResult => {
      const { page, nextToken } = describeResources(sim, {
        command: 'DescribePrefixLists',
        input,
        items: state.prefixLists,
        idOf: (list) => list.prefixListId,
        requestedIds: input.PrefixListIds,
        notFound: { code: 'InvalidPrefixListId.NotFound', noun: 'prefixList' },
        describe: (list): PrefixList => ({
          PrefixListId: list.prefixListId,
          PrefixListName: list.prefixListName,
          Cidrs: [],
        }),
        fields: PREFIX_LIST_FIELDS,
        pageRange: DEFAULT_PAGE_RANGE,
      });
      return { PrefixLists: page, NextToken: nextToken };
    },
  );
}
