import { z } from "zod";

/** A page number from the URL: anything odd ("abc", "-1", "1e9") means page 1. */
export const pageNumberSchema = z.coerce.number().int().min(1).max(10_000).catch(1).default(1);
