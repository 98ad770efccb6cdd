// The user-set tags (design Contract 1) that the analysis reads.
export const SCHEDULE_TAG = 'nat-optimizer:schedule';
export const TIMEZONE_TAG = 'nat-optimizer:timezone';
export const OFF_HOURS_TAG = 'nat-optimizer:off-hours';
export const FAILOVER_TAG = 'nat-optimizer:failover';

export const OFF_HOURS_MODES = ['park', 'consolidate'] as const;
export const FAILOVER_VALUES = ['on', 'off'] as const;
