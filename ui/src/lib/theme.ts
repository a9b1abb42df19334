import type { Theme } from "./bindings";

// "system" leaves the choice to prefers-color-scheme in app.css; the others pin it.
export function applyTheme(theme: Theme): void {
  const root = document.documentElement;
  if (theme === "system") delete root.dataset.theme;
  else root.dataset.theme = theme;
}
