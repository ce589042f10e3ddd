import { seedBodies } from "@/prisma/seed/bodies";

// How NHS England's response FOI-2108-1525161 wrote each trust's name, by the directory's
// stable body key. The database keeps only official names; these let a pasted copy of the
// response match even where it shortened a name ("Navigo CIC") or used an old one
// ("Southern Health NHS Foundation Trust").
const responseNameByKey = new Map(seedBodies.map((b) => [b.key, b.nameInResponse]));

/** Other names a directory body is known by, for the trust-name matcher. */
export function aliasesForBodyKey(key: string): string[] {
  const name = responseNameByKey.get(key);
  return name ? [name] : [];
}
