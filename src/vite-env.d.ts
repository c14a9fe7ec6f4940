/// <reference types="vite/client" />

declare module 'virtual:scenarios' {
  const scenarios: import('./model/schema.ts').Scenario[];
  export default scenarios;
}
