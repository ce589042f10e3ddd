import { redirect } from "next/navigation";

// The only settings so far are alert settings.
export default function SettingsPage() {
  redirect("/settings/alerts");
}
