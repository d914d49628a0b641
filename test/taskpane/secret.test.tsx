/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { InvalidSecretError } from "../../src/shared/secret-store";
import { renderPane, stubPort } from "./stub-port";

describe("Inställningar: the pseudonym key", () => {
  it("exports the key as text to copy, and imports a colleague's", async () => {
    const port = stubPort();
    renderPane(port, { initialTab: "settings" });
    const section = await screen.findByTestId("secret-section");
    expect(section.textContent).toContain("aldrig i arbetsboken");
    fireEvent.click(within(section).getByRole("button", { name: "Exportera pseudonymiseringsnyckel" }));
    const text = (await within(section).findByTestId("secret-exported")) as HTMLTextAreaElement;
    expect(text.value).toBe("KPB-NYCKEL-1:00112233445566778899aabbccddeeff");

    fireEvent.change(within(section).getByTestId("secret-import"), { target: { value: "KPB-NYCKEL-1:ffeeddccbbaa99887766554433221100" } });
    fireEvent.click(within(section).getByRole("button", { name: "Importera pseudonymiseringsnyckel" }));
    await waitFor(() => expect(port.importSecret).toHaveBeenCalledWith("KPB-NYCKEL-1:ffeeddccbbaa99887766554433221100"));
    expect((await within(section).findByRole("status")).textContent).toContain("Pseudonymiseringsnyckeln är importerad");
  });

  it("says so when the pasted text is not a key", async () => {
    const port = stubPort({ importSecret: jest.fn().mockRejectedValue(new InvalidSecretError()) });
    renderPane(port, { initialTab: "settings" });
    const section = await screen.findByTestId("secret-section");
    fireEvent.change(within(section).getByTestId("secret-import"), { target: { value: "hej" } });
    fireEvent.click(within(section).getByRole("button", { name: "Importera pseudonymiseringsnyckel" }));
    expect((await within(section).findByRole("alert")).textContent).toContain("Pseudonymiseringsnyckeln känns inte igen");
  });
});
