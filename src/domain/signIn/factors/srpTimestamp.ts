const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const FORMAT = new RegExp(
  `^(${WEEKDAYS.join("|")}) (${MONTHS.join("|")}) ([1-9]|[12]\\d|3[01]) ([01]\\d|2[0-3]):([0-5]\\d):([0-5]\\d) UTC (\\d{4})$`,
);

/**
 * The time a PASSWORD_VERIFIER answer's TIMESTAMP names, in epoch ms, or
 * undefined when it is not in the clients' format (reference §4.3):
 * `EEE MMM d HH:mm:ss UTC yyyy`, English names, the day of the month not
 * zero-padded and the weekday matching the date — Cognito refuses a padded
 * day or a wrong weekday (observed).
 */
export function srpTimestamp(text: string): number | undefined {
  const match = FORMAT.exec(text);
  if (match === null) return undefined;
  const [, weekday = "", month = "", day, hours, minutes, seconds, year] = match;
  const at = Date.UTC(Number(year), MONTHS.indexOf(month), Number(day), Number(hours), Number(minutes), Number(seconds));
  const date = new Date(at);
  if (date.getUTCDate() !== Number(day) || WEEKDAYS[date.getUTCDay()] !== weekday) return undefined;
  return at;
}
