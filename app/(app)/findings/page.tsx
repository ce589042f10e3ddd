import type { Metadata } from "next";
import { requireWorkspace } from "@/lib/auth/session";
import { NotBuiltYet } from "@/components/not-built-yet";

export const metadata: Metadata = { title: "Findings" };

export default async function FindingsPage() {
  await requireWorkspace();
  return (
    <NotBuiltYet
      title="Findings"
      what="Coding each response's answers to your research questions, with a findings table, charts and exports, is not built yet."
      meanwhile="Meanwhile, responses and their texts are kept with each request."
    />
  );
}
