// Matching roles against a search query in the catalogue: every word must appear in the title, key,
// mission or a responsibility, ignoring case and accents.

export interface SearchableRole {
  key: string;
  title: string;
  mission: string;
  responsibilities: string[];
}

/** Case- and accent-insensitive text ("Résumé" matches "resume"). */
function normalise(text: string): string {
  return text.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase();
}

export function roleMatches(role: SearchableRole, query: string): boolean {
  const words = normalise(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = normalise([role.title, role.key, role.mission, ...role.responsibilities].join(" \n "));
  return words.every((word) => haystack.includes(word));
}

/** The examples the search box offers: each one finds at least one role (a test keeps them honest). */
export const searchExamples = ["canary", "SLO", "network", "compliance"] as const;
