// Whether a body is a public authority under the Act its requests are made under. Pure: the
// request page, the letters and the clock's callers share it.

/** Same values as the FoiStatus enum (prisma/schema.prisma). */
export const FOI_STATUSES = ["public_authority", "outside_the_act"] as const;
export type FoiStatus = (typeof FOI_STATUSES)[number];

export const foiStatusLabels: Record<FoiStatus, string> = {
  public_authority: "Public authority under the Act",
  outside_the_act: "Not a public authority under the Act (may answer voluntarily)",
};

/**
 * FOIA s3(1): a public authority is a body listed in Schedule 1, designated by order under s5,
 * or a publicly-owned company under s6 (https://www.legislation.gov.uk/ukpga/2000/36/section/3).
 * Only then does the Act's duty to answer (s1) and its 20 working days (s10) bind the body, and
 * only then can the ICO decide a complaint (s50). A body outside the Act has no statutory clock.
 */
export function isUnderTheAct(body: { foiStatus?: FoiStatus | null }): boolean {
  return (body.foiStatus ?? "public_authority") === "public_authority";
}

/**
 * What the request page and letters say about a body outside the Act. Information such a body
 * holds on behalf of a public authority (an NHS commissioner, under its contract) is held by
 * that authority (FOIA s3(2)(b)), so that part can be asked of the commissioner
 * (https://ico.org.uk/for-organisations/foi/freedom-of-information-and-environmental-information-regulations/information-you-hold-for-the-purposes-of-foia/).
 */
export function outsideTheActNote(bodyName: string): string {
  return `${bodyName} is not a public authority under the Freedom of Information Act, so the Act's 20 working days do not bind it and the ICO cannot decide a complaint about it. It may answer voluntarily. Information it holds on behalf of an NHS commissioner under its contract counts as held by that commissioner (section 3(2)(b)), so you can ask the commissioner (the integrated care board) for that part.`;
}
