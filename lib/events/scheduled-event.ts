// EventBridge "Scheduled Event" (cron rules). zod/mini keeps the Lambda bundles small (full zod adds ~450 KB).
import * as z from 'zod/mini';

export const scheduledEventSchema = z.object({
  'detail-type': z.literal('Scheduled Event'),
  source: z.literal('aws.events'),
  time: z.iso.datetime({ offset: true }),
  resources: z.array(z.string()),
  detail: z.record(z.string(), z.unknown()),
});

export type ScheduledEvent = z.infer<typeof scheduledEventSchema>;
