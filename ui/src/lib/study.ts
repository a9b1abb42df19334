// Small helpers shared by the study screens (Review, Mock, Home, Settings).
import type { Rating } from "./bindings";

export const RATINGS: { rating: Rating; label: string; key: string }[] = [
  { rating: "again", label: "Again", key: "1" },
  { rating: "hard", label: "Hard", key: "2" },
  { rating: "good", label: "Good", key: "3" },
  { rating: "easy", label: "Easy", key: "4" },
];

export function ratingName(r: Rating): string {
  return RATINGS.find((x) => x.rating === r)?.label ?? r;
}

/** Rubric points (3–7 per question) are ticked with the letters a–g once the answer shows. F means
 * "study the follow-up" only before that, while the offer is on screen, so the two never clash. */
export const POINT_KEYS = ["a", "b", "c", "d", "e", "f", "g"];

export function pointKey(i: number): string | undefined {
  return POINT_KEYS[i];
}

/** "m:ss" for a number of seconds. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/** "42%" for a share 0..1; "—" when unknown. */
export function percent(share: number | null | undefined): string {
  return share == null ? "—" : `${Math.round(share * 100)}%`;
}

/** True when a key press was meant for a text field, not for a shortcut. */
export function typing(e: KeyboardEvent): boolean {
  const t = e.target as HTMLElement | null;
  if (!t) return false;
  if (t.isContentEditable || t.tagName === "TEXTAREA" || t.tagName === "SELECT") return true;
  // Checkboxes and radios take no text: shortcuts still apply while one has focus.
  return t.tagName === "INPUT" && !["checkbox", "radio", "button"].includes((t as HTMLInputElement).type);
}
