import { z } from "zod";

// Length beats composition rules (NCSC password guidance); 12 is the floor.
export const newPasswordSchema = z
  .string()
  .min(12, "Use at least 12 characters.")
  .max(200, "Use at most 200 characters.");
