// Nights as ISO dates (YYYY-MM-DD), computed in UTC so that no daylight-saving change shifts a day.

const DAY_MS = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const toMillis = (date) => {
    const [year, month, day] = date.split('-').map(Number);
    return Date.UTC(year, month - 1, day);
};
const fromMillis = (millis) => new Date(millis).toISOString().slice(0, 10);

export function isDate(value) {
    return typeof value === 'string' && ISO_DATE.test(value) && fromMillis(toMillis(value)) === value;
}

/** Today in this browser's calendar. */
export function today() {
    const now = new Date();
    return fromMillis(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
}

export function addDays(date, days) {
    return fromMillis(toMillis(date) + days * DAY_MS);
}

export function daysBetween(from, to) {
    return Math.round((toMillis(to) - toMillis(from)) / DAY_MS);
}

/** The nights from {@code from} up to, not including, {@code to}. */
export function nights(from, to) {
    const count = Math.max(0, daysBetween(from, to));
    return Array.from({ length: count }, (_, i) => addDays(from, i));
}

/** The page speaks English; dates follow the reader's English (en-GB: 24 Nov, en-US: Nov 24). */
export const LOCALE = navigator.languages?.find((language) => language.startsWith('en')) ?? 'en';

const formats = {
    weekday: new Intl.DateTimeFormat(LOCALE, { weekday: 'short', timeZone: 'UTC' }),
    dayMonth: new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'short', timeZone: 'UTC' }),
    short: new Intl.DateTimeFormat(LOCALE, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }),
    long: new Intl.DateTimeFormat(LOCALE,
        { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

export const weekday = (date) => formats.weekday.format(toMillis(date));
export const dayMonth = (date) => formats.dayMonth.format(toMillis(date));
export const shortDate = (date) => formats.short.format(toMillis(date));
export const longDate = (date) => formats.long.format(toMillis(date));
export const isWeekend = (date) => [0, 6].includes(new Date(toMillis(date)).getUTCDay());
