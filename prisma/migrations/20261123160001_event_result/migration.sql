-- AlterTable
ALTER TABLE "RequestEvent" ADD COLUMN     "result" "RequestStatus";

