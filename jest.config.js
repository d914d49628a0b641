/** Unit, property, fake-Excel and component tests. The headless browser test runs under its own config. */
const path = require("path");

// Fluent UI's context selector imports its peer `scheduler`, which npm installed only under
// react-dom; resolve it from there (the same alias as in webpack.config.js).
const schedulerDir = path.dirname(
  require.resolve("scheduler/package.json", { paths: [path.dirname(require.resolve("react-dom/package.json"))] }),
);

module.exports = {
  moduleNameMapper: {
    "^scheduler$": schedulerDir,
  },
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", isolatedModules: true }],
  },
  testTimeout: 60000,
};
