// Work that must be saved before the page goes away on purpose (an update, a schema upgrade in
// another tab, a lock). Features register a hook; the app runs them all and waits.
export type SaveHook = () => Promise<void>;

export type SaveHooks = {
  register(hook: SaveHook): () => void;
  saveAll(): Promise<void>;
};

export function createSaveHooks(): SaveHooks {
  const hooks = new Set<SaveHook>();
  return {
    register(hook) {
      hooks.add(hook);
      return () => hooks.delete(hook);
    },
    async saveAll() {
      await Promise.all([...hooks].map((hook) => hook()));
    },
  };
}
