// Every workaround for Prisma 6's JS schema engine lives here, so it can be deleted
// when upstream fixes it. Used only by prisma.config.ts (migrations), not at runtime.
import pg from "pg";

type QueryResultLike = { fields?: Array<{ dataTypeID: number }> };

// Postgres catalog types `char` (oid 18) and `name` (oid 19) appear in the schema
// engine's introspection queries; @prisma/adapter-pg rejects them ("Column type 'name'
// could not be deserialized", prisma/prisma#27403). Report them as `text` (oid 25).
function catalogTypesAsText<T>(result: T): T {
  const fields = (result as QueryResultLike | undefined)?.fields;
  if (Array.isArray(fields)) {
    for (const field of fields) {
      if (field.dataTypeID === 18 || field.dataTypeID === 19) field.dataTypeID = 25;
    }
  }
  return result;
}

export class CatalogTypesAsTextClient extends pg.Client {
  // pg's overloads cannot be re-declared generically; the arguments are passed through untouched.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query(...args: any[]): any {
    const last = args[args.length - 1];
    if (typeof last === "function") {
      args[args.length - 1] = (err: Error | null, res: unknown) => last(err, err ? res : catalogTypesAsText(res));
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      return (super.query as any)(...args);
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const out = (super.query as any)(...args);
    return out && typeof out.then === "function" ? out.then(catalogTypesAsText) : out;
  }
}

// The schema engine's shadow pool connects to the main database when given a
// connectionString; discrete fields avoid that.
export function discreteConnectionFields(url: string): pg.PoolConfig {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.replace(/^\//, "")),
  };
}
