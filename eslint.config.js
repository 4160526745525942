import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'test/fixtures/**', 'test-artifacts/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // parse is pure: no storage, network or HTTP.
    files: ['src/parse/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            '**/store/**',
            '**/web/**',
            '**/api/**',
            'pg',
            '@electric-sql/*',
            'fastify',
            'node:http',
          ],
        },
      ],
    },
  },
);
