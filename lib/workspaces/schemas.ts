import { z } from "zod";
import { newPasswordSchema } from "@/lib/auth/password-rules";
import { ROLES } from "@/lib/workspaces/choices";
// Plain constants live in choices.ts (no zod), so client forms can import them without zod in the browser.
export * from "@/lib/workspaces/choices";

export const emailSchema = z.string().trim().toLowerCase().email("Enter an email address, like name@example.org.").max(320, "That email address is too long.");

export const createUserSchema = z.object({
  email: emailSchema,
  name: z.string().trim().max(200).optional(),
  workspace: z.string().trim().min(1, "Name the workspace (its name or slug)."),
  role: z.enum(ROLES, { message: "Role must be owner, editor or viewer." }),
  password: newPasswordSchema.optional(),
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const inviteSchema = z.object({
  email: emailSchema,
  role: z.enum(ROLES, { message: "Choose owner, editor or viewer." }),
});

export const acceptInvitationSchema = z.object({
  token: z.string().min(20).max(200),
  name: z.string().trim().min(1, "Enter your name.").max(200, "Use at most 200 characters."),
  password: newPasswordSchema,
});

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().max(200).optional(),
    newPassword: newPasswordSchema,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "The two new passwords do not match." });

// Empty clears it: replies then go to whoever sent the batch.
export const mailboxSchema = z.object({
  mailbox: z.union([z.literal(""), emailSchema]).transform((v) => (v === "" ? null : v)),
});

// Owners managing people: ids come from the page's forms and are looked up with the workspace.
const idSchema = z.string().trim().min(1, "Choose a person.").max(100);
const confirmSchema = (message: string) => z.literal("yes", { message });

export const changeRoleSchema = z.object({
  membershipId: idSchema,
  role: z.enum(ROLES, { message: "Choose owner, editor or viewer." }),
});

export const removeMemberSchema = z.object({
  membershipId: idSchema,
  confirm: confirmSchema("Tick the box to confirm the removal."),
});

export const revokeInvitationSchema = z.object({
  invitationId: z.string().trim().min(1).max(100),
});

export const transferOwnershipSchema = z.object({
  membershipId: idSchema,
  // Checked: the owner handing over becomes an editor in the same step.
  stepDown: z.literal("yes").optional(),
  confirm: confirmSchema("Tick the box to confirm the handover."),
});
