"use client";
import { useRouter } from "next/navigation";
import { KeyRound } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { SortableHeader, TBody, TD, TH, THead, TR, Table, TableCaption, useSortableRows } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import { formatDate, formatDateTime } from "@/lib/format";
import { revokeTokenAction } from "../actions";

export interface TokenRow {
  id: string;
  name: string;
  prefix: string;
  status: "active" | "expired" | "revoked";
  createdBy: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
}

const statusTone = { active: "healthy", expired: "warning", revoked: "nodata" } as const;
const statusOrder = { active: 0, expired: 1, revoked: 2 };
const accessors = { status: (row: TokenRow) => statusOrder[row.status] };

export function TokensTable({ team, tokens, canManage }: { team: string; tokens: TokenRow[]; canManage: boolean }) {
  const router = useRouter();
  const { toast } = useToast();
  const { rows, headerProps } = useSortableRows<TokenRow, "name" | "status" | "createdAt" | "lastUsedAt" | "expiresAt">(tokens, "status", "asc", accessors);
  if (tokens.length === 0) {
    return (
      <EmptyState
        icon={<KeyRound />}
        title="No API tokens yet"
        description={canManage ? "Create one above for CI or an exporter that pushes data to the portal." : "Ask a maintainer of the team to create one."}
      />
    );
  }
  return (
    <Table data-testid="tokens-table">
      <TableCaption className="sr-only">API tokens</TableCaption>
      <THead>
        <TR>
          <SortableHeader {...headerProps("name")}>Name</SortableHeader>
          <TH>Token</TH>
          <SortableHeader {...headerProps("status")}>Status</SortableHeader>
          <SortableHeader {...headerProps("createdAt")}>Created</SortableHeader>
          <SortableHeader {...headerProps("lastUsedAt")}>Last used</SortableHeader>
          <SortableHeader {...headerProps("expiresAt")}>Expires</SortableHeader>
          {canManage && <TH className="text-right">Actions</TH>}
        </TR>
      </THead>
      <TBody>
        {rows.map((token) => (
          <TR key={token.id} data-testid={`token-${token.name}`}>
            <TD className="font-medium">{token.name}</TD>
            <TD className="font-mono text-sm">{token.prefix}…</TD>
            <TD>
              <Badge tone={statusTone[token.status]}>{token.status}</Badge>
            </TD>
            <TD>
              {formatDate(token.createdAt)}
              <span className="block text-sm text-fg-muted">by {token.createdBy}</span>
            </TD>
            <TD>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : "Never"}</TD>
            <TD>{token.expiresAt ? formatDate(token.expiresAt) : "Never"}</TD>
            {canManage && (
              <TD className="text-right">
                {token.status === "active" && (
                  <ConfirmDialog
                    trigger={
                      <Button variant="ghost" size="sm" aria-label={`Revoke ${token.name}`}>
                        Revoke
                      </Button>
                    }
                    title={`Revoke “${token.name}”?`}
                    description="Anything using this token stops working at once. This cannot be undone."
                    confirmLabel="Revoke token"
                    onConfirm={async () => {
                      const result = await revokeTokenAction(team, token.id);
                      if (!result.ok) throw new Error(result.message);
                      toast({ title: `Revoked “${token.name}”`, tone: "healthy" });
                      router.refresh();
                    }}
                  />
                )}
              </TD>
            )}
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
