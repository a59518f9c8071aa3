// The closing time in words and whether scoring is open at an instant.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  formatInstantWords,
  scoringIsOpen,
  timeLeftWords,
  zoneLabel,
} from "../../src/core/closing";
import { instantWords, wallTimeToInstant, zoneOffset } from "../../src/server/scoring";

describe("the closing time in words", () => {
  it("names Indonesia's zones, and an offset elsewhere", () => {
    expect(zoneLabel("Asia/Jakarta", 420)).toBe("WIB");
    expect(zoneLabel("Asia/Pontianak", 420)).toBe("WIB");
    expect(zoneLabel("Asia/Makassar", 480)).toBe("WITA");
    expect(zoneLabel("Asia/Jayapura", 540)).toBe("WIT");
    expect(zoneLabel("Europe/Berlin", 60)).toBe("UTC+1");
    expect(zoneLabel("Asia/Kolkata", 330)).toBe("UTC+5.30");
    expect(zoneLabel("America/St_Johns", -150)).toBe("UTC−2.30");
  });

  it("says the day, date and time as people read them", () => {
    expect(formatInstantWords("2019-10-07T03:00:00.000Z", 420, "WIB", "id")).toBe(
      "Senin, 7 Oktober 2019 pukul 10.00 WIB",
    );
    expect(formatInstantWords("2019-10-07T03:00:00.000Z", 420, "WIB", "en")).toBe(
      "Monday, 7 October 2019 at 10:00 WIB",
    );
    // Past midnight in the zone: the next day.
    expect(formatInstantWords("2019-10-06T17:30:00.000Z", 420, "WIB", "id")).toBe(
      "Senin, 7 Oktober 2019 pukul 00.30 WIB",
    );
    expect(formatInstantWords("bukan waktu", 420, "WIB", "id")).toBe("");
  });

  it("reads a wall time in the spreadsheet's zone and says it back the same", () => {
    expect(wallTimeToInstant("2019-10-07T10:00", "Asia/Jakarta")).toBe("2019-10-07T03:00:00.000Z");
    expect(wallTimeToInstant("2019-10-07T10:00", "Asia/Makassar")).toBe("2019-10-07T02:00:00.000Z");
    expect(instantWords("2019-10-07T02:00:00.000Z", "Asia/Makassar", "id")).toBe(
      "Senin, 7 Oktober 2019 pukul 10.00 WITA",
    );
    expect(wallTimeToInstant("2019-13-07T10:00", "Asia/Jakarta")).toBeNull();
    expect(wallTimeToInstant("besok pagi", "Asia/Jakarta")).toBeNull();
    // Daylight saving: the offset of the day itself.
    expect(zoneOffset("Europe/Berlin", Date.parse("2019-07-01T12:00:00Z"))).toBe(120);
    expect(zoneOffset("Europe/Berlin", Date.parse("2019-12-01T12:00:00Z"))).toBe(60);
    fc.assert(
      fc.property(
        fc.date({
          min: new Date("2000-01-01T00:00:00Z"),
          max: new Date("2100-01-01T00:00:00Z"),
          noInvalidDate: true,
        }),
        fc.constantFrom("Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"),
        (date, zone) => {
          const ms = Math.floor(date.getTime() / 60_000) * 60_000;
          const wall = new Date(ms + zoneOffset(zone, ms) * 60_000).toISOString().slice(0, 16);
          expect(wallTimeToInstant(wall, zone)).toBe(new Date(ms).toISOString());
        },
      ),
    );
  });
});

describe("scoringIsOpen and the time left", () => {
  const at = Date.parse("2019-10-07T03:00:00.000Z");
  it("is open until the closing instant, and never when switched off", () => {
    const s = { scoringOpen: true, scoringClosesAt: "2019-10-07T03:00:00.000Z" };
    expect(scoringIsOpen(s, at - 1)).toBe(true);
    expect(scoringIsOpen(s, at)).toBe(false);
    expect(scoringIsOpen({ scoringOpen: true, scoringClosesAt: "" }, at)).toBe(true);
    expect(scoringIsOpen({ scoringOpen: false, scoringClosesAt: "" }, at)).toBe(false);
  });

  it("says the time left, rounded down to the minute", () => {
    expect(timeLeftWords(2 * 86_400_000 + 3 * 3_600_000 + 59_000, "id")).toBe("2 hari 3 jam");
    expect(timeLeftWords(2 * 3_600_000 + 15 * 60_000, "id")).toBe("2 jam 15 menit");
    expect(timeLeftWords(45 * 60_000 + 59_000, "en")).toBe("45 min");
    expect(timeLeftWords(30_000, "id")).toBe("< 1 menit");
    expect(timeLeftWords(-5, "en")).toBe("< 1 min");
  });
});
