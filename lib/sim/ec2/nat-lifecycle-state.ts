// Time-driven NAT gateway states: pending → available|failed, deleting → deleted, then gone.
// The schedule lives in a side map so snapshots only carry what AWS shows (state, createTime, deleteTime).
import { MS_PER_SECOND } from '../../domain/time-units';
import type { SimAccount } from '../sim-account';
import type { SnapshotNatGateway } from '../snapshot-schema';
import { removeOwnRouteTable } from './regional-route-table';

/** AWS removes a failed gateway from describe results after about an hour. */
export const FAILED_VISIBLE_SECONDS = 3600;

/** States in which a gateway holds its Elastic IPs, counts against the AZ quota and is billed. */
export const LIVE_STATES: ReadonlySet<string> = new Set(['pending', 'available', 'deleting']);

interface Transition {
  at: number;
  to: 'available' | 'failed' | 'deleted' | 'gone';
  failureCode?: string;
}

export function isoAt(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

export class NatLifecycle {
  private readonly upcoming = new Map<string, Transition>();

  constructor(private readonly sim: SimAccount) {
    const now = sim.now().getTime();
    for (const gateway of sim.state.natGateways) this.scheduleFromSnapshot(gateway, now);
  }

  private scheduleFromSnapshot(gateway: SnapshotNatGateway, now: number): void {
    const { timings } = this.sim;
    const created = Date.parse(gateway.createTime);
    if (gateway.state === 'pending') {
      const at = created + timings.natProvisionSeconds * MS_PER_SECOND;
      const failureCode = gateway.failureCode;
      this.upcoming.set(
        gateway.natGatewayId,
        failureCode ? { at, to: 'failed', failureCode } : { at, to: 'available' },
      );
    } else if (gateway.state === 'deleting') {
      this.upcoming.set(gateway.natGatewayId, {
        at: now + timings.natDeletionSeconds * MS_PER_SECOND,
        to: 'deleted',
      });
    } else if (gateway.state === 'deleted') {
      const deleted = gateway.deleteTime ? Date.parse(gateway.deleteTime) : now;
      this.upcoming.set(gateway.natGatewayId, {
        at: deleted + timings.deletedVisibleSeconds * MS_PER_SECOND,
        to: 'gone',
      });
    } else if (gateway.state === 'failed') {
      this.upcoming.set(gateway.natGatewayId, {
        at: created + FAILED_VISIBLE_SECONDS * MS_PER_SECOND,
        to: 'gone',
      });
    }
  }

  /** A new gateway: available after the provisioning time, or failed with `failureCode`. */
  provision(gateway: SnapshotNatGateway, failureCode?: string): void {
    const at = Date.parse(gateway.createTime) + this.sim.timings.natProvisionSeconds * MS_PER_SECOND;
    this.upcoming.set(
      gateway.natGatewayId,
      failureCode ? { at, to: 'failed', failureCode } : { at, to: 'available' },
    );
  }

  beginDeletion(gateway: SnapshotNatGateway): void {
    gateway.state = 'deleting';
    const at = this.sim.now().getTime() + this.sim.timings.natDeletionSeconds * MS_PER_SECOND;
    this.upcoming.set(gateway.natGatewayId, { at, to: 'deleted' });
  }

  /** A pending gateway that will end `failed`: it holds no address. */
  isDoomed(natGatewayId: string): boolean {
    return this.upcoming.get(natGatewayId)?.to === 'failed';
  }

  /** The gateway that holds an Elastic IP now, if any (association is derived, per Contract 2). */
  holderOf(allocationId: string): SnapshotNatGateway | undefined {
    return this.sim.state.natGateways.find(
      (gateway) =>
        LIVE_STATES.has(gateway.state) &&
        !this.isDoomed(gateway.natGatewayId) &&
        (gateway.allocationId === allocationId ||
          (gateway.secondaryAllocationIds ?? []).includes(allocationId) ||
          (gateway.availabilityZoneAddresses ?? []).some((zone) =>
            zone.allocationIds.includes(allocationId),
          )),
    );
  }

  settle(): void {
    const now = this.sim.now().getTime();
    for (const gateway of [...this.sim.state.natGateways]) {
      for (let next = this.upcoming.get(gateway.natGatewayId); next && next.at <= now; ) {
        next = this.apply(gateway, next);
      }
    }
  }

  private apply(gateway: SnapshotNatGateway, transition: Transition): Transition | undefined {
    const { timings, state } = this.sim;
    let next: Transition | undefined;
    if (transition.to === 'available') {
      gateway.state = 'available';
    } else if (transition.to === 'failed') {
      gateway.state = 'failed';
      gateway.failureCode = transition.failureCode;
      next = { at: transition.at + FAILED_VISIBLE_SECONDS * MS_PER_SECOND, to: 'gone' };
    } else if (transition.to === 'deleted') {
      gateway.state = 'deleted';
      removeOwnRouteTable(this.sim, gateway);
      gateway.deleteTime = isoAt(transition.at);
      next = { at: transition.at + timings.deletedVisibleSeconds * MS_PER_SECOND, to: 'gone' };
    } else {
      state.natGateways.splice(state.natGateways.indexOf(gateway), 1);
    }
    if (next) this.upcoming.set(gateway.natGatewayId, next);
    else this.upcoming.delete(gateway.natGatewayId);
    return next;
  }
}
