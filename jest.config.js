/** All tests: unit, property, fake-Excel, component and (against the built dist/) headless-browser tests. */
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
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }],
  },
  testTimeout: 60000,
};
