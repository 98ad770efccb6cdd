import { describe, expect, it } from 'vitest';
import type { EndpointsResult } from '../../../lib/domain/endpoints/endpoints-result';
import { renderEndpointsMarkdown } from '../../../lib/report/endpoints-markdown';
import { renderEndpointsTable } from '../../../lib/report/endpoints-table';

const RESULT: EndpointsResult = {
  region: 'us-east-1',
  vpcId: 'vpc-1',
  apply: false,
  window: { start: '2026-11-02T00:00:00.000Z', end: '2026-11-16T00:00:00.000Z', hours: 336 },
  natRouteTableIds: ['rtb-a'],
  steps: [
    {
      service: 's3',
      serviceName: 'com.amazonaws.us-east-1.s3',
      action: 'create',
      routeTableIds: ['rtb-a'],
      reason: 'no s3 gateway endpoint in the VPC',
      estimatedMonthlySavings: 687.421321,
      unattributedNatGatewayIds: ['nat-c'],
      result: 'planned',
    },
    {
      service: 'dynamodb',
      serviceName: 'com.amazonaws.us-east-1.dynamodb',
      action: 'none',
      vpcEndpointId: 'vpce-1',
      routeTableIds: [],
      reason: 'every NAT-routed table already reaches it through an endpoint',
      estimatedMonthlySavings: 0,
      unattributedNatGatewayIds: [],
      result: 'skipped',
    },
  ],
  estimatedMonthlySavings: 687.421321,
  policySource: 'default',
  warnings: ['Bucket policies | aws:SourceIp'],
};

describe('endpoint plan reports', () => {
  it('should print the known saving and the gateways whose saving is unknown', () => {
    // Act
    const text = renderEndpointsTable(RESULT);

    // Assess
    expect(text).toContain('Expected saving: $687.42/month + unknown (nat-c) of NAT data processing');
    expect(text).toContain('plan only (pass --apply to create)');
  });

  it('should render one Markdown table row per service, escaping pipes in warnings', () => {
    // Act
    const markdown = renderEndpointsMarkdown(RESULT);

    // Assess
    expect(markdown).toContain(
      '| com.amazonaws.us-east-1.s3 | create | planned | - | rtb-a | $687.42/month + unknown (nat-c) | no s3 gateway endpoint in the VPC |',
    );
    expect(markdown).toContain('| com.amazonaws.us-east-1.dynamodb | none | skipped | vpce-1 | - | - |');
    expect(markdown).toContain('- Bucket policies \\| aws:SourceIp');
  });
});
