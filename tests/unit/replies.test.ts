import { describe, expect, it } from "vitest";
import { datesIn, exemptionsIn, ownWords, suggestEvent } from "@/lib/replies/suggest-event";
import { bareMessageId, foiTokens, messageIdsIn } from "@/lib/replies/tokens";
import { suggestionSchema } from "@/lib/replies/suggestion";

const sentAt = new Date("2024-08-20T10:15:00Z");
const suggest = (text: string, subject = "RE: Band 7 posts [FOI #12]", law: "foia" | "eir" | "foisa" = "foia") => suggestEvent({ subject, text, law, sentAt });

describe("foiTokens: the [FOI #n] token as mail clients leave it", () => {
  it.each([
    ["Band 7 posts [FOI #12]", [12]],
    ["RE: FW: Band 7 posts [FOI #12]", [12]],
    ["AW: SV: Antw: Band 7 posts [FOI # 12]", [12]],
    ["RE: Band 7 posts FOI#12", [12]],
    ["Re: Band 7 posts [FOI\r\n #12]", [12]],
    ["Re: Band 7 posts [ FOI 12 ]", [12]],
    ["Re: Band 7 posts (FOI # 12 )", [12]],
    ["Re: [FOI #12] and [FOI #13]", [12, 13]],
    ["Re: [FOI #12] [FOI #12]", [12]],
  ])("%s", (subject, expected) => {
    expect(foiTokens(subject)).toEqual(expected);
  });

  it.each([["FOI-2108-1525161 response"], ["Our ref FOI 2021/123"], ["FOI 0456 acknowledgement"], [""], ["Band 7 posts"]])("is not fooled by the body's own reference: %s", (subject) => {
    expect(foiTokens(subject)).toEqual([]);
  });
});

describe("Message-IDs", () => {
  it("reads bracketed lists and bare ids, once each", () => {
    expect(messageIdsIn(["<a@x> <b@y>", "<a@x>", "c@z", null])).toEqual(["a@x", "b@y", "c@z"]);
    expect(bareMessageId(" <a@x> ")).toBe("a@x");
  });
});

describe("dates and exemptions in letters", () => {
  it("reads UK dates in their usual forms", () => {
    expect(datesIn("by Friday 20th September 2024, or 1/10/2024, or October 3, 2024")).toEqual(["2024-09-20", "2024-10-01", "2024-10-03"]);
    expect(datesIn("on 31 February 2024")).toEqual([]);
  });
  it("names FOIA exemptions and leaves out procedural sections", () => {
    expect(exemptionsIn("We rely on section 40(2) and section 43(2). Under section 17 and section 10(3)...", "foia")).toEqual(["s40(2)", "s43(2)"]);
    expect(exemptionsIn("exempt under sections 40 and 41, and s.12", "foia")).toEqual(["s40", "s41", "s12"]);
    expect(exemptionsIn("regulation 12(5)(e) and regulation 13 apply", "eir")).toEqual(["reg12(5)(e)", "reg13"]);
    expect(exemptionsIn("section 38(1)(b) of FOISA", "foisa")).toEqual(["s38(1)"]);
  });
});

describe("ownWords: what the body wrote, not our letter it quotes", () => {
  it("cuts an Outlook quote block and > lines", () => {
    const text = "We need more time.\n\n________________________________\nFrom: Campaign\nSent: 1 August\nInternal review please\n> section 43";
    expect(ownWords(text, "RE: x")).toBe("We need more time.\n");
  });
  it("keeps a forwarded message", () => {
    expect(ownWords("FYI\n-----Original Message-----\nWe do not hold this.", "FW: x")).toContain("We do not hold this.");
  });
});

describe("suggestEvent", () => {
  it("an acknowledgement", () => {
    const s = suggest("Thank you for your request for information, which we received on 19 August 2024. You should receive a response by 16 September 2024.");
    expect(s?.kind).toBe("acknowledged");
    expect(s?.on).toBe("2024-08-20");
    expect(s?.evidence[0]).toMatch(/should receive a response/);
  });
  it("an extension with its new date and the exemption weighed", () => {
    const s = suggest("We are considering the public interest test in relation to section 43(2) (commercial interests). We will therefore need to extend the deadline and now aim to respond by Friday 20 September 2024.");
    expect(s).toMatchObject({ kind: "extension", newDueOn: "2024-09-20", exemptions: ["s43(2)"] });
  });
  it("a clarification request, but not a closing offer to clarify", () => {
    expect(suggest("Before we can process your request, could you please clarify which financial years you mean?")?.kind).toBe("clarification_requested");
    expect(suggest("Please find our response attached. If you need any clarification, please contact us.")?.kind).toBe("response_successful");
  });
  it("a fees notice", () => {
    expect(suggest("This is a fees notice. The cost of £120 for disbursements must be paid before we proceed.")?.kind).toBe("fees_notice");
  });
  it("a refusal with its exemptions", () => {
    expect(suggest("The information is withheld under section 40(2) and section 41 of the Act. This letter is a refusal notice under section 17.")).toMatchObject({ kind: "response_refused", exemptions: ["s40(2)", "s41"] });
  });
  it("a partial answer", () => {
    expect(suggest("Please find our response below.\nQ1: Yes.\nQ2: The names of staff are withheld under section 40(2).")).toMatchObject({ kind: "response_partial", exemptions: ["s40(2)"] });
  });
  it("not held", () => {
    expect(suggest("The Trust does not hold the information you have requested.")?.kind).toBe("response_not_held");
  });
  it("an answer in full", () => {
    expect(suggest("In response to your request, the Trust can confirm that it did not apply for funding.\nQ1: No.\nQ2: Not applicable.")?.kind).toBe("response_successful");
  });
  it("an internal review's answer and its result", () => {
    expect(suggest("I have now completed the internal review. I uphold the original decision to apply section 43.")).toMatchObject({ kind: "internal_review_answered", result: "refused" });
    expect(suggest("The outcome of the internal review is that the original decision is overturned and we will now release the information.")).toMatchObject({ kind: "internal_review_answered", result: "successful" });
  });
  it("nothing for an out-of-office reply", () => {
    expect(suggest("I am currently out of the office until Monday.", "Automatic reply: Band 7 posts [FOI #12]")).toBeNull();
    expect(suggest("I am on annual leave, returning 2 September.", "Band 7 posts")).toBeNull();
  });
  it("does not read our own letter quoted below the reply", () => {
    const s = suggest("Thank you, we have received your request and will respond within 20 working days.\n\nOn 19 Aug 2024, Campaign wrote:\n> Please carry out an internal review. The outcome of the internal review...\n> section 43 was applied wrongly.");
    expect(s?.kind).toBe("acknowledged");
  });
  it("returns what the stored schema accepts", () => {
    const s = suggest("The Trust does not hold the information you have requested.");
    expect(suggestionSchema.safeParse(s).success).toBe(true);
  });
});
