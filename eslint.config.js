import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import js from '@eslint/js';
import globals from 'globals';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// One-way imports: app → features → (components, content, routing, store) → core. The report
// (PDF building) is pure like core and sees only core. src/node (file-system loaders) and src/cli
// run in Node only: they see core and report, and nothing that ships to the browser sees them.
const root = import.meta.dirname;

/** src/ holds these in the browser bundle; no file among them may import a Node module. */
const browserFiles = [
  'src/main.tsx',
  'src/app/**',
  'src/features/**',
  'src/components/**',
  'src/content/**',
  'src/routing/**',
  'src/store/**',
  'src/core/**',
  'src/report/**',
];

/** One folder per feature, read from disk so that a new feature is covered without an edit here. */
const features = readdirSync(join(root, 'src/features'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/** Zones for import-x/no-restricted-paths: files under `target` may not import from `from`. */
const layerZones = [
  ...features.map((feature) => ({
    target: `./src/features/${feature}`,
    from: './src/features',
    except: [`./${feature}`],
    message: `features are independent: ${feature} imports no other feature's files (share through components, content, store or core).`,
  })),
  {
    target: './src/features',
    from: './src/app',
    message: 'features sit below the app shell.',
  },
  {
    target: ['./src/components', './src/content', './src/routing'],
    from: ['./src/store', './src/features', './src/app'],
    message: 'components, content and routing sit below the store, the features and the app.',
  },
  {
    target: './src/store',
    from: ['./src/features', './src/app', './src/components', './src/content'],
    message: 'the store sits below the UI: no feature, app, component or content.',
  },
  {
    target: './src/core',
    from: './src',
    except: ['./core'],
    message:
      'core stays pure: it imports only core (never a UI layer, the report, src/node or src/cli).',
  },
  {
    target: './src/report',
    from: './src',
    except: ['./core', './report'],
    message:
      'the report stays pure: it imports only core and itself (never a UI layer, src/node or src/cli).',
  },
  {
    target: './src/node',
    from: './src',
    except: ['./core', './report', './node'],
    message: 'src/node imports only core and report.',
  },
  {
    target: browserFiles.map((glob) => `./${glob.replace(/\/\*\*$/, '')}`),
    from: ['./src/node', './src/cli'],
    message: 'src/node and src/cli are Node-only: nothing in the browser bundle imports them.',
  },
];

// Packages the pure code never sees; the paths it may not see are in layerZones.
const noUiInPureCode = {
  patterns: [
    {
      group: ['react', 'react-dom', 'react-dom/*', 'react-hook-form', 'zustand', 'zustand/*'],
      message: 'core and report stay pure: no React or store here.',
    },
  ],
};

export default tseslint.config(
  { ignores: ['dist', 'dist-bench', 'coverage', 'node_modules', 'test-results'] },
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
    // Module graph rules. Imports name their file with its extension ('./y.ts'); the resolver
    // also tries the extensions for the odd import without one.
    files: ['**/*.{js,mjs,ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx', '.js', '.mjs'] },
      'import-x/resolver-next': [
        createNodeResolver({
          extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'],
          conditionNames: ['import', 'default'],
        }),
      ],
    },
    rules: {
      // Type-only imports are erased and never form a runtime cycle; packages cannot import back.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { basePath: root, zones: layerZones }],
    },
  },
  {
    files: browserFiles,
    rules: { 'import-x/no-nodejs-modules': 'error' },
  },
  {
    files: ['src/core/**', 'src/report/**'],
    rules: { 'no-restricted-imports': ['error', noUiInPureCode] },
  },
  {
    files: ['src/cli/**', 'src/node/**', 'scripts/**', 'tests/**', '*.config.{js,ts}'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-console': 'off' },
  },
);
