// The parts of `nat-optimizer demo`, in order. Each runs on its own fresh simulated copy of the example account.
import { alertDemo } from './alert-demo';
import { analysisDemo } from './analysis-demo';
import type { DemoStep } from './demo-section';
import { failoverDemo } from './failover-demo';
import { scheduleDemo } from './schedule-demo';

export const DEMO_STEPS: DemoStep[] = [analysisDemo, scheduleDemo, failoverDemo, alertDemo];
