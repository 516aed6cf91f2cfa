// ui/shared's surface: another feature imports only the modules named here (imports.test.ts).
// They are imported directly, not through this file: a barrel would pull lazy code into the first download.

export * from './announce.ts';
export * from './ConfirmWithdraw.tsx';
export * from './ErrorBanner.tsx';
export * from './ErrorSummary.tsx';
export * from './Field.tsx';
export * from './focus.ts';
export * from './KeyBanner.tsx';
export * from './keyboardInset.ts';
export * from './LiveRegion.tsx';
export * from './NeedMark.tsx';
export * from './NewStoryButton.tsx';
export * from './TextField.tsx';
export * from './text.ts';
export * from './UpdateBanner.tsx';
