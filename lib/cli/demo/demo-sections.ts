// The parts of `nat-optimizer demo`, in order. Each runs on its own fresh simulated copy of the example account.
import { alertDemo } from './alert-demo';
import { analysisDemo } from './analysis-demo';
import { failoverDemo } from './failover-demo';
import { scheduleDemo } from './schedule-demo';

export interface DemoSection {
  title: string;
  /** Text for the terminal. */
  text: string;
  /** The same part as an HTML fragment, for --format html. */
  html?: string;
}

export type DemoStep = (examplePath: string) => Promise<DemoSection>;

export const DEMO_STEPS: DemoStep[] = [analysisDemo, scheduleDemo, failoverDemo, alertDemo];
