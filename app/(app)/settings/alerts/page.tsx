import type { Metadata } from "next";
import { requireWorkspace } from "@/lib/auth/session";
import { ALERT_KINDS } from "@/lib/alerts/kinds";
import { getAlertSettings } from "@/lib/alerts/settings";
import { AlertSettingsForm } from "@/components/alert-settings-form";
import { AlertCalendarFeed } from "@/components/alert-calendar-feed";
import { calendarFeedAction, saveAlertSettingsAction } from "./actions";

export const metadata: Metadata = { title: "Alert settings" };

export default async function AlertSettingsPage() {
  const { user } = await requireWorkspace();
  const { hasCalendarFeed, ...settings } = await getAlertSettings(user.id);
  return (
    <>
      <h1>Alert settings</h1>
      <p className="lede">
        Choose how you hear about each kind of alert: in the app only (under Notifications), also in a daily email digest, or not at all. These settings are yours alone; they
        apply to every workspace you belong to.
      </p>
      <AlertSettingsForm action={saveAlertSettingsAction} kinds={ALERT_KINDS.map(({ kind, label, when }) => ({ kind, label, when }))} settings={settings} />
      <h2 id="calendar-feed">Calendar feed</h2>
      <p>
        Subscribe to a calendar of every due date and internal review date of your workspaces&apos; open requests, in Google Calendar, Outlook or Apple Calendar. Dates move when
        they change, and disappear when a request is closed.
      </p>
      <AlertCalendarFeed action={calendarFeedAction} hasFeed={hasCalendarFeed} />
    </>
  );
}
