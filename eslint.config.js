import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Globals of the browser that Node does not have (window, document, location, HTMLElement...),
 * and the few it has lately gained (navigator, localStorage). */
const nodeHas = new Set([...Object.keys(globals.node), ...Object.keys(globals.builtin)]);
const BROWSER_ONLY = [
  ...new Set([
    'window',
    'document',
    'navigator',
    'localStorage',
    'sessionStorage',
    'self',
    'location',
    'HTMLElement',
    ...Object.keys(globals.browser).filter((name) => !nodeHas.has(name)),
  ]),
];

const APP_ONLY_IN_MAIN = 'Only src/main.tsx (and tests) import the app shell, ui/App.tsx.';

/**
 * The import rules of one layer, with the rule every layer shares: App.tsx is imported by
 * src/main.tsx alone. `typed`: the TypeScript version of the rule, which can allow `import type`.
 * `globals` and `types`: globals the layer may not use, as values and as types.
 */
function layer(files, { patterns, globals: banned, types, typed = false }) {
  const rule = typed ? '@typescript-eslint/no-restricted-imports' : 'no-restricted-imports';
  const options = {
    patterns: [...patterns, { regex: String.raw`(^|/)ui/App(\.tsx)?$`, message: APP_ONLY_IN_MAIN }],
  };
  return {
    files,
    rules: {
      [rule]: ['error', options],
      ...(banned ? { 'no-restricted-globals': ['error', ...banned] } : {}),
      ...(types ? { '@typescript-eslint/no-restricted-types': ['error', { types }] } : {}),
    },
  };
}

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.name='eval']", message: 'No eval: the app runs under a strict CSP.' },
        {
          selector: "NewExpression[callee.name='Function']",
          message: 'No new Function: the app runs under a strict CSP.',
        },
      ],
    },
  },
  // The layers (model ← state ← ui → charts; nothing imports ui but src/main.tsx). Each layer
  // gets one complete no-restricted-imports: a later config object would replace, not extend, it.
  layer(['src/model/**/*.ts'], {
    patterns: [
      {
        group: ['react', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*', 'd3-*'],
        message: 'src/model must stay free of UI and state libraries.',
      },
      { group: ['node:*', 'fs', 'path'], message: 'src/model must run in the browser too.' },
      {
        regex: String.raw`^(\.\./)+(state|ui|charts|cli|scenarios|i18n|docs|main)(/|\.|$)`,
        message: 'model imports nothing from the other layers.',
      },
    ],
    // The engine runs the same in the browser, a worker, Node and tests: no DOM, no browser globals.
    globals: BROWSER_ONLY.map((name) => ({
      name,
      message: `"${name}" is a browser global: src/model runs in Node and workers too.`,
    })),
    types: Object.fromEntries(
      BROWSER_ONLY.filter((name) => /^[A-Z]/.test(name)).map((name) => [
        name,
        { message: `${name} is a type of the browser's DOM: src/model runs in Node and workers too.` },
      ]),
    ),
  }),
  layer(['src/charts/**/*.{ts,tsx}'], {
    // Charts get their data as props: they read no store and import the model's types only.
    typed: true,
    patterns: [
      { group: ['zustand', 'zustand/*'], message: 'A chart reads no store: its data comes in as props.' },
      {
        regex: String.raw`^(\.\./)+(state|ui)(/|$)`,
        message: 'A chart reads no store and knows nothing of the app: ui passes it data.',
      },
      {
        regex: String.raw`^(\.\./)+model(/|$)`,
        allowTypeImports: true,
        message: "Charts import the model's types only (import type).",
      },
    ],
  }),
  layer(['src/state/**/*.ts'], {
    patterns: [
      {
        group: ['react', 'react/*', 'react-dom', 'react-dom/*'],
        message: 'src/state is plain TypeScript and zustand: React belongs to src/ui.',
      },
      { regex: String.raw`^(\.\./)+(ui|charts)(/|$)`, message: 'state imports the model only: ui wires it to charts.' },
    ],
  }),
  layer(['src/ui/**/*.{ts,tsx}'], {
    patterns: [{ regex: String.raw`^\./App(\.tsx)?$`, message: APP_ONLY_IN_MAIN }],
  }),
  layer(['src/cli/**/*.ts', 'src/i18n/**/*.ts', 'src/scenarios/**/*.ts', 'src/docs/**/*.ts'], { patterns: [] }),
);
