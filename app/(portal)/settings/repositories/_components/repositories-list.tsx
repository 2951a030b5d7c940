"use client";
// The team's repositories (the shared ConnectionsList): clone URL, branch, path template, sign-in, how
// merged/closed reach the portal and the webhook URL; Test connection shows every check.
import { FolderGit2 } from "lucide-react";
import { ConnectionsList } from "@/components/settings/connections";
import type { RepositoryView } from "@/lib/artifacts/repositories.server";
import { providerLabels } from "@/lib/artifacts/repository-schema";
import { deleteRepositoryAction, testRepositoryAction, updateRepositoryAction } from "../actions";
import { RepositoryForm } from "./repository-form";

const updates = { webhook: "from the provider's webhook", polling: "by polling the provider's API", none: "not tracked (no provider API)" } as const;

export function RepositoriesList({ repositories, canManage }: { repositories: RepositoryView[]; canManage: boolean }) {
  return (
    <ConnectionsList
      items={repositories}
      canManage={canManage}
      label="Repositories"
      icon={FolderGit2}
      testIdPrefix="repository"
      empty={{
        title: "No repositories yet",
        description: canManage
          ? "Add the repository where infrastructure lives above; approved requests can then be published to it as a branch and a pull request."
          : "Ask a maintainer or owner of the team to add one.",
      }}
      checkLabels={{ ok: "Connection OK", failed: "Connection failed" }}
      details={(repository) => [
        { term: "Clone URL", description: repository.cloneUrl, mono: true },
        { term: "Default branch", description: repository.defaultBranch, mono: true },
        { term: "Path template", description: repository.pathTemplate, mono: true },
        {
          term: "Sign-in",
          description:
            repository.auth.kind === "NONE" ? "None" : `${repository.auth.kind === "TOKEN" ? "Token" : `User ${repository.auth.username}`}${repository.auth.hasSecret ? " (stored encrypted)" : ""}`,
        },
        {
          term: "Pull requests",
          description: `${repository.provider === "NONE" ? "None: branches only" : `${providerLabels[repository.provider]} (${repository.apiUrl})`}; merged and closed ${updates[repository.stateUpdates]}`,
        },
        ...(repository.provider !== "NONE" ? [{ term: "Webhook URL", description: repository.webhook.url, mono: true }] : []),
      ]}
      Form={RepositoryForm}
      update={(id, input) => updateRepositoryAction(id, input as never)}
      remove={{
        run: deleteRepositoryAction,
        description: "The portal forgets the repository, its credentials and its publications' records. Nothing in the repository itself changes: branches and pull requests stay.",
        confirmLabel: "Delete repository",
      }}
      test={{ label: "Test connection", reportLabel: (repository) => `Connection test of ${repository.name}`, reportTestId: "connection-report", run: testRepositoryAction }}
    />
  );
}
