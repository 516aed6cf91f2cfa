// ui/handover's surface: another feature imports only the modules named here (imports.test.ts).
// They are imported directly, not through this file: a barrel would pull lazy code into the first download.

export * from './HandoverHeader.tsx';
export * from './HandoverProgress.tsx';
export * from './HandToStoryteller.tsx';
export * from './handover.ts';
export * from './LocationWithHandover.tsx';
export * from './PinCheck.tsx';
export * from './StaffOnly.tsx';
