"use client";
// The add form of Settings → Repositories.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useToast } from "@/components/ui/toast";
import { createRepositoryAction } from "../actions";
import { RepositoryForm } from "./repository-form";

export function AddRepository({ team }: { team: string }) {
  const router = useRouter();
  const { toast } = useToast();
  // A fresh form after each success.
  const [round, setRound] = useState(0);
  return (
    <RepositoryForm
      key={round}
      idPrefix="new-repository"
      submitLabel="Add repository"
      onSubmit={(input) => createRepositoryAction(team, input as never)}
      onSaved={(repository) => {
        toast({ title: `Added “${repository.name}”`, description: "Test its connection below before the first publication.", tone: "healthy" });
        setRound((value) => value + 1);
        router.refresh();
      }}
    />
  );
}
