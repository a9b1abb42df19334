// The app has a handful of screens; a small typed state beats a router dependency.
export type Screen =
  | { name: "home" }
  | { name: "browse" }
  | { name: "question"; id: string }
  | { name: "drills" }
  | { name: "drill"; id: string }
  | { name: "review" }
  | { name: "mock" }
  | { name: "progress" }
  | { name: "mistakes" }
  | { name: "settings" };

class Nav {
  current: Screen = $state({ name: "home" });
  private history: Screen[] = [];

  go(screen: Screen): void {
    this.history.push(this.current);
    this.current = screen;
  }

  back(): void {
    this.current = this.history.pop() ?? { name: "home" };
  }
}

export const nav = new Nav();
