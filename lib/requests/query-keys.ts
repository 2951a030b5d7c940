// React Query keys of the requests domain, in one place so mutations invalidate exactly what they change.
export const requestKeys = {
  all: ["requests"] as const,
  lists: () => [...requestKeys.all, "list"] as const,
  list: (filters: Record<string, string>) => [...requestKeys.lists(), filters] as const,
  detail: (id: string) => [...requestKeys.all, "detail", id] as const,
  revisions: (id: string) => [...requestKeys.detail(id), "revisions"] as const,
  revision: (id: string, number: number) => [...requestKeys.detail(id), "revisions", number] as const,
  comments: (id: string) => [...requestKeys.detail(id), "comments"] as const,
};
