import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
import { CatalogTypesAsTextClient, discreteConnectionFields } from "./lib/db/prisma-workarounds";

// The CLI runs on the bundled WebAssembly schema engine: no native engine is downloaded.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  async adapter() {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: run migrations through `npm run db:migrate`, which starts the embedded PostgreSQL.");
    return new PrismaPg({ ...discreteConnectionFields(url), Client: CatalogTypesAsTextClient });
  },
});
