// How the page words the hotel's values.

import * as dates from './dates.js';

const ROOM_TYPES = { SINGLE: 'Single', DOUBLE: 'Double', TWIN: 'Twin', SUITE: 'Suite', FAMILY: 'Family' };
const MONEY = new Intl.NumberFormat(dates.LOCALE, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export const roomTypeName = (type) => ROOM_TYPES[type] ?? String(type);

export const formatMoney = (amount) => MONEY.format(Number(amount));

export const guests = (count) => `${count} ${count === 1 ? 'guest' : 'guests'}`;

export const nightCount = (count) => `${count} ${count === 1 ? 'night' : 'nights'}`;

/** "Room 103, check-in Mon 3 Mar, check-out Thu 6 Mar". */
export const stayText = ({ roomNumber, checkIn, checkOut }) =>
    `Room ${roomNumber}, check-in ${dates.shortDate(checkIn)}, check-out ${dates.shortDate(checkOut)}`;

/** "Mon 3 Mar", or "Mon 3 Mar – Wed 5 Mar" for the nights from..to (exclusive). */
export function nightsText(from, to) {
    const last = dates.addDays(to, -1);
    return last === from ? dates.shortDate(from) : `${dates.shortDate(from)} – ${dates.shortDate(last)}`;
}
