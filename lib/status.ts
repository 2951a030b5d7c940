// The four states a status colour stands for, everywhere in the portal: the domains decide which one a
// thing is in; components/ui/badge.tsx decides how each looks.
export type Status = "healthy" | "warning" | "critical" | "nodata";
