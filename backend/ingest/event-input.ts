// What a journey event looks like on the wire.
import { z } from 'zod';

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})$/;

export const eventInputSchema = z.strictObject({
  status: z.enum(['received', 'assigned', 'in_progress', 'on_hold', 'resolved', 'closed', 'cancelled']).optional(),
  stage: z.string().optional(),
  progress_pct: z.number().int('must be a whole number').min(0, 'must be 0–100').max(100, 'must be 0–100').optional(),
  advisor: z.string().optional(),
  actor: z.string().trim().min(1).max(200).optional(),
  note: z.string().max(4000, 'must be at most 4000 characters').optional(),
  first_response: z.boolean().optional(),
  satisfaction: z.number().int('must be a whole number').min(1, 'must be 1–5').max(5, 'must be 1–5').optional(),
  occurred_at: z.string().regex(ISO_WITH_ZONE, 'must be an ISO 8601 time with a zone')
    .refine((s) => !Number.isNaN(Date.parse(s)), 'is not a real date and time')
    .refine((s) => Date.parse(s) <= Date.now() + 5 * 60_000, 'is in the future')
    .optional(),
});

export type EventInput = z.infer<typeof eventInputSchema>;
