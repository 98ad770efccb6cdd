// The region the AWS SDK itself would use when --region is absent: AWS_REGION, then the profile's `region`
// in the shared config file (~/.aws/config, or AWS_CONFIG_FILE), read by the SDK's own config loader.
import { loadConfig, NODE_REGION_CONFIG_FILE_OPTIONS, NODE_REGION_CONFIG_OPTIONS } from '@smithy/core/config';

/** The SDK's region for `profile` (default: AWS_PROFILE, else `default`), or undefined when none is set. */
export async function sdkRegion(profile?: string): Promise<string | undefined> {
  const provider = loadConfig(NODE_REGION_CONFIG_OPTIONS, {
    ...NODE_REGION_CONFIG_FILE_OPTIONS,
    ...(profile ? { profile } : {}),
  });
  try {
    const region = await provider();
    return region === '' ? undefined : region;
  } catch (error) {
    // The chain ends with the SDK's own "Region is missing" when no source has one.
    if (error instanceof Error && (error.name === 'ProviderError' || error.message === 'Region is missing'))
      return undefined;
    throw error;
  }
}
