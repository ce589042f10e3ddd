import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ConflictError, DomainError, ForbiddenError, InvalidError, NotFoundError, asDomainError } from "@/lib/auth/errors";
import { BatchStateError, BatchValidationError } from "@/lib/batches/errors";
import { formStateForError, orNotFound, responseForError } from "@/lib/edge/domain-error-map";
import { defineAction, noFields, readFormWithLists, withoutState } from "@/lib/edge/define-action";
import { route } from "@/lib/http/route";
import type { FormState } from "@/lib/auth/form-state";

// Each kind of refusal, as a form shows it and as a route handler answers it.
const cases: Array<[string, DomainError, FormState, number, string]> = [
  ["not found", new NotFoundError(), { ok: false, message: "Not found." }, 404, "Not found"],
  ["not found, whatever the message says", new NotFoundError("No such batch in your workspace."), { ok: false, message: "No such batch in your workspace." }, 404, "Not found"],
  ["forbidden", new ForbiddenError("Only an owner can do this."), { ok: false, message: "Only an owner can do this." }, 403, "Only an owner can do this."],
  [
    "invalid, with field errors",
    new InvalidError({ sentOn: ["Enter a real date."] }),
    { ok: false, message: "Check the answers marked below.", fieldErrors: { sentOn: ["Enter a real date."] } },
    400,
    "Check the answers marked below.",
  ],
  ["conflict", new ConflictError("This batch has already been sent."), { ok: false, message: "This batch has already been sent." }, 409, "This batch has already been sent."],
  ["a batch in the wrong state is a conflict", new BatchStateError("Only a draft can be changed."), { ok: false, message: "Only a draft can be changed." }, 409, "Only a draft can be changed."],
  [
    "a refused batch input is invalid",
    new BatchValidationError({ letter: ["Did you mean {{body.name}}?"] }),
    { ok: false, message: "Check the answers marked below.", fieldErrors: { letter: ["Did you mean {{body.name}}?"] } },
    400,
    "Check the answers marked below.",
  ],
];

describe("one DomainError, mapped in one place", () => {
  it.each(cases)("%s: form state and HTTP status", async (_name, error, state, status, body) => {
    expect(formStateForError(error)).toEqual(state);
    const response = responseForError(error);
    expect(response.status).toBe(status);
    expect(await response.text()).toBe(body);
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
  });

  it("keeps the existing instanceof checks true", () => {
    expect(new NotFoundError()).toBeInstanceOf(Error);
    expect(new BatchStateError("x")).toBeInstanceOf(ConflictError);
    expect(new BatchValidationError({})).toBeInstanceOf(InvalidError);
  });

  it("treats a service's ZodError as invalid input, with its field errors", () => {
    const parsed = z.object({ email: z.email("Enter an email address.") }).safeParse({ email: "nope" });
    if (parsed.success) throw new Error("expected a refusal");
    const refusal = asDomainError(parsed.error);
    expect(refusal?.kind).toBe("invalid");
    expect(refusal?.fieldErrors).toEqual({ email: ["Enter an email address."] });
  });

  it("leaves a real fault alone", () => {
    expect(asDomainError(new Error("connection refused"))).toBeNull();
    expect(asDomainError("a string")).toBeNull();
  });
});

describe("route()", () => {
  it("answers each kind with its status and leaves the handler's own responses alone", async () => {
    const own = new Response("made by the handler", { status: 418, headers: { "X-Mine": "1" } });
    expect(await route(async () => own)()).toBe(own);
    for (const [, error, , status] of cases) {
      expect((await route(async () => Promise.reject(error))()).status).toBe(status);
    }
  });

  it("throws anything else on (a fault, or Next's redirect to sign in)", async () => {
    await expect(route(async () => Promise.reject(new Error("boom")))()).rejects.toThrow("boom");
  });
});

describe("pages", () => {
  it("turn not found into the 404 page and nothing else", async () => {
    await expect(orNotFound(Promise.reject(new NotFoundError()))).rejects.toMatchObject({ digest: expect.stringContaining("404") });
    await expect(orNotFound(Promise.reject(new ForbiddenError()))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(orNotFound(Promise.resolve(7))).resolves.toBe(7);
  });
});

describe("the Server Action shape", () => {
  const actor = { userId: "u1", workspaceId: "w1" };
  const action = defineAction(async () => actor);
  const form = (fields: Record<string, string | string[]>) => {
    const data = new FormData();
    for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) data.append(key, v);
    return data;
  };
  const schema = z.object({ batchId: z.string().min(1, "Choose a batch.") });

  it.each(cases)("a thrown %s becomes the form's message and field errors, with what was typed", async (_name, error, state) => {
    const submit = action(schema, async () => {
      throw error;
    });
    expect(await submit({ ok: false }, form({ batchId: "b1", note: "kept" }))).toEqual({ ...state, values: { batchId: "b1", note: "kept" } });
  });

  it("refuses what the schema refuses, next to the field", async () => {
    const submit = action(schema, async () => ({ ok: true, message: "Saved." }));
    expect(await submit({ ok: false }, form({ batchId: "" }))).toEqual({
      ok: false,
      message: "Check the answers marked below.",
      fieldErrors: { batchId: ["Choose a batch."] },
      values: { batchId: "" },
    });
  });

  it("passes who is acting, the parsed form and bound values to the handler", async () => {
    const seen: unknown[] = [];
    const submit = action(schema, async (who, input, requestId: string) => {
      seen.push(who, input, requestId);
      return { ok: true, message: "Done." };
    });
    expect(await submit("r9", { ok: false }, form({ batchId: "b1" }))).toEqual({ ok: true, message: "Done." });
    expect(seen).toEqual([actor, { batchId: "b1" }, "r9"]);
  });

  it("redirects outside the try, so a redirect is never mistaken for a refusal", async () => {
    const submit = action(noFields, async () => ({ ok: true, redirectTo: "/requests?deleted=1" }));
    await expect(submit({ ok: false }, form({}))).rejects.toMatchObject({ digest: expect.stringContaining("/requests?deleted=1") });
  });

  it("lets an action choose what a refusal does (back to the list)", async () => {
    const submit = withoutState(
      action(
        noFields,
        async () => {
          throw new NotFoundError();
        },
        { onRefused: () => ({ ok: false, redirectTo: "/requests" }) },
      ),
      { ok: false },
    );
    await expect(submit(form({}))).rejects.toMatchObject({ digest: expect.stringContaining("/requests") });
  });

  it("throws a real fault on", async () => {
    const submit = action(noFields, async () => {
      throw new Error("database down");
    });
    await expect(submit({ ok: false }, form({}))).rejects.toThrow("database down");
  });

  it("reads tick boxes as lists, even with one ticked", async () => {
    const submit = action(z.object({ bodyIds: z.array(z.string()) }), async (_who, input) => ({ ok: true, message: input.bodyIds.join(",") }), { read: readFormWithLists("bodyIds") });
    expect(await submit({ ok: false }, form({ bodyIds: ["a"] }))).toEqual({ ok: true, message: "a" });
    expect(await submit({ ok: false }, form({ bodyIds: ["a", "b"] }))).toEqual({ ok: true, message: "a,b" });
  });
});
