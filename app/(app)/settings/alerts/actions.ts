"use server";
// Thin adapters from the alert settings page to lib/alerts. Settings belong to the signed-in
// person: the user id comes from the session, never from the form.
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { submittedValues, type FormState } from "@/lib/auth/form-state";
import { ALERT_KIND_VALUES } from "@/lib/alerts/kinds";
import type { CalendarFeedState } from "@/components/alert-calendar-feed";
import { regenerateCalendarFeed, revokeCalendarFeed, updateAlertSettings } from "@/lib/alerts/settings";

export async function saveAlertSettingsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  // The form's flat "preferences.<kind>" fields, in the nested shape the schema validates.
  const input = {
    digestTime: formData.get("digestTime") ?? "",
    dueSoonDays: formData.get("dueSoonDays") ?? "",
    preferences: Object.fromEntries(ALERT_KIND_VALUES.map((kind) => [kind, formData.get(`preferences.${kind}`) ?? undefined])),
  };
  const result = await updateAlertSettings(user.id, input);
  const values = submittedValues(formData);
  if (!result.ok) return { ok: false, message: "Check the answers marked below. Nothing was saved.", fieldErrors: result.fieldErrors, values };
  revalidatePath("/settings/alerts");
  // The values go back on success too: React resets the form to them after a save.
  return { ok: true, message: "Your alert settings are saved.", values };
}

/** Creates (or replaces) the person's secret calendar feed, or turns it off. */
export async function calendarFeedAction(_previous: CalendarFeedState, formData: FormData): Promise<CalendarFeedState> {
  const user = await requireUser();
  const intent = formData.get("intent");
  if (intent === "revoke") {
    await revokeCalendarFeed(user.id);
    revalidatePath("/settings/alerts");
    return { ok: true, hasFeed: false, message: "Your calendar feed is turned off. Calendars subscribed to it will stop updating." };
  }
  if (intent !== "regenerate") return { ok: false, message: "Choose to create a new address or to turn the feed off." };
  const { url } = await regenerateCalendarFeed(user.id);
  revalidatePath("/settings/alerts");
  return { ok: true, hasFeed: true, url, message: "Your calendar feed is ready. Copy its address now: for your security it is shown only once." };
}
