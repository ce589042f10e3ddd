-- CreateEnum
CREATE TYPE "FoiStatus" AS ENUM ('public_authority', 'outside_the_act');

-- AlterTable
ALTER TABLE "PublicBody" ADD COLUMN     "foiStatus" "FoiStatus" NOT NULL DEFAULT 'public_authority',
ADD COLUMN     "foiStatusSource" TEXT;


-- The two community interest companies of the seeded directory are outside FOIA (not in
-- Schedule 1, not designated under s5, not publicly owned under s6): existing workspaces get
-- the same status new ones are seeded with (prisma/seed/bodies.ts has the full source).
UPDATE "PublicBody"
SET "foiStatus" = 'outside_the_act',
    "foiStatusSource" = 'Not a public authority under FOIA: not listed in Schedule 1 (https://www.legislation.gov.uk/ukpga/2000/36/schedule/1/part/III), not designated under section 5, not a publicly-owned company under section 6. See https://ico.org.uk/for-organisations/foi/freedom-of-information-and-environmental-information-regulations/public-authorities-under-foia/'
WHERE "kind" = 'community_interest_company' AND "key" IN ('livewell-southwest', 'navigo');
