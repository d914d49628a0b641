// The bench drives src/excel (typed against Office.js) with the in-memory fake; the CLI build has
// only Node's types, so the Excel namespace is brought in here for type-checking alone.
/// <reference types="office-js" />
