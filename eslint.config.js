import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// One-way imports (app → features → store → core): the pure core and report never see React,
// the DOM store or a feature, so the command line and the tests run them in plain Node.
const noUiInPureCode = {
  patterns: [
    {
      group: ['react', 'react-dom', 'react-dom/*', 'react-hook-form', 'zustand', 'zustand/*'],
      message: 'core and report stay pure: no React or store here.',
    },
    {
      group: ['**/features/**', '**/app/**', '**/store/**'],
      message: 'core and report must not import the UI layers.',
    },
  ],
};

export default tseslint.config(
  { ignores: ['dist', 'dist-bench', 'coverage', 'node_modules'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      // Typed text is always rendered as text: raw HTML injection is never allowed.
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Render text, never HTML: user input must stay inert.',
        },
        {
          selector: 'MemberExpression[property.name=/^(innerHTML|outerHTML)$/]',
          message: 'Never write HTML strings into the page.',
        },
        {
          selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
          message: 'Never write HTML strings into the page.',
        },
      ],
    },
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['src/core/**', 'src/report/**'],
    rules: { 'no-restricted-imports': ['error', noUiInPureCode] },
  },
  {
    files: ['src/store/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/features/**', '**/app/**'], message: 'the store sits below the UI.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/cli/**', 'scripts/**', 'tests/**', '*.config.{js,ts}'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-console': 'off' },
  },
);
