// MaxResults / NextToken for paginated describes. Tokens are opaque to callers and bound to one command.
import type { SimAccount } from '../sim-account';
import { invalidParameterValue } from './ec2-errors';

export interface PageRange {
  min: number;
  max: number;
}

/** The documented MaxResults bounds of most EC2 describes. */
export const DEFAULT_PAGE_RANGE: PageRange = { min: 5, max: 1000 };

const TOKEN_PREFIX = 'sim1.';

export interface PagingInput {
  MaxResults?: number | undefined;
  NextToken?: string | undefined;
}

function encodeToken(command: string, offset: number): string {
  return TOKEN_PREFIX + Buffer.from(JSON.stringify({ command, offset }), 'utf8').toString('base64url');
}

function decodeToken(sim: SimAccount, command: string, token: string, total: number): number {
  const invalid = sim.error('EC2', 'InvalidPaginationToken', `Invalid pagination token: ${token}`);
  if (!token.startsWith(TOKEN_PREFIX)) throw invalid;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(token.slice(TOKEN_PREFIX.length), 'base64url').toString('utf8'));
  } catch {
    throw invalid;
  }
  if (typeof decoded !== 'object' || decoded === null) throw invalid;
  const offset = 'offset' in decoded ? decoded.offset : undefined;
  const tokenCommand = 'command' in decoded ? decoded.command : undefined;
  if (tokenCommand !== command || typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0) {
    throw invalid;
  }
  return Math.min(offset, total);
}

/** One page of `items`; without MaxResults everything from the token on is returned. */
export function paginate<T>(
  sim: SimAccount,
  command: string,
  items: T[],
  input: PagingInput,
  range: PageRange = DEFAULT_PAGE_RANGE,
): { page: T[]; nextToken: string | undefined } {
  const { MaxResults: maxResults, NextToken: nextToken } = input;
  if (
    maxResults !== undefined &&
    (!Number.isInteger(maxResults) || maxResults < range.min || maxResults > range.max)
  ) {
    throw invalidParameterValue(
      sim,
      `Value ( ${maxResults} ) for parameter maxResults is invalid. Expecting a value between ${range.min} and ${range.max}.`,
    );
  }
  const start = nextToken ? decodeToken(sim, command, nextToken, items.length) : 0;
  const end = maxResults === undefined ? items.length : Math.min(start + maxResults, items.length);
  return {
    page: items.slice(start, end),
    nextToken: end < items.length ? encodeToken(command, end) : undefined,
  };
}
