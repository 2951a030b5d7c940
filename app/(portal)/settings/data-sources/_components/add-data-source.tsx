"use client";
// The add form of Settings → Data sources (the shared AddConnection with this page's form).
import { AddConnection } from "@/components/settings/connections";
import { createDataSourceAction } from "../actions";
import { DataSourceForm } from "./data-source-form";

export function AddDataSource({ team }: { team: string }) {
  return (
    <AddConnection
      Form={DataSourceForm}
      idPrefix="new-data-source"
      submitLabel="Add data source"
      create={(input) => createDataSourceAction(team, input as never)}
      addedDescription="Test it below before pointing an SLO at it."
    />
  );
}
