import { CLIENT_CASES } from "./clients";
import { NUMBER_CASES } from "./numbers";
import { POOL_CASES } from "./pools";
import { PRIVACY_CASES } from "./privacy";
import { STRUCTURE_CASES } from "./structure";
import type { CorpusCase } from "./types";

/** Every engine case of the bad-input corpus (the command-line cases are in cli-cases.ts). */
export const CORPUS: CorpusCase[] = [...STRUCTURE_CASES, ...NUMBER_CASES, ...CLIENT_CASES, ...POOL_CASES, ...PRIVACY_CASES];
