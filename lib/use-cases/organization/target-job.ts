// One job on one account/region of an organisation run: the same use-case the single-account stack runs, its
// outcome reduced to the organisation report's entry. Nothing is published per target: the hub sends one message.
import type { JobConfig } from '../../config';
import type { CostAlertResult } from '../../domain/alerts/alert-result';
import { gatewaySavings } from '../../domain/analysis/analysis';
import type { AnalysisResult } from '../../domain/analysis/analysis-result';
import { NO_ATTRIBUTION, type TrafficAttribution } from '../../domain/analysis/traffic-attribution';
import type { DoneTarget, OrgGateway } from '../../domain/organization/org-result';
import type { OrgJob, OrgTarget } from '../../domain/organization/org-targets';
import type { ScheduleResult } from '../../domain/scheduler/schedule-result';
import type { Runtime } from '../../runtime';
import { runCostAlert } from '../alerts/cost-alert';
import { runNightlyAnalysis } from '../analysis/analyze';
import { runSchedule } from '../scheduler/schedule';

export interface TargetJobOptions {
  job: OrgJob;
  /** Where S3/DynamoDB traffic comes from on this target (the snapshot's figures on a simulated account). */
  attribution?: TrafficAttribution;
  /** alert: the day (YYYY-MM-DD); default the last full day. */
  date?: string;
  /** schedule: seconds left before the invocation must end. */
  secondsLeft?: () => number;
}

/** What one target's job reads: the sections of the three jobs (lib/config/jobs.ts `orgTarget`). */
export type TargetConfig = JobConfig<'orgTarget'>;

type TargetOutcome = Omit<DoneTarget, keyof OrgTarget | 'status'>;

/** The target's own config without a topic: per-target reports and alerts are not published. */
function withoutTopic(config: TargetConfig): TargetConfig {
  const { topicArn: _topic, ...core } = config.core;
  return { ...config, core };
}

export function analysisOutcome(result: AnalysisResult, taggedGateways: number): TargetOutcome {
  const natGateways: OrgGateway[] = result.natGateways.map((g) => ({
    natGatewayId: g.natGatewayId,
    name: g.name,
    state: g.state,
    cost: g.cost.total,
    projectedMonthlyCost: g.projectedMonthlyCost,
    estimatedMonthlySavings: gatewaySavings(g.findings),
    findings: [...new Set(g.findings.map((f) => f.code))],
  }));
  return {
    natGateways,
    totals: result.totals,
    summary: {
      findings: result.natGateways.reduce((n, g) => n + g.findings.length, 0),
      taggedGateways,
    },
    warnings: result.warnings,
  };
}

function scheduleOutcome(result: ScheduleResult): TargetOutcome {
  return {
    natGateways: result.actions.map((a) => ({
      natGatewayId: a.natGatewayId,
      name: a.newNatGatewayId ? `${a.natGatewayId} -> ${a.newNatGatewayId}` : a.natGatewayId,
      state: a.result,
      cost: 0,
      projectedMonthlyCost: 0,
      estimatedMonthlySavings: 0,
      action: a.action,
      result: a.result,
      reason: a.reason,
    })),
    totals: { cost: 0, projectedMonthlyCost: 0, estimatedMonthlySavings: 0 },
    summary: { ...result.summary },
    warnings: result.actions
      .filter((a) => a.result === 'failed')
      .map((a) => `${a.action} ${a.natGatewayId} failed: ${a.reason}`),
  };
}

function alertOutcome(result: CostAlertResult): TargetOutcome {
  return {
    natGateways: result.gateways.map((g) => ({
      natGatewayId: g.natGatewayId,
      name: g.name,
      state: `${g.baselineDays} history days`,
      cost: g.dayCost,
      projectedMonthlyCost: g.projectedMonthEnd,
      estimatedMonthlySavings: 0,
    })),
    totals: {
      cost: result.totals.dayCost,
      projectedMonthlyCost: result.totals.projectedMonthEnd,
      estimatedMonthlySavings: 0,
    },
    summary: { alerts: result.alerts.length, suppressed: result.suppressed.length },
    warnings: [...result.warnings, ...result.tagProblems.map((p) => p.message)],
    alerts: result.alerts.map((a) => ({
      natGatewayId: a.natGatewayId,
      kind: a.kind,
      severity: a.severity,
      cost: a.cost,
      excess: a.excess,
      subject: a.subject,
      message: a.message,
    })),
    remember: result.record ?? [],
  };
}

export async function runTargetJob(
  target: OrgTarget,
  runtime: Runtime,
  config: TargetConfig,
  options: TargetJobOptions,
): Promise<DoneTarget> {
  const targetConfig = withoutTopic(config);
  let outcome: TargetOutcome;
  if (options.job === 'analyze') {
    const run = await runNightlyAnalysis(runtime, targetConfig, options.attribution ?? NO_ATTRIBUTION);
    outcome = analysisOutcome(run.result, run.taggedGateways);
  } else if (options.job === 'schedule') {
    const secondsLeft = options.secondsLeft;
    outcome = scheduleOutcome(await runSchedule(runtime, targetConfig, secondsLeft ? { secondsLeft } : {}));
  } else {
    const result = await runCostAlert(runtime, targetConfig, {
      collect: true,
      attribution: options.attribution ?? NO_ATTRIBUTION,
      ...(options.date ? { date: options.date } : {}),
    });
    outcome = alertOutcome(result);
  }
  return { accountId: target.accountId, region: target.region, status: 'done', ...outcome };
}
