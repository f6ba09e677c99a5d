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
