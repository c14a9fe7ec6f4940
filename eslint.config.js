import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

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
  {
    // The engine is pure: it runs the same in the browser, a worker, Node and tests.
    files: ['src/model/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*', 'd3-*'],
              message: 'src/model must stay free of UI and state libraries.',
            },
            { group: ['node:*', 'fs', 'path'], message: 'src/model must run in the browser too.' },
            {
              group: ['../state/*', '../ui/*', '../charts/*', '../cli/*', '../scenarios/*', '../i18n/*'],
              message: 'model imports nothing from the other layers.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'navigator'],
    },
  },
);
