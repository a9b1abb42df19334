import { onMount } from "svelte";
import { events } from "./bindings";
import { messageOf } from "./api";

/** What a screen reads from the backend: the last value, the last error, and a way to read again. */
export type Loaded<T> = {
  readonly value: T | null;
  readonly error: string;
  reload: () => Promise<void>;
};

/**
 * Reads `fetch` when the calling component mounts and again on every DataChanged event (reviews and
 * attempts made on another computer arrive through the sync folder), until it unmounts. Call it
 * during component setup, like any rune.
 */
export function loaded<T>(fetch: () => Promise<T>): Loaded<T> {
  let value = $state<T | null>(null);
  let error = $state("");

  async function reload() {
    try {
      value = await fetch();
      error = "";
    } catch (e) {
      error = messageOf(e);
    }
  }

  onMount(() => {
    let stop: (() => void) | undefined;
    let gone = false;
    void (async () => {
      await reload();
      const unlisten = await events.dataChanged.listen(() => void reload());
      // Unmounted while subscribing: drop the listener at once rather than leak it.
      if (gone) unlisten();
      else stop = unlisten;
    })();
    return () => {
      gone = true;
      stop?.();
    };
  });

  return {
    get value() {
      return value;
    },
    get error() {
      return error;
    },
    reload,
  };
}
