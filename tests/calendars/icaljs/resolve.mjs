// Prints, as JSON, each VEVENT's UID -> DTSTART/DTEND resolved to UTC by ical.js.
//
// Usage: node resolve.mjs [file.ics]   (reads stdin without a path)
//
// Times with a TZID must be resolved through the VTIMEZONE in the same file,
// as Thunderbird does. ical.js silently treats a time whose TZID it cannot
// find as floating, which would hide a broken VTIMEZONE, so that is an error.
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const source = readFileSync(process.argv[2] ?? 0, "utf8");
const calendar = new ICAL.Component(ICAL.parse(source));

function resolve(event, name) {
  const property = event.getFirstProperty(name);
  const time = property.getFirstValue();
  const tzid = property.getParameter("tzid");
  const zone = time.zone;
  if (tzid) {
    const fromFile =
      zone instanceof ICAL.Timezone &&
      zone.tzid === tzid &&
      zone.component !== null &&
      zone.component.parent === calendar;
    if (!fromFile) {
      throw new Error(`${name} TZID=${tzid} was not resolved through the file's VTIMEZONE`);
    }
  } else if (zone !== ICAL.Timezone.utcTimezone) {
    throw new Error(`${name} is a floating time`);
  }
  const epoch = time.toUnixTime();
  return {
    epoch,
    utc: new Date(epoch * 1000).toISOString(),
    tzid: tzid ?? "UTC",
    offset: time.utcOffset(),
  };
}

const result = {};
for (const vevent of calendar.getAllSubcomponents("vevent")) {
  const uid = vevent.getFirstPropertyValue("uid");
  result[uid] = { start: resolve(vevent, "dtstart"), end: resolve(vevent, "dtend") };
}
process.stdout.write(JSON.stringify(result, null, 2) + "\n");
