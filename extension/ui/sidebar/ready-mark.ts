/** The User Timing mark of the sidebar's first paint with the agent's data (bench/content.bench.ts reads it). */
export const SIDEBAR_READY_MARK = 'lingting-sidebar-ready';
