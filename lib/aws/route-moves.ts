// Points a route table's default route at a NAT gateway, whether or not the table has that route yet.
// Shared by the scheduler (park/unpark/consolidate) and failover: both move routes only through here.

import {
  CreateRouteCommand,
  type EC2Client,
  paginateDescribeRouteTables,
  ReplaceRouteCommand,
} from '@aws-sdk/client-ec2';
import { DEFAULT_ROUTE } from '../domain/model';
import { awsErrorCode, isAwsServiceError } from './aws-errors';
import { tagsOf } from './inventory';

const ROUTE_TABLE_PAGE_SIZE = 100;

export type RouteChange = 'replaced' | 'created';

export interface RouteMove {
  routeTableId: string;
  destinationCidrBlock: string;
  natGatewayId: string;
  /** `replaced`: an existing route (active or blackhole) now targets the gateway; `created`: there was none. */
  change: RouteChange;
}

/** The route could not be pointed at the gateway; `code` is AWS's error code when there is one. */
export class RouteMoveError extends Error {
  override name = 'RouteMoveError';
  constructor(
    message: string,
    readonly routeTableId: string,
    readonly natGatewayId: string,
    readonly code: string | undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const NO_SUCH_ROUTE_CODE = 'InvalidParameterValue';
const ROUTE_EXISTS_CODE = 'RouteAlreadyExists';

/**
 * ReplaceRoute, and CreateRoute when the table has no such route (AWS: InvalidParameterValue, "use CreateRoute").
 * InvalidParameterValue has other causes (e.g. a gateway of another VPC): when CreateRoute then finds the route
 * exists, the original error is the one reported. Checking that the gateway is `available` is the caller's job.
 */
export async function pointDefaultRoute(
  ec2: EC2Client,
  routeTableId: string,
  natGatewayId: string,
  destinationCidrBlock: string = DEFAULT_ROUTE,
): Promise<RouteMove> {
  const move = { routeTableId, destinationCidrBlock, natGatewayId };
  try {
    await ec2.send(
      new ReplaceRouteCommand({
        RouteTableId: routeTableId,
        DestinationCidrBlock: destinationCidrBlock,
        NatGatewayId: natGatewayId,
      }),
    );
    return { ...move, change: 'replaced' };
  } catch (error) {
    if (awsErrorCode(error) !== NO_SUCH_ROUTE_CODE) throw moveError(move, error);
    return createRoute(ec2, move, error);
  }
}

async function createRoute(
  ec2: EC2Client,
  move: Omit<RouteMove, 'change'>,
  replaceError: unknown,
): Promise<RouteMove> {
  try {
    await ec2.send(
      new CreateRouteCommand({
        RouteTableId: move.routeTableId,
        DestinationCidrBlock: move.destinationCidrBlock,
        NatGatewayId: move.natGatewayId,
      }),
    );
    return { ...move, change: 'created' };
  } catch (error) {
    throw moveError(move, awsErrorCode(error) === ROUTE_EXISTS_CODE ? replaceError : error);
  }
}

/** AWS answers become RouteMoveError; anything else (a crash, a bug) goes on unchanged. */
function moveError(move: Omit<RouteMove, 'change'>, error: unknown): unknown {
  if (!isAwsServiceError(error)) return error;
  const code = awsErrorCode(error);
  const reason = error.message;
  return new RouteMoveError(
    `route table ${move.routeTableId}: cannot point ${move.destinationCidrBlock} at ${move.natGatewayId}: ${code ?? 'error'}: ${reason}`,
    move.routeTableId,
    move.natGatewayId,
    code,
    { cause: error },
  );
}

/** The route tables with a route to the gateway now, with their tags: a fresh read just before acting on it. */
export async function tablesRoutingThrough(
  ec2: EC2Client,
  natGatewayId: string,
): Promise<Array<{ routeTableId: string; tags: Record<string, string> }>> {
  const tables: Array<{ routeTableId: string; tags: Record<string, string> }> = [];
  const pages = paginateDescribeRouteTables(
    { client: ec2, pageSize: ROUTE_TABLE_PAGE_SIZE },
    { Filters: [{ Name: 'route.nat-gateway-id', Values: [natGatewayId] }] },
  );
  for await (const page of pages) {
    for (const table of page.RouteTables ?? []) {
      tables.push({ routeTableId: table.RouteTableId ?? '', tags: tagsOf(table.Tags) });
    }
  }
  return tables;
}
