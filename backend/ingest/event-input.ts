// What a journey event looks like on the wire.
import { z } from 'zod';

import { instantString } from './instant-schema.ts';

export const eventInputSchema = z.strictObject({
  status: z.enum(['received', 'assigned', 'in_progress', 'on_hold', 'resolved', 'closed', 'cancelled']).optional(),
  stage: z.string().optional(),
  progress_pct: z.number().int('must be a whole number').min(0, 'must be 0–100').max(100, 'must be 0–100').optional(),
  advisor: z.string().optional(),
  actor: z.string().trim().min(1).max(200).optional(),
  note: z.string().max(4000, 'must be at most 4000 characters').optional(),
  first_response: z.boolean().optional(),
  satisfaction: z.number().int('must be a whole number').min(1, 'must be 1–5').max(5, 'must be 1–5').optional(),
  occurred_at: instantString({ futureToleranceMs: 5 * 60_000 }).optional(),
});

export type EventInput = z.infer<typeof eventInputSchema>;
