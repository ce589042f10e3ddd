"use server";
// Import a WhatDoTheyKnow request by its address: the service reads the site and writes it in one transaction.
import { z } from "zod";
import { workspaceAction } from "@/lib/auth/workspace-action";
import { importRequest } from "@/lib/whatdotheyknow/import-request";

export const importWdtkRequestAction = workspaceAction(z.looseObject({ url: z.string().catch("") }), async (actor, { url }) => {
  const result = await importRequest(actor, { url });
  return { ok: true, revalidate: ["/requests", `/requests/${result.requestId}`], redirectTo: `/requests/${encodeURIComponent(result.requestId)}?imported=${result.created ? "new" : "again"}` };
});
