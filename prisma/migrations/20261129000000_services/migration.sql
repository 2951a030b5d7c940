-- CreateEnum
CREATE TYPE "ServiceLifecycle" AS ENUM ('EXPERIMENTAL', 'PRODUCTION', 'DEPRECATED');

-- CreateTable
CREATE TABLE "services" (
    "id" TEXT NOT NULL,
    "team_id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "tier" INTEGER NOT NULL DEFAULT 3,
    "lifecycle" "ServiceLifecycle" NOT NULL DEFAULT 'PRODUCTION',
    "description" TEXT NOT NULL DEFAULT '',
    "repo_url" TEXT,
    "runbook_url" TEXT,
    "dashboard_url" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "services_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "services_team_id_slug_key" ON "services"("team_id", "slug");

-- AddForeignKey
ALTER TABLE "services" ADD CONSTRAINT "services_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;
