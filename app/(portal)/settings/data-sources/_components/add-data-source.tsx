"use client";
// The add form of Settings → Data sources.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useToast } from "@/components/ui/toast";
import { createDataSourceAction } from "../actions";
import { DataSourceForm } from "./data-source-form";

export function AddDataSource({ team }: { team: string }) {
  const router = useRouter();
  const { toast } = useToast();
  // A fresh form after each success.
  const [round, setRound] = useState(0);
  return (
    <DataSourceForm
      key={round}
      idPrefix="new-data-source"
      submitLabel="Add data source"
      onSubmit={(input) => createDataSourceAction(team, input as never)}
      onSaved={(source) => {
        toast({ title: `Added “${source.name}”`, description: "Test it below before pointing an SLO at it.", tone: "healthy" });
        setRound((value) => value + 1);
        router.refresh();
      }}
    />
  );
}
