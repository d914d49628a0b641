import { findPersonalIdentityNumbers, findPersonalIdentityNumbersInJson, luhnValid } from "./pnr-scan";

/** The test scanner itself: it must find what the privacy tests rely on it to find. */
test("finds valid personnummer in every written form, inside text, and nothing else", () => {
  for (const pnr of ["19400312-1235", "194003121235", "400312-1235", "4003121235", "500101+4322", "350371-2220", "20100312-1231"]) {
    expect(findPersonalIdentityNumbers(`före ${pnr} efter`)).toEqual([pnr]);
  }
  expect(findPersonalIdentityNumbers("Hemtjänst 2024-01, 6410660000 öre, B-1a2b3c4d5e6f, 1 234 567 890,00 kr")).toEqual([]);
  expect(findPersonalIdentityNumbers("19400312-1234")).toEqual([]); // wrong check digit
  expect(findPersonalIdentityNumbers("19401312-1235")).toEqual([]); // month 13
  expect(findPersonalIdentityNumbers("1194003121235")).toEqual([]); // part of a longer number
  expect(luhnValid("4003121235")).toBe(true);
  expect(findPersonalIdentityNumbersInJson({ clients: [{ id: "4003121235", total: "4003121235.00" }], "4003121235": 1 })).toEqual(["4003121235", "4003121235"]);
});
