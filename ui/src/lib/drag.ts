// Pointer dragging for mouse, pen and touch alike: a press that moves more than a few pixels is a
// drag; one that does not is left to the element's click handler (so a tap still picks).

export type DragHandlers = {
  /** Called on every move once the press counts as a drag. */
  move?: (x: number, y: number) => void;
  /** Released after dragging, at (x, y). */
  drop: (x: number, y: number) => void;
  /** Released without dragging, or cancelled (the pointer lost, Escape). */
  end?: (dragged: boolean) => void;
};

let active: (() => void) | null = null;

/** Starts watching a press; returns false when it is not a primary press (right button, second finger). */
export function startDrag(e: PointerEvent, h: DragHandlers): boolean {
  if (e.button > 0 || !e.isPrimary) return false;
  active?.();
  const sx = e.clientX;
  const sy = e.clientY;
  let dragged = false;
  const onMove = (ev: PointerEvent) => {
    if (ev.pointerId !== e.pointerId) return;
    if (!dragged && Math.hypot(ev.clientX - sx, ev.clientY - sy) > 5) dragged = true;
    if (dragged) {
      ev.preventDefault();
      h.move?.(ev.clientX, ev.clientY);
    }
  };
  const onUp = (ev: PointerEvent) => {
    if (ev.pointerId !== e.pointerId) return;
    stop();
    if (dragged) {
      h.drop(ev.clientX, ev.clientY);
      // The click that follows a drag must not also pick or toggle.
      window.addEventListener("click", swallow, { capture: true, once: true });
      setTimeout(() => window.removeEventListener("click", swallow, { capture: true }), 100);
    }
    h.end?.(dragged);
  };
  const onCancel = (ev: PointerEvent) => {
    if (ev.pointerId !== e.pointerId) return;
    stop();
    h.end?.(false);
  };
  const onKey = (ev: KeyboardEvent) => {
    if (ev.key !== "Escape") return;
    stop();
    h.end?.(false);
  };
  function stop() {
    window.removeEventListener("pointermove", onMove);
    window.removeEventListener("pointerup", onUp);
    window.removeEventListener("pointercancel", onCancel);
    window.removeEventListener("keydown", onKey);
    active = null;
  }
  window.addEventListener("pointermove", onMove);
  window.addEventListener("pointerup", onUp);
  window.addEventListener("pointercancel", onCancel);
  window.addEventListener("keydown", onKey);
  active = stop;
  return true;
}

function swallow(e: Event) {
  e.stopPropagation();
  e.preventDefault();
}

/** The first element under the point that matches `selector` inside `within` (ghosts let clicks through). */
export function hitAt(x: number, y: number, selector: string, within: Element | undefined | null): Element | null {
  for (const el of document.elementsFromPoint(x, y)) {
    const hit = el.closest(selector);
    if (hit && (!within || within.contains(hit))) return hit;
  }
  return null;
}
