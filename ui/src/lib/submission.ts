import type { Submission } from "./bindings";

/** A submission with every list field present and empty; each player fills the fields of its kind. */
export function emptySubmission(): Required<Submission> {
  return { placements: [], answers: [], order: [], components: [], connections: [], down: [], choices: [], orders: [] };
}
