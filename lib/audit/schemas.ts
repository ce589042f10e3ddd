import { z } from "zod";
import { isIsoDate } from "@/lib/deadlines";
import { pageNumberSchema } from "@/lib/pagination/schemas";
import { AUDIT_ACTIONS } from "@/lib/audit/actions";

const DATE_HINT = "Enter a real date, like 31/08/2021.";

/** "31/08/2021", "31/8/2021" or "2021-08-31" (a date picker's value) to "2021-08-31". */
export const ukDateSchema = z
  .string()
  .trim()
  .transform((text, ctx) => {
    const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
    const iso = uk ? `${uk[3]}-${uk[2]!.padStart(2, "0")}-${uk[1]!.padStart(2, "0")}` : text;
    if (!isIsoDate(iso)) {
      ctx.addIssue({ code: "custom", message: DATE_HINT });
      return z.NEVER;
    }
    return iso;
  });

const emptyIsNone = (value: unknown) => (value === "" || value === null ? undefined : value);

/** The audit log's filters as they arrive in the URL; each field is checked on its own. */
export const auditFilterFields = {
  person: z.preprocess(emptyIsNone, z.string().max(100).optional()),
  action: z.preprocess(emptyIsNone, z.enum(AUDIT_ACTIONS as [string, ...string[]], { message: "Choose a kind from the list." }).optional()),
  from: z.preprocess(emptyIsNone, ukDateSchema.optional()),
  to: z.preprocess(emptyIsNone, ukDateSchema.optional()),
  page: pageNumberSchema,
};

export const auditFilterSchema = z.object(auditFilterFields);
export type AuditFilters = z.infer<typeof auditFilterSchema>;
