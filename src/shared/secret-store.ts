/**
 * Where the add-in keeps the secret behind client pseudonyms: in the add-in's own storage on this
 * computer (OfficeRuntime.storage in Office, else the page's localStorage), never in the workbook.
 * Anyone with the file could otherwise re-derive pseudonyms from the small space of personnummer.
 * Colleagues who must produce the same pseudonyms export the key (Inställningar → Exportera
 * nyckel) and import it on their computer. The command line keeps its own `.kpb-secret` file.
 */

export const SECRET_KEY = "KPB.pseudonymSecret";
/** What an exported key looks like: a prefix, so a pasted key is recognised, and 32–128 hex digits. */
export const EXPORT_PREFIX = "KPB-NYCKEL-1:";

export interface SecretStore {
  get(): Promise<string | null>;
  set(secret: string): Promise<void>;
}

interface KeyValueStorage {
  getItem(key: string): Promise<string | null> | string | null;
  setItem(key: string, value: string): Promise<void> | void;
}

function storageStore(storage: KeyValueStorage): SecretStore {
  return {
    get: async () => (await storage.getItem(SECRET_KEY)) ?? null,
    set: async (secret) => {
      await storage.setItem(SECRET_KEY, secret);
    },
  };
}

/** A store in memory only (tools and tests outside Office): the secret lasts as long as the process. */
export function memorySecretStore(initial: string | null = null): SecretStore {
  let value = initial;
  return {
    get: async () => value,
    set: async (secret) => {
      value = secret;
    },
  };
}

function platformStore(): SecretStore {
  const runtime = (globalThis as { OfficeRuntime?: { storage?: KeyValueStorage } }).OfficeRuntime;
  if (runtime?.storage) return storageStore(runtime.storage);
  try {
    const local = (globalThis as { localStorage?: KeyValueStorage }).localStorage;
    if (local) return storageStore(local);
  } catch {
    // localStorage can throw when the browser blocks storage; fall through to memory.
  }
  return memorySecretStore();
}

let current: SecretStore | null = null;

/** The store in use (chosen once: Office's storage, else localStorage, else memory). */
export function secretStore(): SecretStore {
  return (current ??= platformStore());
}

/** Replaces the store (tests, or a host that provides its own). */
export function setSecretStore(store: SecretStore | null): void {
  current = store;
}

export function newSecret(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** The secret, created and saved on first use. */
export async function ensureSecret(store: SecretStore = secretStore()): Promise<string> {
  const existing = await store.get();
  if (existing) return existing;
  const secret = newSecret();
  await store.set(secret);
  return secret;
}

/** The key as text for a colleague (the only way it leaves this computer, and only when asked). */
export async function exportSecret(store: SecretStore = secretStore()): Promise<string> {
  return EXPORT_PREFIX + (await ensureSecret(store));
}

export class InvalidSecretError extends Error {
  constructor() {
    super(`Pseudonymiseringsnyckeln känns inte igen. Klistra in hela texten som börjar med ${EXPORT_PREFIX}`);
    this.name = "InvalidSecretError";
  }
}

/** Replaces this computer's key with an exported one; pseudonyms then match the colleague's. */
export async function importSecret(text: string, store: SecretStore = secretStore()): Promise<void> {
  const trimmed = text.trim();
  const body = trimmed.startsWith(EXPORT_PREFIX) ? trimmed.slice(EXPORT_PREFIX.length) : trimmed;
  if (!/^[0-9a-f]{32,128}$/i.test(body)) throw new InvalidSecretError();
  await store.set(body.toLowerCase());
}
