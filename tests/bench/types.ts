// What a benchmark module exports, and what the runner hands it. A bench returns tables of
// figures to compare over time; it never passes or fails.

export type BenchContext = {
  /** The Chromium binary to drive with Playwright (never a downloaded browser). */
  chromiumPath: string;
  /** The app built once for the whole run (`vite build` into dist-bench). */
  distDir: string;
  /** One line of progress, so a long run says what it is doing. */
  log: (line: string) => void;
};

/** One figure: what it is, its value as printed, and an optional note (goal, ideal, caveat). */
export type Figure = { figure: string; value: string; note?: string };

export type FigureTable = { title: string; rows: Figure[] };

export type Bench = {
  name: string;
  /** One line for `npm run bench -- --list`. */
  summary: string;
  run(ctx: BenchContext): Promise<FigureTable[]>;
};
