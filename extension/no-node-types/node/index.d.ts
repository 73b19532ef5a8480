// Stands in for @types/node in extension/tsconfig.json only (see the comment there): WXT's types
// reach Vite's, which reference Node's; resolved here, that reference adds no globals.
export {};
