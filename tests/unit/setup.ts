// Every unit test gets a working IndexedDB (fake-indexeddb) before Dexie loads.
import 'fake-indexeddb/auto';
