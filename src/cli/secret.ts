import { randomBytes } from "crypto";
import { promises as fs } from "fs";
import * as path from "path";
import { cliMessage } from "./messages";

/**
 * The secret behind client pseudonyms, for the command line. A client id that looks like a
 * personnummer is written out as an HMAC pseudonym under this secret, so the same client keeps
 * the same pseudonym from one run (and one year) to the next, and no one without the secret can
 * test candidate personnummer against the results.
 *
 * It lives in a file `.kpb-secret` in the workbook's folder (or wherever --secret-file says):
 * created (readable by the owner only) the first time a run needs a pseudonym, read on every
 * later run. Keep it with the workbooks; never send it with the results. Deleting it gives new
 * pseudonyms from the next run on. (The add-in keeps its secret in the workbook's settings.)
 */
export const SECRET_FILE_NAME = ".kpb-secret";
const MIN_SECRET_LENGTH = 16;

export class SecretFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SecretFileError";
  }
}

export interface PseudonymSecret {
  secret: string;
  file: string;
  /** False when the file did not exist and the secret is new (save it if pseudonyms were used). */
  stored: boolean;
}

export function defaultSecretFile(workbook: string): string {
  return path.join(path.dirname(path.resolve(workbook)), SECRET_FILE_NAME);
}

/** Reads the secret file, or makes a new secret when there is none yet. */
export async function loadSecret(file: string): Promise<PseudonymSecret> {
  let text: string;
  try {
    text = await fs.readFile(file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { secret: randomBytes(32).toString("hex"), file, stored: false };
    if (code === "EISDIR") throw new SecretFileError(cliMessage("secretIsFolder", { file }));
    throw new SecretFileError(cliMessage("secretUnreadable", { file, code: code ?? String(e) }));
  }
  const secret = text.trim();
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new SecretFileError(cliMessage("secretInvalid", { file, min: MIN_SECRET_LENGTH }));
  }
  return { secret, file, stored: true };
}

/** Writes a new secret, readable by the owner only; never overwrites an existing file. */
export async function saveSecret(s: PseudonymSecret): Promise<void> {
  if (s.stored) return;
  await fs.writeFile(s.file, `${s.secret}\n`, { flag: "wx", mode: 0o600 });
  s.stored = true;
}
