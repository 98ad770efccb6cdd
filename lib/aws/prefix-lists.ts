// The address ranges of an AWS-managed prefix list (com.amazonaws.<region>.s3 …).
import { type EC2Client, paginateGetManagedPrefixListEntries } from '@aws-sdk/client-ec2';

const PAGE_SIZE = 100;

export async function prefixListCidrs(ec2: EC2Client, prefixListId: string): Promise<string[]> {
  const cidrs: string[] = [];
  const pages = paginateGetManagedPrefixListEntries(
    { client: ec2, pageSize: PAGE_SIZE },
    { PrefixListId: prefixListId },
  );
  for await (const page of pages)
    for (const entry of page.Entries ?? []) if (entry.Cidr) cidrs.push(entry.Cidr);
  return cidrs;
}
