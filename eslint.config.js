import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "coverage/", "bench-results/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: "readonly",
        console: "readonly",
        URL: "readonly",
        Buffer: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
      },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    // An async CLI: a promise nobody awaits loses its error and its exit code.
    files: ["src/**/*.ts", "test/**/*.ts", "scripts/**/*.ts", "scripts/**/*.mjs"],
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ["scripts/*.mjs"] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/await-thenable": "error",
    },
  },
  {
    files: ["src/**/*.ts"],
    rules: { "@typescript-eslint/no-unnecessary-type-assertion": "error" },
  },
  {
    // Tests look for escape sequences in terminal output on purpose.
    files: ["test/**"],
    rules: { "no-control-regex": "off" },
  },
  {
    files: ["src/journal/**", "src/coach/**", "src/export/**", "src/content/**"],
    rules: {
      // Domain code never prints or prompts: commands do.
      "no-console": "error",
      "no-restricted-imports": [
        "error",
        { patterns: ["@inquirer/*", "ora", "chalk", "../ui/*", "../commands/*", "../flows/*"] },
      ],
    },
  },
);
