// 人脸校对 and 可疑报到: a clerk's decision on a held check-in, or the clearing of a door alarm, always with a reason.
import { Type, type Static } from '@sinclair/typebox';
import { Text } from './common';

export const ReviewReason = Type.Object({ reason: Text(200) }, { additionalProperties: false });
export type ReviewReason = Static<typeof ReviewReason>;
