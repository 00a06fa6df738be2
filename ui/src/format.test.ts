import { describe, expect, it } from "vitest";
import { plainAmount } from "./format";

describe("plainAmount", () => {
  it("writes minor units back as the owner types them, exactly, for any number of decimals", () => {
    expect(plainAmount(250005, 2)).toBe("2500.05");
    expect(plainAmount(-5, 2)).toBe("-0.05");
    expect(plainAmount(1234, 0)).toBe("1234");
    expect(plainAmount(1000, 3)).toBe("1.000");
    expect(plainAmount(9007199254740991, 2)).toBe("90071992547409.91");
  });
});
