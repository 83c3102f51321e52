// Lint: typescript-eslint and eslint-plugin-vue, plus the rule that keeps src/shared pure.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import vue from 'eslint-plugin-vue'
import globals from 'globals'

export default tseslint.config(
  { ignores: ['dist/**', 'data/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
    },
  },
  {
    files: ['src/client/**/*.{ts,vue}', 'test/client/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // src/shared is imported by the phone and the server alike: no DOM, no Node, no storage.
    files: ['src/shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'os', 'crypto', 'http', 'https'], message: 'src/shared must stay free of Node APIs.' },
            { group: ['vue', 'pinia', 'vue-router', 'dexie', 'pg', '@electric-sql/*', 'fastify', '@fastify/*'], message: 'src/shared must stay free of UI, storage and server libraries.' },
            { group: ['../client/*', '../server/*'], message: 'src/shared is imported by client and server, never the reverse.' },
          ],
        },
      ],
    },
  },
)
