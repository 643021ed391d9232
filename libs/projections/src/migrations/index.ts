import { CreateReadModels1763910000000 } from './1763910000000-create-read-models.js';
import { CreateCaseLoads1765130000000 } from './1765130000000-create-case-loads.js';

/** Register beside the event store's migrations in the application's DataSource (never `synchronize`). */
export const projectionMigrations = [CreateReadModels1763910000000, CreateCaseLoads1765130000000];
