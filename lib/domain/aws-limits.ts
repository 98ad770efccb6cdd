// AWS's own limits that the optimizer plans around and the simulated account enforces, defined once.
// Sources: docs/simulated-account.md and ../shared/reference/aws-facts.md cite the AWS page of each.

/** EC2 and CloudWatch: tags per resource (user tags; `aws:` tags do not count). */
export const MAX_TAGS_PER_RESOURCE = 50;
/** EC2 tags: key length in characters. */
export const MAX_TAG_KEY_LENGTH = 127;
/** EC2 tags: value length in characters. */
export const MAX_TAG_VALUE_LENGTH = 256;
/** CreateTags / DeleteTags: resource ids per call. */
export const MAX_RESOURCES_PER_TAG_CALL = 1000;
/** A zonal NAT gateway: IPv4 addresses, the primary one included (default quota). */
export const MAX_ADDRESSES_PER_NAT_GATEWAY = 8;
/** NAT gateways per Availability Zone (default quota, adjustable). */
export const NAT_GATEWAYS_PER_AZ = 5;
/** CloudWatch GetMetricData: metric queries per request. */
export const MAX_METRIC_QUERIES_PER_REQUEST = 500;
/** SNS Publish: the subject is fewer than 100 characters (printable ASCII). */
export const MAX_SNS_SUBJECT_CHARS = 99;
