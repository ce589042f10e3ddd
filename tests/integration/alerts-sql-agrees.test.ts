// The sweep picks "due today" and "overdue" in SQL (so it can use the date indexes); pages,
// notifications and digests ask workingDaysStatus. This checks, day by day across weekends and
// a bank holiday, that the two say the same thing.
import { afterAll, describe, expect, it } from "vitest";
import { addDays } from "@/lib/alerts/dates";
import { sweepCandidateKinds } from "@/lib/alerts/sweep";
import { workingDaysStatus } from "@/lib/deadlines";
import { calendarFor } from "@/lib/holidays/calendars";
import { alertCampaign, dayRange, sendTo, setToday, storedDates } from "../support/alert-fixtures";

afterAll(() => setToday(undefined));

describe("the sweep's SQL and workingDaysStatus agree on 'due today' and 'overdue'", () => {
  it("for requests due on a Tuesday after a bank holiday, on a Friday and on a Monday, from a week before to a week after", { timeout: 120_000 }, async () => {
    const c = await alertCampaign();
    const calendar = await calendarFor("foia");
    // Sent Monday 2 August 2021: due Tuesday 31 August (Monday 30th a bank holiday).
    // Sent Friday 6 August: due Friday 3 September (the Saturday after is overdue, 0 working days).
    // Sent Monday 9 August: due Monday 6 September (the weekend before is not due today).
    setToday("2021-08-09");
    const sent = ["2021-08-02", "2021-08-06", "2021-08-09"];
    const ids: string[] = [];
    for (const [i, day] of sent.entries()) ids.push(await sendTo(c.editor, c.trusts[i]!.id, day));
    let checked = 0;
    for (const id of ids) {
      const { dueOn } = await storedDates(id);
      expect(dueOn).not.toBeNull();
      for (const today of dayRange(addDays(dueOn!, -7), addDays(dueOn!, 7))) {
        const status = workingDaysStatus(dueOn!, today, calendar);
        const kinds = await sweepCandidateKinds(id, addDays(today, -1), today);
        const said = { dueOn, today, dueToday: kinds.includes("due_today"), overdue: kinds.includes("overdue") };
        expect(said).toEqual({ dueOn, today, dueToday: status.state === "due_today", overdue: status.state === "overdue" });
        checked++;
      }
    }
    expect(checked).toBe(45);
  });
});
