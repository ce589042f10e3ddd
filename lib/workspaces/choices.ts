// Roles and their labels: plain constants, no zod, for server and browser alike.

export const ROLES = ["owner", "editor", "viewer"] as const;

export const roleLabels: Record<(typeof ROLES)[number], string> = {
  owner: "Owner: manages members and everything below",
  editor: "Editor: changes requests, batches and findings",
  viewer: "Viewer: reads only",
};
