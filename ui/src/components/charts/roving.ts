// Keyboard movement among a chart's marks. Each chart is one tab stop (its active mark has
// tabindex 0, the rest -1); the arrow keys, Home and End move between marks, so a keyboard user
// reaches every value without tabbing through hundreds of them.

/** How far each arrow key moves: bar charts step by 1 both ways; the heatmap steps a day up and
 * down and a week left and right. */
export type Strides = { across: number; down: number };

export const LINEAR: Strides = { across: 1, down: 1 };

/** The mark index a key moves to from `index` among `count`, or null for keys that do not move. */
export function step(key: string, index: number, count: number, strides: Strides = LINEAR): number | null {
  const moves: Record<string, number> = {
    ArrowLeft: -strides.across,
    ArrowRight: strides.across,
    ArrowUp: -strides.down,
    ArrowDown: strides.down,
  };
  if (key === "Home") return 0;
  if (key === "End") return count - 1;
  const delta = moves[key];
  if (delta === undefined || count === 0) return null;
  return Math.min(count - 1, Math.max(0, index + delta));
}

/** Handles a keydown on a chart: moves the active mark and focuses it. */
export function onChartKey(
  e: KeyboardEvent,
  index: number,
  marks: (SVGElement | undefined)[],
  strides: Strides = LINEAR,
): number {
  const next = step(e.key, index, marks.length, strides);
  if (next === null) return index;
  e.preventDefault();
  marks[next]?.focus();
  return next;
}

// The marks are `role="img"` SVG shapes with an accessible name and a tabindex (given with their
// handlers by `Marks.on`, marks.svelte.ts): a focusable, named data point, the pattern accessible
// charting libraries use.
