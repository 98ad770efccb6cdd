// The egress probe: one HTTPS HEAD through the NAT gateway the probe's subnets route to. Any HTTP answer, even
// an error status, proves packets left and came back; only a timeout or a network error counts as a failure.
import type { ProbeConfig } from '../config/probe-config';

export type ProbeFetch = (
  url: string,
  init: { method: 'HEAD'; signal: AbortSignal; redirect: 'manual' },
) => Promise<{ status: number }>;

export interface ProbeResult {
  natGatewayId: string | null;
  url: string;
  success: boolean;
  status: number | null;
  elapsedMs: number;
  error?: string;
}

export async function probeEgress(
  config: ProbeConfig,
  fetchFn: ProbeFetch,
  clock: () => number = () => performance.now(),
): Promise<ProbeResult> {
  const started = clock();
  const base = { natGatewayId: config.natGatewayId ?? null, url: config.url };
  try {
    const response = await fetchFn(config.url, {
      method: 'HEAD',
      signal: AbortSignal.timeout(config.timeoutMs),
      redirect: 'manual',
    });
    return { ...base, success: true, status: response.status, elapsedMs: clock() - started };
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { ...base, success: false, status: null, elapsedMs: clock() - started, error: reason };
  }
}
