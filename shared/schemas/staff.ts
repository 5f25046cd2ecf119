// Staff sign-in and accounts (admin, clerk, chair).
import { Type, type Static } from '@sinclair/typebox';
import { Text } from './common';

export const StaffRole = Type.Union([Type.Literal('admin'), Type.Literal('clerk'), Type.Literal('chair')]);
/** Letters (Latin or Chinese, e.g. 王秘书), digits, _ . - : no spaces or symbols that look alike on a login screen. */
export const Username = Type.String({ minLength: 2, maxLength: 32, pattern: '^[A-Za-z0-9_.\\-\\u3400-\\u4dbf\\u4e00-\\u9fff]+$' });
/** Long enough to resist guessing at the login rate limit; no composition rules (NIST SP 800-63B). */
export const NewPassword = Type.String({ minLength: 10, maxLength: 200 });

export const Login = Type.Object(
  { username: Type.String({ minLength: 1, maxLength: 32 }), password: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
export type Login = Static<typeof Login>;

export const ChangePassword = Type.Object(
  { currentPassword: Type.String({ minLength: 1, maxLength: 200 }), newPassword: NewPassword },
  { additionalProperties: false },
);
export type ChangePassword = Static<typeof ChangePassword>;

export const CreateStaff = Type.Object(
  { username: Username, displayName: Text(50), role: StaffRole },
  { additionalProperties: false },
);
export type CreateStaff = Static<typeof CreateStaff>;

export const UpdateStaff = Type.Object(
  { displayName: Type.Optional(Text(50)), role: Type.Optional(StaffRole), disabled: Type.Optional(Type.Boolean()) },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateStaff = Static<typeof UpdateStaff>;
