import { LINEAR, onChartKey, type Strides } from "./roving";

/**
 * The focus and hover state of a chart's marks, shared by every chart: which mark is the chart's one
 * tab stop, which one shows its tooltip, and the handlers that move them (see roving.ts).
 */
export class Marks {
  /** The focusable marks, in arrow-key order (bound with `bind:this`). */
  els: SVGElement[] = $state([]);
  /** The mark last focused; until then the tab stop is `start()`. */
  chosen: number | null = $state(null);
  /** The item whose tooltip shows (hovered or focused), if any. */
  shown: number | null = $state(null);
  readonly #start: () => number;
  readonly #strides: Strides;

  constructor(start: () => number = () => 0, strides: Strides = LINEAR) {
    this.#start = start;
    this.#strides = strides;
  }

  get active(): number {
    return this.chosen ?? this.#start();
  }

  /** Tab stop and handlers for the mark at `k` among the focusable marks; `item` is the data point
   * its tooltip shows, when the two are counted differently (a line's dots skip unknown values). */
  on(k: number, item = k) {
    return {
      tabindex: k === this.active ? 0 : -1,
      onfocus: () => {
        this.chosen = k;
        this.shown = item;
      },
      onblur: () => (this.shown = null),
      onpointerenter: () => (this.shown = item),
      onpointerleave: () => (this.shown = null),
      onkeydown: (e: KeyboardEvent) => (this.chosen = onChartKey(e, k, this.els, this.#strides)),
    };
  }
}
