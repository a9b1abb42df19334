// The state of a label or place drill before checking: which labels sit in which slot. Pure functions
// so the player component stays about presentation.
import type { SlotView } from "./bindings";

export type Placed = Record<string, string[]>;

/** Puts `label` into `slot`, taking it out of wherever it was. A one-label slot sends its label back. */
export function place(placed: Placed, slots: SlotView[], slot: string, label: string): Placed {
  const next = removeLabel(placed, label);
  const accepts = slots.find((s) => s.id === slot)?.acceptsMany ?? false;
  next[slot] = accepts ? [...(next[slot] ?? []), label] : [label];
  return next;
}

export function removeLabel(placed: Placed, label: string): Placed {
  const next: Placed = {};
  for (const [slot, labels] of Object.entries(placed)) {
    const kept = labels.filter((l) => l !== label);
    if (kept.length > 0) next[slot] = kept;
  }
  return next;
}

export function slotOf(placed: Placed, label: string): string | undefined {
  return Object.entries(placed).find(([, labels]) => labels.includes(label))?.[0];
}

/** Moves the item at `from` to `to` in a copy of the list. */
export function move<T>(list: T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(Math.max(0, Math.min(to, next.length)), 0, item);
  return next;
}
