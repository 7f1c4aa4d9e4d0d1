import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

// Type-aware lint (Immich's choice): floating promises and non-exhaustive switches are bugs.
export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'db/migrations/', 'test-results/', 'dist/', 'bin/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { arguments: false, attributes: false } },
      ],
      // Fastify handlers are async by contract even when they do not await.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/only-throw-error': 'error',
      'no-control-regex': 'off',
    },
  },
  {
    files: ['**/*.test.ts', 'tests/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
    },
  },
  {
    // House rules a tool enforces (docs/CODE_STYLE.md): layers point one way, no import cycles.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver': undefined,
      'import-x/resolver-next': [createTypeScriptImportResolver()],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './src/platform',
              from: './src/modules',
              message: 'platform knows no domain: it may not import modules/.',
            },
            { target: './src/platform', from: './src/web', message: 'platform may not import web/.' },
            {
              target: './src/modules',
              from: './src/web',
              message: 'modules may not import web/: web calls modules, never the other way.',
            },
          ],
        },
      ],
    },
  },
  {
    // SQL lives in a module's queries and schema files (and the platform); never add an exception.
    files: ['src/modules/**/*.ts', 'src/modules/**/*.tsx', 'src/web/**/*.ts', 'src/web/**/*.tsx'],
    ignores: [
      'src/modules/**/queries*.ts',
      'src/modules/**/*-queries.ts',
      'src/modules/**/queries/**',
      'src/modules/**/schema*.ts',
      'src/modules/**/*.test.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'drizzle-orm',
              message: "SQL belongs in the module's queries file (docs/CODE_STYLE.md).",
            },
          ],
          patterns: [
            {
              group: ['drizzle-orm/*'],
              message: "SQL belongs in the module's queries file (docs/CODE_STYLE.md).",
            },
          ],
        },
      ],
    },
  },
  {
    // A staff route's handler gets the office typed: staffRoutes(app).get(url, permission,
    // (req, reply, office) => …); a helper calls officeOf(req) (ADR 0076, ADR 0113). The
    // codemod scripts/codemods/typed-office.ts rewrites what predates the rule.
    files: ['src/web/**/*.ts', 'src/web/**/*.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "TSNonNullExpression > MemberExpression.expression[property.name='office']",
          message:
            "No `req.office!`: take the office from staffRoutes(app) (the handler's third parameter) or officeOf(req) (src/web/kit/office.ts).",
        },
      ],
    },
  },
  {
    files: ['eslint.config.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // Browser scripts (progressive enhancement), outside the TypeScript project.
    files: ['src/web/assets/**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: {
        document: 'readonly',
        window: 'readonly',
        HTMLFormElement: 'readonly',
        HTMLSelectElement: 'readonly',
        HTMLElement: 'readonly',
        navigator: 'readonly',
        URL: 'readonly',
      },
    },
  },
);
