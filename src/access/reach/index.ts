/** Client reach: its model, its upkeep, its counts and its repair (see model.ts for what it is). */
export * from './model';
export { refreshClientReach } from './upkeep';
export { countVisibleClients, storeVisibleCounts, visibleCountStatement } from './counts';
export { checkClientReach, rebuildClientReach, type ReachSummary } from './repair';
