// Class-name helper: joins conditional classes (clsx) and lets a later Tailwind class override an earlier one (tailwind-merge).
import { clsx, type ClassValue } from "clsx";
import { twMerge } from "tailwind-merge";

export function cn(...classes: ClassValue[]): string {
  return twMerge(clsx(classes));
}
