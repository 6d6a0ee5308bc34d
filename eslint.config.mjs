import js from '@eslint/js'
import tseslint from 'typescript-eslint'

const STATE_FIELD = '/^(_status|workflowState|withdrawal)(\\.|$)/'
const OPERATOR =
  '/^(equals|not_equals|in|not_in|all|exists|greater_than|greater_than_equal|less_than|less_than_equal|like|contains|near|within|intersects)$/'
const MESSAGE =
  "Ask a release's state of src/releases/state.ts (its query builders), not of `_status`, `workflowState` or `withdrawal` directly."

/** Selectors (for `no-restricted-syntax`) that find a query of a release's stored state. */
export const RELEASE_STATE_QUERIES = [
  // { _status: { equals: 'published' } } and { 'withdrawal.withdrawnAt': { exists: false } }
  ...['key.name', 'key.value'].map((key) => ({
    selector: `Property[${key}=${STATE_FIELD}] > ObjectExpression.value > Property[key.name=${OPERATOR}]`,
    message: MESSAGE,
  })),
  // { withdrawal: { withdrawnAt: { exists: false } } }
  {
    selector: `Property[key.name='withdrawal'] > ObjectExpression.value > Property > ObjectExpression.value > Property[key.name=${OPERATOR}]`,
    message: MESSAGE,
  },
  // '?where[workflowState][equals]=draft' in a REST or admin address
  { selector: 'Literal[value=/\\[(_status|workflowState|withdrawal)[\\].]/]', message: MESSAGE },
  {
    selector: 'TemplateElement[value.raw=/\\[(_status|workflowState|withdrawal)[\\].]/]',
    message: MESSAGE,
  },
]

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      '.next/',
      'dist/',
      'data/',
      'media/',
      'test-results/',
      'playwright-report/',
      'next-env.d.ts',
      'src/payload-types.ts',
      'src/app/(payload)/',
      'migrations/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'smart'],
      'no-console': 'off',
    },
  },
  {
    // A release's state is asked only of src/releases/state.ts (its opening comment says which
    // field is the truth for what). What is refused elsewhere is a *query* of `_status`,
    // `workflowState` or `withdrawal`: the field as the key of a Where condition (a key whose
    // value is an object of operators, `{ _status: { equals: … } }`, `'withdrawal.withdrawnAt':
    // { exists: … }`), or in a REST query string (`where[workflowState][equals]=…`). Naming the
    // fields is still allowed where that is not a query: field definitions (`name: '_status'`),
    // data written (`{ workflowState: 'draft' }`), `select: { withdrawal: true }` and reading a
    // document's value (`release._status`). Tests are outside the rule: they check the stored fields.
    files: ['src/**/*.{ts,tsx}', 'collections/**/*.ts', 'payload.config.ts'],
    ignores: ['src/releases/**'],
    rules: { 'no-restricted-syntax': ['error', ...RELEASE_STATE_QUERIES] },
  },
  {
    // Tests read JSON responses whose shape is what they check.
    files: ['test/**/*.ts', 'e2e/**/*.ts'],
    // Playwright's fixtures take their dependencies as a destructured (sometimes empty) object.
    rules: { '@typescript-eslint/no-explicit-any': 'off', 'no-empty-pattern': 'off' },
  },
  {
    files: ['public/**/*.js', 'src/site/components/**/*.js'],
    languageOptions: {
      globals: {
        window: 'readonly',
        document: 'readonly',
        location: 'readonly',
        navigator: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
      },
    },
  },
)
