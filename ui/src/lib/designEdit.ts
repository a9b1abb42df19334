// The design a learner is building, and its undo history: pure functions so the player component
// only presents. Nothing here grades or validates beyond what the palette says (how many are left);
// the backend decides what is right.
import type { CardView, Connection, DesignView, PlacedComponent, Submission } from "./bindings";
import { emptySubmission } from "./submission";

export type Design = { components: PlacedComponent[]; connections: Connection[] };

export const emptyDesign = (): Design => ({ components: [], connections: [] });

export function toSubmission(d: Design): Submission {
  return {
    ...emptySubmission(),
    components: d.components.map((c) => ({ ...c })),
    connections: d.connections.map((c) => ({ from: c.from, to: c.to, label: c.label ?? null })),
  };
}

/** A fresh component id ("n1", "n2", …) that is not used and not an id of the canvas. */
export function nextId(d: Design, reserved: Iterable<string>): string {
  const taken = new Set<string>(reserved);
  for (const c of d.components) taken.add(c.id);
  for (let k = 1; ; k++) if (!taken.has(`n${k}`)) return `n${k}`;
}

/** How many more of this card may be placed; null: no limit. */
export function left(card: CardView, d: Design): number | null {
  if (card.max == null) return null;
  return Math.max(0, card.max - d.components.filter((c) => c.card === card.id).length);
}

export function place(d: Design, id: string, card: string, where: string): Design {
  return { ...d, components: [...d.components, { id, card, in: where }] };
}

export function moveTo(d: Design, id: string, where: string): Design {
  return { ...d, components: d.components.map((c) => (c.id === id ? { ...c, in: where } : c)) };
}

/** Removes a component and every connection that starts or ends at it. */
export function remove(d: Design, id: string): Design {
  return {
    components: d.components.filter((c) => c.id !== id),
    connections: d.connections.filter((c) => c.from !== id && c.to !== id),
  };
}

export function connect(d: Design, from: string, to: string, label: string | null): Design {
  return { ...d, connections: [...d.connections, { from, to, label }] };
}

export function hasConnection(d: Design, from: string, to: string, label: string | null): boolean {
  return d.connections.some((c) => c.from === from && c.to === to && (c.label ?? null) === label);
}

export function disconnect(d: Design, index: number): Design {
  return { ...d, connections: d.connections.filter((_, i) => i !== index) };
}

/** Names for people: a component by its card (and its place when the card is used more than once). */
/** `described`: fuller names of fixed nodes (as the canvas labels them), used when two share a label. */
export function namer(view: DesignView, d: Design, described: Map<string, string> = new Map()): (id: string) => string {
  const cards = new Map(view.palette.map((c) => [c.id, c.label]));
  const places = new Map(view.places.map((p) => [p.id, p.label]));
  const twin = (f: { id: string; label: string }) => view.fixed.some((g) => g.id !== f.id && g.label === f.label);
  const fixed = new Map(view.fixed.map((f) => [f.id, (twin(f) && described.get(f.id)) || f.label]));
  return (id) => {
    const f = fixed.get(id);
    if (f !== undefined) return f;
    const c = d.components.find((x) => x.id === id);
    if (!c) return id;
    const label = cards.get(c.card) ?? c.card;
    const twins = d.components.filter((x) => x.card === c.card);
    if (twins.length < 2) return label;
    const where = `${label} in ${places.get(c.in) ?? c.in}`;
    const same = twins.filter((x) => x.in === c.in);
    return same.length < 2 ? where : `${where} (${same.indexOf(c) + 1})`;
  };
}

/** A history of designs for undo and redo; each step remembers what it did, for announcing. */
export type History = { past: { design: Design; what: string }[]; present: Design; future: { design: Design; what: string }[] };

export const history = (present: Design): History => ({ past: [], present, future: [] });

export function commit(h: History, next: Design, what: string): History {
  return { past: [...h.past, { design: h.present, what }].slice(-200), present: next, future: [] };
}

/** Steps back; `what` is the action undone, or null when there is nothing to undo. */
export function undo(h: History): { h: History; what: string | null } {
  const last = h.past.at(-1);
  if (!last) return { h, what: null };
  return {
    h: { past: h.past.slice(0, -1), present: last.design, future: [{ design: h.present, what: last.what }, ...h.future] },
    what: last.what,
  };
}

export function redo(h: History): { h: History; what: string | null } {
  const next = h.future[0];
  if (!next) return { h, what: null };
  return {
    h: { past: [...h.past, { design: h.present, what: next.what }], present: next.design, future: h.future.slice(1) },
    what: next.what,
  };
}
