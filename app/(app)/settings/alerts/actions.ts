"use server";
// Thin adapters from the alert settings page to lib/alerts. Settings belong to the signed-in
// person: the user id comes from the session, never from the form.
import { z } from "zod";
import { userAction } from "@/lib/auth/workspace-action";
import { submittedValues } from "@/lib/auth/form-state";
import { anyForm } from "@/lib/edge/define-action";
import { ALERT_KIND_VALUES } from "@/lib/alerts/kinds";
import type { CalendarFeedState } from "@/components/alert-calendar-feed";
import { regenerateCalendarFeed, revokeCalendarFeed, updateAlertSettings } from "@/lib/alerts/settings";

/** The form's flat "preferences.<kind>" fields, in the nested shape the schema validates; the typed values ride along. */
function readAlertSettings(formData: FormData) {
  return {
    digestTime: formData.get("digestTime") ?? "",
    dueSoonDays: formData.get("dueSoonDays") ?? "",
    preferences: Object.fromEntries(ALERT_KIND_VALUES.map((kind) => [kind, formData.get(`preferences.${kind}`) ?? undefined])),
    values: submittedValues(formData),
  };
}

export const saveAlertSettingsAction = userAction(
  anyForm,
  async (user, { values, ...input }) => {
    const result = await updateAlertSettings(user.id, input);
    const typed = values as Record<string, string>;
    if (!result.ok) return { ok: false, message: "Check the answers marked below. Nothing was saved.", fieldErrors: result.fieldErrors, values: typed };
    // The values go back on success too: React resets the form to them after a save.
    return { ok: true, message: "Your alert settings are saved.", values: typed, revalidate: ["/settings/alerts"] };
  },
  { read: readAlertSettings },
);

/** Creates (or replaces) the person's secret calendar feed, or turns it off. */
export const calendarFeedAction = userAction<z.ZodType<{ intent?: unknown }>, CalendarFeedState>(z.object({ intent: z.unknown() }), async (user, { intent }) => {
  if (intent === "revoke") {
    await revokeCalendarFeed(user.id);
    return { ok: true, hasFeed: false, message: "Your calendar feed is turned off. Calendars subscribed to it will stop updating.", revalidate: ["/settings/alerts"] };
  }
  if (intent !== "regenerate") return { ok: false, message: "Choose to create a new address or to turn the feed off." };
  const { url } = await regenerateCalendarFeed(user.id);
  return {
    ok: true,
    hasFeed: true,
    url,
    message: "Your calendar feed is ready. Copy its address now: for your security it is shown only once.",
    revalidate: ["/settings/alerts"],
  };
});
