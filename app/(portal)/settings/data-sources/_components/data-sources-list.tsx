"use client";
// The team's data sources (the shared ConnectionsList): URL, sign-in, TLS, time limit, the version the
// last test found and the SLOs reading from it; Test shows every check, the `up` query and the version.
import { Database } from "lucide-react";
import { ConnectionsList } from "@/components/settings/connections";
import type { DataSourceView } from "@/lib/slo/data-sources.server";
import { deleteDataSourceAction, testDataSourceAction, updateDataSourceAction } from "../actions";
import { DataSourceForm } from "./data-source-form";

const signIn = (source: DataSourceView) =>
  source.auth.kind === "NONE" ? "None" : `${source.auth.kind === "BEARER" ? "Bearer token" : `User ${source.auth.username}`}${source.auth.hasSecret ? " (stored encrypted)" : ""}`;

export function DataSourcesList({ dataSources, canManage }: { dataSources: DataSourceView[]; canManage: boolean }) {
  return (
    <ConnectionsList
      items={dataSources}
      canManage={canManage}
      label="Data sources"
      icon={Database}
      testIdPrefix="data-source"
      empty={{
        title: "No data sources yet",
        description: canManage ? "Add your Prometheus above; an SLO can then read its SLI from it instead of having samples pushed." : "Ask a maintainer or owner of the team to add one.",
      }}
      checkLabels={{ ok: "Test passed", failed: "Test failed" }}
      details={(source) => [
        { term: "URL", description: source.url, mono: true },
        { term: "Sign-in", description: signIn(source) },
        { term: "TLS", description: source.tlsVerify ? "Certificate verified" : "Certificate not verified" },
        { term: "Time limit", description: `${source.timeoutMs.toLocaleString("en")} ms` },
        { term: "Version", description: source.serverVersion ?? "Not known yet (run Test)" },
        { term: "SLOs", description: source.sloCount === 0 ? "None read from it yet" : `${source.sloCount} read their SLI from it` },
      ]}
      Form={DataSourceForm}
      update={(id, input) => updateDataSourceAction(id, input as never)}
      remove={{
        run: deleteDataSourceAction,
        description: "The portal forgets the data source and its credentials. A data source that SLOs read from cannot be deleted.",
        confirmLabel: "Delete data source",
      }}
      test={{ label: "Test", reportLabel: (source) => `Test of ${source.name}`, reportTestId: "data-source-report", run: testDataSourceAction }}
    />
  );
}
