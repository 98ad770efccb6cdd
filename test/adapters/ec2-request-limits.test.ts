// EC2's request buckets as the EC2 throttling documentation lists them, and the token bucket that applies them.
import { describe, expect, it } from 'vitest';
import { ec2BucketKey, ec2RequestLimit } from '../../lib/aws/ec2-request-limits';
import { TokenBucket } from '../../lib/aws/token-bucket';

describe('EC2 request limits', () => {
  it('should give mutating actions a bucket of 50 refilled at 5 per second', () => {
    expect(ec2RequestLimit('ReplaceRoute')).toMatchObject({ capacity: 50, refillPerSecond: 5 });
    expect(ec2RequestLimit('CreateRoute')).toMatchObject({ capacity: 50, refillPerSecond: 5 });
  });

  it('should give tag writes their own bucket of 100 refilled at 10 per second', () => {
    expect(ec2RequestLimit('CreateTags')).toMatchObject({ capacity: 100, refillPerSecond: 10 });
    expect(ec2RequestLimit('DeleteTags')).toMatchObject({ capacity: 100, refillPerSecond: 10 });
  });

  it('should give NAT gateway creation and deletion a bucket of 10 refilled at 1 per second', () => {
    expect(ec2RequestLimit('CreateNatGateway')).toMatchObject({ capacity: 10, refillPerSecond: 1 });
    expect(ec2RequestLimit('DeleteNatGateway')).toMatchObject({ capacity: 10, refillPerSecond: 1 });
  });

  it('should give describes 100 refilled at 20, and an unfiltered DescribeNetworkInterfaces only 50 at 10', () => {
    expect(ec2RequestLimit('DescribeRouteTables', { Filters: [] })).toMatchObject({
      capacity: 100,
      refillPerSecond: 20,
    });
    expect(ec2RequestLimit('DescribeNetworkInterfaces', {})).toMatchObject({
      capacity: 50,
      refillPerSecond: 10,
    });
    expect(ec2RequestLimit('DescribeNetworkInterfaces', { MaxResults: 100 })).toMatchObject({
      capacity: 100,
    });
  });

  it('should keep one bucket per action, the unfiltered one apart', () => {
    expect(ec2BucketKey('ReplaceRoute')).not.toBe(ec2BucketKey('CreateRoute'));
    expect(ec2BucketKey('DescribeNetworkInterfaces', {})).not.toBe(
      ec2BucketKey('DescribeNetworkInterfaces', { MaxResults: 5 }),
    );
  });
});

describe('token bucket', () => {
  it('should let a full bucket go at once, then one request per refill interval', () => {
    // Prepare
    const bucket = new TokenBucket({ capacity: 50, refillPerSecond: 5 }, 0);

    // Act
    const burst = Array.from({ length: 51 }, () => bucket.tryTake(0));

    // Assess
    expect(burst.filter(Boolean)).toHaveLength(50);
    expect(bucket.msUntilToken(0)).toBe(200);
    expect(bucket.tryTake(199)).toBe(false);
    expect(bucket.tryTake(200)).toBe(true);
  });

  it('should never hold more than its capacity', () => {
    const bucket = new TokenBucket({ capacity: 10, refillPerSecond: 1 }, 0);
    bucket.tryTake(0);
    expect(bucket.available(3_600_000)).toBe(10);
  });
});
