// The booking form: filled by choosing nights in the table, or by hand. A booking carries an id made
// here, kept while the details stay the same, so a retried click books once.

import * as api from './api.js';
import * as dates from './dates.js';
import { element, say } from './dom.js';
import { formatMoney, nightCount, roomTypeName, stayText } from './words.js';

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export class BookingForm {
    #fields;
    #summary;
    #warning;
    #problem;
    #confirmation;
    #button;
    #holdButton;
    #onStay;
    #onBooked;
    #takenNights;
    #rooms = [];
    #roomsKey = null;
    #busy = false;
    #requestKey = null;
    #reservationId = null;
    #quote = { key: null, price: null };

    /**
     * @param onStay called when the stay is changed by hand
     * @param onBooked called with the server's confirmation and the guest's name
     * @param takenNights tells which nights of a stay the live table shows as taken
     */
    constructor(form, { onStay, onBooked, takenNights }) {
        this.#fields = {
            roomNumber: form.elements.roomNumber,
            checkIn: form.elements.checkIn,
            checkOut: form.elements.checkOut,
            guestName: form.elements.guestName,
            guestEmail: form.elements.guestEmail,
        };
        this.#summary = form.querySelector('#booking-summary');
        this.#warning = form.querySelector('#booking-warning');
        this.#problem = form.querySelector('#booking-problem');
        this.#confirmation = form.querySelector('#booking-confirmation');
        this.#button = form.querySelector('button[type="submit"]');
        this.#holdButton = form.querySelector('#hold');
        this.#onStay = onStay;
        this.#onBooked = onBooked;
        this.#takenNights = takenNights;
        const { roomNumber, checkIn, checkOut } = this.#fields;
        [roomNumber, checkIn, checkOut].forEach((field) => field.addEventListener('change', () => this.#editedStay()));
        form.addEventListener('submit', (event) => {
            event.preventDefault();
            this.#send(false);
        });
        this.#holdButton?.addEventListener('click', () => this.#send(true));
    }

    /** The rooms one may choose from: those in the table. */
    setRooms(rooms) {
        const key = JSON.stringify(rooms);
        if (key === this.#roomsKey) {
            return;
        }
        this.#roomsKey = key;
        this.#rooms = rooms;
        const select = this.#fields.roomNumber;
        const chosen = select.value;
        const options = rooms.map((room) => element('option', { value: room.roomNumber },
            `${room.roomNumber} · ${roomTypeName(room.type)} · ${formatMoney(room.nightlyRate)} a night`));
        if (chosen && !rooms.some((room) => room.roomNumber === chosen)) {
            options.unshift(element('option', { value: chosen }, chosen));
        }
        select.replaceChildren(element('option', { value: '' }, 'Choose a room'), ...options);
        select.value = chosen;
        this.refresh();
    }

    /** Fills in a stay chosen in the table (or clears it). */
    show(stay) {
        say(this.#confirmation, null);
        say(this.#problem, null);
        this.#fillStay(stay);
    }

    /** The stay as entered, or null while it is incomplete. */
    stay() {
        const { roomNumber, checkIn, checkOut } = this.#fields;
        if (!roomNumber.value || !dates.isDate(checkIn.value) || !dates.isDate(checkOut.value)
            || checkOut.value <= checkIn.value) {
            return null;
        }
        return { roomNumber: roomNumber.value, checkIn: checkIn.value, checkOut: checkOut.value };
    }

    /** Updates the summary and warns when the live table shows a night of the stay as taken. */
    refresh() {
        const stay = this.stay();
        this.#summary.toggleAttribute('data-empty', !stay);
        if (!stay) {
            this.#summary.textContent = 'Choose free nights in the table, or a room and dates here.';
            say(this.#warning, null);
            return;
        }
        const count = dates.daysBetween(stay.checkIn, stay.checkOut);
        this.#summary.textContent = `${stayText(stay)}: ${nightCount(count)}${this.#priceText(stay, count)}`;
        const taken = this.#takenNights(stay);
        say(this.#warning, taken.length === 0 ? null
            : `Room ${stay.roomNumber} is no longer free on ${taken.map(dates.shortDate).join(', ')}. `
              + 'Choose other nights.');
    }

    /** The hotel's quote for the stay (its rates by date), asked once per stay; the nightly rate until it answers. */
    #priceText(stay, count) {
        const key = JSON.stringify(stay);
        if (this.#quote.key !== key) {
            this.#quote = { key, price: null };
            api.quote(stay).then((quote) => {
                if (this.#quote.key === key) {
                    this.#quote.price = quote;
                    this.refresh();
                }
            }).catch(() => {
                // no quote (the room is gone, the hotel unreachable): the nightly rate stays shown
            });
        }
        const quote = this.#quote.price;
        if (quote) {
            const rates = new Set(quote.nightlyPrices.map((night) => Number(night.price)));
            const byNight = rates.size > 1
                ? ` (${quote.nightlyPrices.map((night) => formatMoney(night.price)).join(' + ')})` : '';
            return ` · ${formatMoney(quote.totalPrice)} in all${byNight}`;
        }
        const room = this.#rooms.find((candidate) => candidate.roomNumber === stay.roomNumber);
        return room ? ` · ${formatMoney(room.nightlyRate * count)} in all` : '';
    }

    #fillStay(stay) {
        this.#fields.roomNumber.value = stay?.roomNumber ?? '';
        this.#fields.checkIn.value = stay?.checkIn ?? '';
        this.#fields.checkOut.value = stay?.checkOut ?? '';
        this.refresh();
    }

    #editedStay() {
        say(this.#confirmation, null);
        this.refresh();
        this.#onStay(this.stay());
    }

    /** Books the stay, or only holds it for a few minutes while the guest pays ({@code hold}). */
    async #send(hold) {
        if (this.#busy) {
            return;
        }
        say(this.#problem, null);
        const incomplete = this.#incomplete();
        if (incomplete) {
            say(this.#problem, incomplete.message);
            incomplete.field.focus();
            return;
        }
        const request = this.#request();
        this.#busy = true;
        const button = hold ? this.#holdButton : this.#button;
        const label = button.textContent;
        button.textContent = hold ? 'Holding…' : 'Booking…';
        try {
            const confirmation = await (hold ? api.hold(request) : api.book(request));
            this.#requestKey = null;
            this.#fillStay(null);
            this.#confirm(confirmation, request.guestName);
            this.#onBooked(confirmation, request.guestName);
        } catch (problem) {
            say(this.#problem, `${hold ? 'Not held' : 'Not booked'}: ${problem.message}`);
        } finally {
            this.#busy = false;
            button.textContent = label;
        }
    }

    #incomplete() {
        const { roomNumber, checkIn, checkOut, guestName, guestEmail } = this.#fields;
        Object.values(this.#fields).forEach((field) => field.removeAttribute('aria-invalid'));
        const missing = [
            [roomNumber, !roomNumber.value, 'Choose a room: click a free night in the table, or pick one here.'],
            [checkIn, !dates.isDate(checkIn.value), 'Enter the check-in date.'],
            [checkOut, !dates.isDate(checkOut.value) || checkOut.value <= checkIn.value,
                'Enter a check-out date after the check-in date.'],
            [guestName, guestName.value.trim() === '', 'Enter your name.'],
            [guestEmail, !EMAIL.test(guestEmail.value.trim()), 'Enter your e-mail address, like ada@example.com.'],
        ].find(([, wrong]) => wrong);
        if (!missing) {
            return null;
        }
        missing[0].setAttribute('aria-invalid', 'true');
        return { field: missing[0], message: missing[2] };
    }

    #request() {
        const { roomNumber, checkIn, checkOut, guestName, guestEmail } = this.#fields;
        const details = {
            roomNumber: roomNumber.value,
            checkIn: checkIn.value,
            checkOut: checkOut.value,
            guestName: guestName.value.trim(),
            guestEmail: guestEmail.value.trim(),
        };
        const key = JSON.stringify(details);
        if (key !== this.#requestKey) {
            this.#requestKey = key;
            this.#reservationId = newReservationId();
        }
        return { reservationId: this.#reservationId, ...details };
    }

    #confirm(confirmation, guestName) {
        const held = confirmation.status === 'HELD';
        const until = held ? new Date(confirmation.expiresAt).toLocaleTimeString() : '';
        this.#confirmation.replaceChildren(
            element('p', {}, element('strong', {}, held ? `Held until ${until}. ` : 'Booked. '), 'Reservation ',
                element('code', { className: 'reservation-id' }, confirmation.reservationId)),
            element('p', {}, `${stayText(confirmation)}: ${nightCount(confirmation.nights)}, `
                + `${formatMoney(confirmation.totalPrice)} in all, for ${guestName}.`),
            element('p', {}, held
                ? 'Confirm it under My reservations before the time runs out, or the nights go back on sale.'
                : 'It is under My reservations, where you can also cancel it.'));
        this.#confirmation.dataset.reservationId = confirmation.reservationId;
        this.#confirmation.hidden = false;
    }
}

/** A random (version 4) UUID, also where crypto.randomUUID is missing (pages not served over https). */
function newReservationId() {
    if (typeof crypto.randomUUID === 'function') {
        return crypto.randomUUID();
    }
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
