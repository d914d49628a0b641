import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";

describe("kpb sample", () => {
  test("writes the sample, refuses to overwrite an existing file, and overwrites with --force", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "kpb-sample-"));
    const file = path.join(dir, "min-arbetsbok.xlsx");
    const quiet = jest.spyOn(console, "log").mockImplementation(() => undefined);
    const quietErr = jest.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      expect(await main(["sample", file])).toBe(0);
      await fs.writeFile(file, "my own work");
      expect(await main(["sample", file])).toBe(2);
      expect(await fs.readFile(file, "utf8")).toBe("my own work");
      expect(await main(["sample", file, "--force"])).toBe(0);
      expect((await fs.readFile(file)).subarray(0, 2).toString()).toBe("PK");
    } finally {
      quiet.mockRestore();
      quietErr.mockRestore();
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
