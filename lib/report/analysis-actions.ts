// What a reader can do about the findings: the tags to set, as data every renderer can show.

import type { AnalysisResult, Finding, GatewayAnalysis } from '../domain/analysis/analysis-result';
import { USER_TAGS } from '../domain/tag-keys';
import { TAG_VALUE_PATTERN } from '../domain/tag-values';
import { gatewaysBySavings, savingOf } from './analysis-summary';

/** Region, gateway, VPC and route-table ids: safe to print unquoted in a shell command. */
export const RESOURCE_ID = /^[A-Za-z0-9-]+$/;

export interface TagSetting {
  key: string;
  value: string;
}

export interface TagSuggestion {
  gateway: GatewayAnalysis;
  tags: TagSetting[];
  estimatedMonthlySavings: number;
  /** An AWS CLI command that sets the tags, when every value is a valid tag value. */
  command: string | null;
}

/** The user-set tags and what each does, for the "how to act" part of a report. */
export const TAG_GUIDE: ReadonlyArray<{ key: string; example: string; meaning: string }> = [
  {
    key: USER_TAGS.schedule,
    example: 'Mon-Fri@07:00-19:00',
    meaning: 'windows when the gateway must be up; outside them it is parked (deleted, EIP kept)',
  },
  {
    key: USER_TAGS.timezone,
    example: 'Europe/Berlin',
    meaning: 'IANA time zone of the schedule (default UTC)',
  },
  {
    key: USER_TAGS.offHours,
    example: 'consolidate',
    meaning: "off-hours, route through the VPC's gateway in another AZ instead of cutting egress",
  },
  {
    key: USER_TAGS.failover,
    example: 'on',
    meaning: 'when its health alarm fires, move its route tables to a healthy gateway in another AZ',
  },
];

/** `aws ec2 create-tags …`, or null when a value could break out of its shell quotes. */
export function createTagsCommand(region: string, gatewayId: string, tags: TagSetting[]): string | null {
  const safe =
    tags.every((tag) => tag.value !== '' && TAG_VALUE_PATTERN.test(tag.value)) &&
    RESOURCE_ID.test(region) &&
    RESOURCE_ID.test(gatewayId);
  if (!safe) return null;
  const tagArgs = tags.map((tag) => `'Key=${tag.key},Value=${tag.value}'`).join(' ');
  return `aws ec2 create-tags --region ${region} --resources ${gatewayId} --tags ${tagArgs}`;
}

/** The tags a finding proposes: a schedule, and its time zone when the schedule is not in UTC. */
export function proposedTags(finding: Finding): TagSetting[] {
  if (finding.proposedSchedule === undefined || finding.proposedSchedule === '') return [];
  const tags: TagSetting[] = [{ key: USER_TAGS.schedule, value: finding.proposedSchedule }];
  const timezone = finding.details?.timezone;
  if (typeof timezone === 'string' && timezone !== '' && timezone !== 'UTC') {
    tags.push({ key: USER_TAGS.timezone, value: timezone });
  }
  return tags;
}

/** "nat-optimizer:schedule=Mon-Fri@07:00-19:00, nat-optimizer:timezone=Europe/Berlin" */
export function formatTags(tags: TagSetting[]): string {
  return tags.map((tag) => `${tag.key}=${tag.value}`).join(', ');
}

/** One suggestion per gateway with an OFF_HOURS_CANDIDATE finding that proposes a schedule. */
export function tagSuggestions(result: AnalysisResult): TagSuggestion[] {
  const suggestions = gatewaysBySavings(result).flatMap((gateway) => {
    const candidate = gateway.findings.find(
      (f) => f.code === 'OFF_HOURS_CANDIDATE' && proposedTags(f).length > 0,
    );
    if (candidate === undefined) return [];
    const tags = proposedTags(candidate);
    return [
      {
        gateway,
        tags,
        estimatedMonthlySavings: savingOf(candidate),
        command: createTagsCommand(result.region, gateway.natGatewayId, tags),
      },
    ];
  });
  return suggestions.sort((a, b) => b.estimatedMonthlySavings - a.estimatedMonthlySavings);
}
