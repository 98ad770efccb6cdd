// Where a benchmark ran: printed with every figure so numbers from different machines are not compared blindly.

import { arch, availableParallelism, cpus, loadavg, platform, totalmem } from 'node:os';
import { GIB } from '../lib/domain/pricing/cost-model';

export function machineLine(): string {
  const model = cpus()[0]?.model.trim() ?? 'unknown CPU';
  return (
    `${availableParallelism()} CPUs (nproc; ${model}), ${(totalmem() / GIB).toFixed(1)} GiB RAM, ` +
    `${platform()} ${arch()}, Node ${process.version}; load average ${loadavg()[0]?.toFixed(1)} when started`
  );
}

export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}
