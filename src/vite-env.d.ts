/// <reference types="vite/client" />

declare module 'virtual:scenarios' {
  const scenarios: import('./model/schema.ts').Scenario[];
  export default scenarios;
  /** per scenario, in the same order: what its drawn series can reach (model/reach.ts) */
  export const reach: import('./model/reach.ts').Reach[];
}
