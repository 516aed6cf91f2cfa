// Set by vite.config.ts (and vitest.config.ts): which build this page is, shown in Settings.
declare const __BUILD_ID__: string;
