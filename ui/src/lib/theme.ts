import type { Theme } from "./bindings";

// "system" leaves the choice to prefers-color-scheme in app.css; the others pin it.
export function applyTheme(theme: Theme): void {
  const root = document.documentElement;
  if (theme === "system") delete root.dataset.theme;
  else root.dataset.theme = theme;
}

/** Whether the page is dark right now (a pinned theme, or the OS preference when following it). */
export function isDark(): boolean {
  const pinned = document.documentElement.dataset.theme;
  if (pinned) return pinned === "dark";
  return window.matchMedia("(prefers-color-scheme: dark)").matches;
}

/** Calls `fn` whenever the effective theme may have changed. Returns a stop function. */
export function onThemeChange(fn: () => void): () => void {
  const media = window.matchMedia("(prefers-color-scheme: dark)");
  const observer = new MutationObserver(fn);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
  media.addEventListener("change", fn);
  return () => {
    observer.disconnect();
    media.removeEventListener("change", fn);
  };
}
