// The guest page: the live availability table, the booking form and "My reservations", wired up.

import * as dates from './assets/dates.js';
import { say } from './assets/dom.js';
import { AvailabilityGrid } from './assets/grid.js';
import { BookingForm } from './assets/booking.js';
import { LiveAvailability } from './assets/live.js';
import { MyReservations } from './assets/my-reservations.js';
import { nightsText, roomTypeName } from './assets/words.js';

const DEFAULT_NIGHTS = 14;
const MAX_NIGHTS = 90;
const ROOM_TYPES = ['SINGLE', 'DOUBLE', 'TWIN', 'SUITE', 'FAMILY'];
const CONNECTION_TEXT = {
    connecting: 'Connecting…',
    live: 'Live',
    reconnecting: 'Reconnecting…',
    offline: 'Offline',
};

const byId = (id) => document.getElementById(id);
const filterForm = byId('filters');
const fields = filterForm.elements;
const connection = byId('connection');
const updates = byId('updates');

let current = null;

const grid = new AvailabilityGrid(byId('grid'), {
    onChoose: (stay) => booking.show(stay),
});

const booking = new BookingForm(byId('booking'), {
    onStay: (stay) => grid.show(stay),
    onBooked: (confirmation, guestName) => {
        mine.add(confirmation, guestName);
        grid.show(null);
    },
    takenNights: (stay) => grid.takenNights(stay),
});

const mine = new MyReservations({
    list: byId('my-reservations'),
    empty: byId('mine-empty'),
    heading: byId('mine-title'),
});

const live = new LiveAvailability({
    onSnapshot(snapshot) {
        grid.replace(snapshot);
        booking.setRooms(grid.rooms());
    },
    onNights(change) {
        const flipped = grid.applyNights(change);
        if (flipped.length > 0) {
            updates.textContent = `Room ${change.roomNumber}, ${nightsText(flipped[0], dates.addDays(flipped.at(-1), 1))}: `
                + `now ${change.available ? 'free' : (change.status === 'out-of-service' ? 'out of service' : 'taken')}.`;
            booking.refresh();
        }
    },
    onRoom(room) {
        if (matchesFilters(room) && grid.addRoom(room)) {
            updates.textContent = `New room ${room.roomNumber} (${roomTypeName(room.type)}), free on every night.`;
            booking.setRooms(grid.rooms());
        }
    },
    onRefused(message) {
        say(byId('filters-problem'), message);
    },
    onState(state) {
        if (connection.dataset.state !== state) {
            connection.dataset.state = state;
            connection.querySelector('.connection-text').textContent = CONNECTION_TEXT[state];
            document.body.dataset.connection = state;
        }
    },
});

function matchesFilters(room) {
    return (!current.type || room.type === current.type) && (!current.guests || room.capacity >= current.guests);
}

/** The range and filters in the address, checked; anything unusable falls back to the default. */
function filtersFromAddress() {
    const params = new URLSearchParams(window.location.search);
    const nights = Number(params.get('nights'));
    const guests = Number(params.get('guests'));
    return {
        from: dates.isDate(params.get('from')) ? params.get('from') : dates.today(),
        nights: Number.isInteger(nights) && nights >= 1 && nights <= MAX_NIGHTS ? nights : DEFAULT_NIGHTS,
        type: ROOM_TYPES.includes(params.get('type')) ? params.get('type') : '',
        guests: Number.isInteger(guests) && guests >= 1 && guests <= 5 ? guests : '',
    };
}

function showFilters({ from, nights, type, guests }) {
    fields.from.value = from;
    fields.nights.value = nights;
    fields.type.value = type;
    fields.guests.value = guests;
}

function filtersFromForm() {
    const nights = Number(fields.nights.value);
    if (!dates.isDate(fields.from.value)) {
        return { problem: 'Enter the first night as a date.' };
    }
    if (!Number.isInteger(nights) || nights < 1 || nights > MAX_NIGHTS) {
        return { problem: `Show between 1 and ${MAX_NIGHTS} nights.` };
    }
    return {
        from: fields.from.value,
        nights,
        type: fields.type.value,
        guests: fields.guests.value === '' ? '' : Number(fields.guests.value),
    };
}

function follow(filters) {
    say(byId('filters-problem'), filters.problem);
    if (filters.problem) {
        return;
    }
    const { from, nights, type, guests } = filters;
    const to = dates.addDays(from, nights);
    if (current && current.from === from && current.to === to && current.type === type && current.guests === guests) {
        return;
    }
    current = { from, to, type, guests };
    const address = new URLSearchParams({ from, nights, ...(type && { type }), ...(guests && { guests }) });
    window.history.replaceState(null, '', `?${address}`);
    live.follow({ from, to, type, guests });
}

function move(days) {
    const filters = filtersFromForm();
    if (!filters.problem) {
        fields.from.value = days === null ? dates.today() : dates.addDays(filters.from, days);
    }
    follow(filtersFromForm());
}

filterForm.addEventListener('change', () => follow(filtersFromForm()));
filterForm.addEventListener('submit', (event) => {
    event.preventDefault();
    follow(filtersFromForm());
});
byId('earlier').addEventListener('click', () => move(-Number(fields.nights.value || DEFAULT_NIGHTS)));
byId('later').addEventListener('click', () => move(Number(fields.nights.value || DEFAULT_NIGHTS)));
byId('from-today').addEventListener('click', () => move(null));

const initial = filtersFromAddress();
showFilters(initial);
booking.refresh();
follow(initial);
