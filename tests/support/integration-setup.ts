import { inject } from "vitest";

// Before any lib/ module reads the environment.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.APP_ENV = "test";
process.env.NEXTAUTH_SECRET ??= "integration-tests-secret-integration-tests-secret";
delete process.env.SMTP_URL;
delete process.env.FOI_NOW;
