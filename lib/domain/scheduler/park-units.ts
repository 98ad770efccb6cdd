// What the scheduler reconciles: one unit per opted-in gateway, live or parked, assembled from tags alone.

import type { ElasticIp, Inventory, NatGateway, RouteTable, Tags } from '../model';
import { PARK_TAGS, RESTORES_TAG, USER_TAGS } from '../tag-keys';
import { type ParkRecord, ParkRecordError, readRecord } from './park-record';

import { TagCodecError } from './park-tag-codec';

export type RecordHolder =
  | { kind: 'elastic-ip'; allocationId: string }
  | { kind: 'route-tables'; routeTableIds: string[] };

export interface ParkUnit {
  /** The live gateway's id, or the parked gateway's former id. */
  natGatewayId: string;
  /** The gateway with that id, in whatever state describe shows it (absent once AWS forgets it). */
  gateway?: NatGateway;
  record?: ParkRecord;
  holder?: RecordHolder;
  /** Tags of the resources holding the record (or, for a live public gateway, of its EIP). */
  holderTags: Tags[];
  /** Gateways created to replace this one (tag nat-optimizer:restores), newest first. */
  replacements: NatGateway[];
  /** Route tables tagged as having pointed at this gateway before it was parked. */
  recordedTables: RouteTable[];
  /** A damaged record: the unit is reported and left alone. */
  problem?: string;
}

export function isOptedIn(tags: Tags): boolean {
  return tags[USER_TAGS.schedule] !== undefined;
}

function readSafely(tags: Tags, where: string): { record?: ParkRecord; problem?: string } {
  try {
    const record = readRecord(tags, where);
    return record ? { record } : {};
  } catch (error) {
    if (error instanceof ParkRecordError || error instanceof TagCodecError) return { problem: error.message };
    throw error;
  }
}

export function buildUnits(inventory: Inventory): ParkUnit[] {
  const units = new Map<string, ParkUnit>();
  const unitFor = (natGatewayId: string): ParkUnit => {
    const existing = units.get(natGatewayId);
    if (existing) return existing;
    const unit: ParkUnit = { natGatewayId, holderTags: [], replacements: [], recordedTables: [] };
    const gateway = inventory.natGateways.find((g) => g.natGatewayId === natGatewayId);
    if (gateway) unit.gateway = gateway;
    unit.recordedTables = inventory.routeTables.filter(
      (t) => t.tags[PARK_TAGS.parkedGateway] === natGatewayId,
    );
    units.set(natGatewayId, unit);
    return unit;
  };
  for (const eip of inventory.elasticIps) addEipRecord(eip, unitFor);
  addTableRecords(inventory.routeTables, unitFor);
  for (const gateway of inventory.natGateways) {
    const restores = gateway.tags[RESTORES_TAG];
    const parked = restores ? units.get(restores) : undefined;
    if (parked?.record || parked?.problem) continue;
    if (gateway.state !== 'pending' && gateway.state !== 'available') continue;
    if (isOptedIn(gateway.tags)) unitFor(gateway.natGatewayId);
  }
  for (const unit of units.values()) {
    unit.replacements = inventory.natGateways
      .filter((g) => g.tags[RESTORES_TAG] === unit.natGatewayId && g.natGatewayId !== unit.natGatewayId)
      .sort((a, b) => (b.createTime?.getTime() ?? 0) - (a.createTime?.getTime() ?? 0));
    if (!unit.holder && unit.gateway?.allocationId) {
      const eip = inventory.elasticIps.find((e) => e.allocationId === unit.gateway?.allocationId);
      if (eip) unit.holderTags = [eip.tags];
    }
    if (!unit.holder && unit.gateway?.connectivityType === 'private') {
      unit.holderTags = unit.recordedTables.map((t) => t.tags);
    }
  }
  return [...units.values()].sort((a, b) => a.natGatewayId.localeCompare(b.natGatewayId));
}

function addEipRecord(eip: ElasticIp, unitFor: (id: string) => ParkUnit): void {
  const id = eip.tags[PARK_TAGS.parkedGateway];
  if (id === undefined) return;
  const { record, problem } = readSafely(eip.tags, `Elastic IP ${eip.allocationId}`);
  if (!record && !problem) return;
  const unit = unitFor(record?.natGatewayId ?? id);
  unit.holder = { kind: 'elastic-ip', allocationId: eip.allocationId };
  unit.holderTags = [eip.tags];
  if (record) unit.record = record;
  if (problem) unit.problem = problem;
}

/** A private gateway's full record sits on each of its route tables; one readable copy is enough. */
function addTableRecords(tables: RouteTable[], unitFor: (id: string) => ParkUnit): void {
  for (const table of tables) {
    const id = table.tags[PARK_TAGS.parkedGateway];
    if (id === undefined || table.tags[PARK_TAGS.parkedAt] === undefined) continue;
    const unit = unitFor(id);
    if (unit.holder?.kind === 'elastic-ip') continue;
    const ids = unit.holder?.kind === 'route-tables' ? unit.holder.routeTableIds : [];
    unit.holder = { kind: 'route-tables', routeTableIds: [...ids, table.routeTableId] };
    unit.holderTags.push(table.tags);
    if (unit.record) continue;
    const { record, problem } = readSafely(table.tags, `route table ${table.routeTableId}`);
    if (record) {
      unit.record = record;
      delete unit.problem;
    } else if (problem) unit.problem = problem;
  }
}
