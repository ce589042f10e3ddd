import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { seedIfEmpty, NHSE_REFERENCE } from "@/lib/seed/seed-database";
import { verifyPassword } from "@/lib/auth/password";

describe("first-start seed", () => {
  beforeAll(async () => {
    // The run's database is fresh, but other test files may have made workspaces first:
    // empty it so the seed sees a first start (files run one at a time).
    await db.workspace.deleteMany();
    await db.user.deleteMany();
  });

  it("creates the LXP Revolution workspace, its owner, 56 bodies and the NHS England request", async () => {
    const result = await seedIfEmpty();
    expect(result.seeded).toBe(true);
    expect(result.ownerPassword).toMatch(/^[a-z0-9]{5}(-[a-z0-9]{5}){3}$/);

    const workspace = await db.workspace.findUniqueOrThrow({ where: { slug: "lxp-revolution" }, select: { id: true, name: true } });
    expect(workspace.name).toBe("LXP Revolution");

    const owner = await db.user.findUniqueOrThrow({
      where: { email: result.ownerEmail },
      select: { passwordHash: true, mustChangePassword: true, memberships: { select: { role: true } } },
    });
    expect(owner.mustChangePassword).toBe(true);
    expect(owner.memberships).toEqual([{ role: "owner" }]);
    expect(await verifyPassword(result.ownerPassword!, owner.passwordHash!)).toBe(true);

    expect(await db.publicBody.count({ where: { workspaceId: workspace.id } })).toBe(56);
    expect(await db.publicBody.count({ where: { workspaceId: workspace.id, foiEmail: { not: null } } })).toBe(0);

    const request = await db.foiRequest.findFirstOrThrow({
      where: { workspaceId: workspace.id, authorityRef: NHSE_REFERENCE },
      select: {
        id: true,
        channel: true,
        sentAt: true,
        receivedOn: true,
        dueOn: true,
        letter: true,
        body: { select: { name: true } },
        _count: { select: { messages: true } },
      },
    });
    expect(request.body.name).toBe("NHS England");
    expect(request.channel).toBe("whatdotheyknow");
    expect(request.sentAt?.toISOString().slice(0, 10)).toBe("2021-08-02");
    expect(request.letter).toContain("Band 7 KUF Lived Experience Professional role");
    // Received Monday 2 August 2021 (a Scottish bank holiday: not a working day anywhere
    // in the UK for FOIA), so 20 working days end on Tuesday 31 August 2021.
    expect(request.receivedOn?.toISOString().slice(0, 10)).toBe("2021-08-02");
    expect(request.dueOn?.toISOString().slice(0, 10)).toBe("2021-08-31");
    expect(request._count.messages).toBe(5);

    const outcomes = await db.bodyOutcome.groupBy({ by: ["outcome"], where: { requestId: request.id }, _count: true });
    const counts = Object.fromEntries(outcomes.map((o) => [o.outcome, o._count]));
    expect(counts).toEqual({ funded: 24, did_not_apply: 29, applied_withdrew: 2 });

    const closed = await db.publicBody.findFirstOrThrow({ where: { workspaceId: workspace.id, key: "north-west-boroughs" }, select: { status: true, statusChangedOn: true, successor: { select: { name: true } } } });
    expect(closed.status).toBe("closed");
    expect(closed.statusChangedOn?.toISOString().slice(0, 10)).toBe("2021-05-31");
    expect(closed.successor?.name).toMatch(/Mersey Care/);
  });

  it("does nothing on a second start", async () => {
    const again = await seedIfEmpty();
    expect(again.seeded).toBe(false);
    expect(await db.workspace.count({ where: { slug: "lxp-revolution" } })).toBe(1);
  });
});
