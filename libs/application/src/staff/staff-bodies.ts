import { z } from 'zod';
import { id, occurredAt, staffRole, text } from '../shared/common-schemas.js';

const roles = z
  .array(staffRole)
  .min(1)
  .max(8)
  .transform((r) => [...new Set(r)]);
const skillLevel = z.number().int().min(1).max(5);

export const registerStaffBody = z.strictObject({
  staffId: id,
  name: text(200),
  roles,
  skillLevel,
  ...occurredAt,
});
export type RegisterStaffBody = z.infer<typeof registerStaffBody>;

export const changeStaffBody = z
  .strictObject({
    roles: roles.optional(),
    skillLevel: skillLevel.optional(),
    active: z.boolean().optional(),
    ...occurredAt,
  })
  .refine((b) => b.roles !== undefined || b.skillLevel !== undefined || b.active !== undefined, {
    message: 'Give at least one of roles, skillLevel, active',
    path: ['roles'],
  });
export type ChangeStaffBody = z.infer<typeof changeStaffBody>;
