// Performance marks around opening the directory (src/app/directory/directory.ts), read by the directory
// bench to time it against the unlock. Names only: no data.
export const LOAD_MARK = 'directory: load';
export const READY_MARK = 'directory: ready';
