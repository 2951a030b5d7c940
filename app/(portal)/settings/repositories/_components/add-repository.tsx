"use client";
// The add form of Settings → Repositories (the shared AddConnection with this page's form).
import { AddConnection } from "@/components/settings/connections";
import { createRepositoryAction } from "../actions";
import { RepositoryForm } from "./repository-form";

export function AddRepository({ team }: { team: string }) {
  return (
    <AddConnection
      Form={RepositoryForm}
      idPrefix="new-repository"
      submitLabel="Add repository"
      create={(input) => createRepositoryAction(team, input as never)}
      addedDescription="Test its connection below before the first publication."
    />
  );
}
