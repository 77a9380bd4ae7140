// Polls one source of a SQLite store, one item at a time; the crash test kills this process
// (SIGKILL) halfway through. Usage: node --import tsx ingest-child.ts DB_FILE SOURCE_ID
import { openStore } from '../../../store/db.ts';
import { createIngestContext } from '../context.ts';
import { ingestSource } from '../source.ts';

const [file, sourceId] = process.argv.slice(2);
const store = await openStore(file!);
await ingestSource(createIngestContext(store, { allow: '127.0.0.1', minIntervalMs: 0, itemConcurrency: 1 }), Number(sourceId));
await store.close();
