"use client";
// WithRole: gives the client components below it one role's definition (useRoleDefinition).
//
// The registry imports all ten definitions (schemas, field metadata, examples): about 110 KB of script that
// a form, a live preview, a request or its print view would ship for the one role they show. Here each
// role's provider is loaded with next/dynamic, so it is a chunk of its own and a page fetches only the one
// it renders. Rendered on the server, it also emits a preload of that chunk with the page's HTML, so the
// browser fetches it beside the page's other scripts and hydration does not wait for a second round trip.
// (One client module per role imported statically would not do: a page loads every client module its
// server components import, rendered or not.)
import dynamic from "next/dynamic";
import type { ComponentType, ReactNode } from "react";
import type { RoleKey } from "@/lib/agents/types";
import { Skeleton } from "@/components/ui/skeleton";

/** Only seen after a client-side navigation, while the role's chunk loads: the outline of what comes. */
function loading() {
  return (
    <div role="status" aria-label="Loading" className="flex flex-col gap-4">
      <Skeleton className="h-10 w-full max-w-3xl" />
      <Skeleton className="h-96 w-full" />
    </div>
  );
}

// A Record over every RoleKey: a role added to `roleKeys` without its provider fails the type check.
const providers: Record<RoleKey, ComponentType<{ children: ReactNode }>> = {
  "cloud-architect": dynamic(() => import("./by-key/cloud-architect").then((module) => module.CloudArchitectRole), { loading }),
  "terraform-engineer": dynamic(() => import("./by-key/terraform-engineer").then((module) => module.TerraformEngineerRole), { loading }),
  "kubernetes-specialist": dynamic(() => import("./by-key/kubernetes-specialist").then((module) => module.KubernetesSpecialistRole), { loading }),
  "deployment-engineer": dynamic(() => import("./by-key/deployment-engineer").then((module) => module.DeploymentEngineerRole), { loading }),
  "sre-engineer": dynamic(() => import("./by-key/sre-engineer").then((module) => module.SreEngineerRole), { loading }),
  "incident-responder": dynamic(() => import("./by-key/incident-responder").then((module) => module.IncidentResponderRole), { loading }),
  "devops-incident-responder": dynamic(() => import("./by-key/devops-incident-responder").then((module) => module.DevopsIncidentResponderRole), { loading }),
  "devops-engineer": dynamic(() => import("./by-key/devops-engineer").then((module) => module.DevopsEngineerRole), { loading }),
  "network-engineer": dynamic(() => import("./by-key/network-engineer").then((module) => module.NetworkEngineerRole), { loading }),
  "security-engineer": dynamic(() => import("./by-key/security-engineer").then((module) => module.SecurityEngineerRole), { loading }),
};

/** Children with the role of this key; an unknown key gives them none (they show what they can without it). */
export function WithRole({ roleKey, children }: { roleKey: string; children: ReactNode }) {
  const Provider = Object.hasOwn(providers, roleKey) ? providers[roleKey as RoleKey] : undefined;
  return Provider ? <Provider>{children}</Provider> : children;
}
