import { z } from "zod";
import type { AlertDelivery, AlertKind } from "@/lib/generated/prisma";
import { pageNumberSchema } from "@/lib/pagination/schemas";
import { ALERT_KIND_VALUES } from "./kinds";

export const ALERT_DELIVERIES = ["app", "email", "off"] as const satisfies readonly AlertDelivery[];
export const alertKindSchema = z.enum(ALERT_KIND_VALUES, { message: "Choose a kind of alert." });
export const alertDeliverySchema = z.enum(ALERT_DELIVERIES, { message: "Choose in the app only, email digest, or off." });

export const DEFAULT_DIGEST_TIME = "08:00";
export const DEFAULT_DUE_SOON_DAYS = 3;
export const DEFAULT_DELIVERY: AlertDelivery = "email";

export const digestTimeSchema = z
  .string({ message: "Enter a time such as 08:00." })
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: "Enter a time from 00:00 to 23:59, such as 08:00." });

export const dueSoonDaysSchema = z.coerce
  .number({ message: "Enter a number of working days from 1 to 10." })
  .int({ message: "Enter a whole number of working days from 1 to 10." })
  .min(1, { message: "Enter a number of working days from 1 to 10." })
  .max(10, { message: "Enter a number of working days from 1 to 10." });

export const preferencesSchema = z.object(
  Object.fromEntries(ALERT_KIND_VALUES.map((kind) => [kind, alertDeliverySchema])) as Record<AlertKind, typeof alertDeliverySchema>,
);

export const alertSettingsSchema = z.object({
  digestTime: digestTimeSchema,
  dueSoonDays: dueSoonDaysSchema,
  preferences: preferencesSchema,
});
export type AlertSettingsInput = z.infer<typeof alertSettingsSchema>;

export const listNotificationsSchema = z.object({
  page: pageNumberSchema,
  unread: z.boolean().optional(),
});
