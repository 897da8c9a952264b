// "My reservations": the bookings made in this browser, kept in local storage with their
// cancellation tokens. Their status comes from the server; right after a booking the read side may
// not know it yet for a moment, so a 404 is asked again a few times before it counts. For the same
// reason an answer can be older than what this browser did since it asked (a cancel, a confirmed
// hold): a stay only moves forward (held, confirmed, then cancelled or expired), never back.

import * as api from './api.js';
import { element, say } from './dom.js';
import { formatMoney, nightCount, stayText } from './words.js';

const KEY = 'hotel.my-reservations';
const NOT_YET_KNOWN_RETRIES = 12;
const RETRY_MS = 250;
const TICK_MS = 1000;

const STATUS_TEXT = {
    checking: 'Checking…',
    HELD: 'Held',
    CONFIRMED: 'Confirmed',
    CANCELLED: 'Cancelled',
    EXPIRED: 'Hold expired',
    unknown: 'Not found at the hotel',
    refused: 'The hotel does not accept this browser\'s token',
    unreachable: 'Could not check just now',
};

/** How far along its life a stay is; the other statuses say what this browser knows, not the stay's state. */
const PROGRESS = { HELD: 1, CONFIRMED: 2, CANCELLED: 3, EXPIRED: 3 };
const progress = (status) => PROGRESS[status] ?? 0;

const store = {
    all() {
        try {
            const list = JSON.parse(localStorage.getItem(KEY) ?? '[]');
            return Array.isArray(list) ? list.filter(isReservation) : [];
        } catch {
            return [];
        }
    },
    save(list) {
        try {
            localStorage.setItem(KEY, JSON.stringify(list));
        } catch {
            // storage full or switched off: the list lasts as long as the page
        }
    },
};

function isReservation(entry) {
    return entry && typeof entry.reservationId === 'string' && typeof entry.cancellationToken === 'string'
        && typeof entry.roomNumber === 'string' && typeof entry.checkIn === 'string'
        && typeof entry.checkOut === 'string';
}

export class MyReservations {
    #list;
    #empty;
    #heading;
    #reservations;
    #confirming = new Set();
    #busy = new Set();
    #problems = new Map();
    #ticker = null;

    /** @param heading where focus goes when an item goes away */
    constructor({ list, empty, heading }) {
        this.#list = list;
        this.#empty = empty;
        this.#heading = heading;
        this.#reservations = store.all();
        window.addEventListener('storage', (event) => {
            if (event.key === KEY) {
                this.#reservations = store.all();
                this.#render();
            }
        });
        this.#render();
        this.#reservations.forEach((reservation) => this.#check(reservation.reservationId));
    }

    add(confirmation, guestName) {
        const { reservationId, cancellationToken, roomNumber, checkIn, checkOut, nights, totalPrice } = confirmation;
        this.#reservations = this.#reservations.filter((r) => r.reservationId !== reservationId);
        const held = confirmation.status === 'HELD';
        this.#reservations.push({
            reservationId, cancellationToken, roomNumber, checkIn, checkOut, nights, totalPrice, guestName,
            status: held ? 'HELD' : 'CONFIRMED',
            ...(held && { expiresAt: confirmation.expiresAt }),
        });
        this.#saveAndRender();
        this.#check(reservationId);
    }

    async #check(reservationId, retries = NOT_YET_KNOWN_RETRIES) {
        const reservation = this.#find(reservationId);
        if (!reservation) {
            return;
        }
        try {
            const found = await api.reservation(reservationId, reservation.cancellationToken);
            const expired = found.status === 'CANCELLED' && found.releaseReason === 'HOLD_EXPIRED';
            const status = expired ? 'EXPIRED' : found.status;
            if (progress(status) < progress(this.#find(reservationId)?.status)) {
                return; // asked before this browser cancelled or confirmed it, answered after
            }
            this.#update(reservationId, {
                status,
                ...(found.holdExpiresAt && { expiresAt: found.holdExpiresAt }),
            });
        } catch (problem) {
            if (problem.status === 404 && retries > 0) {
                setTimeout(() => this.#check(reservationId, retries - 1), RETRY_MS);
                return;
            }
            const status = { 404: 'unknown', 403: 'refused' }[problem.status] ?? 'unreachable';
            this.#update(reservationId, { status: status === 'unreachable' ? reservation.status : status });
        }
    }

    async #cancel(reservationId) {
        const reservation = this.#find(reservationId);
        this.#busy.add(reservationId);
        this.#problems.delete(reservationId);
        this.#render();
        try {
            await api.cancel(reservationId, reservation.cancellationToken);
            this.#confirming.delete(reservationId);
            this.#update(reservationId, { status: 'CANCELLED' });
        } catch (problem) {
            if (problem.status === 409) {
                this.#confirming.delete(reservationId);
                this.#update(reservationId, { status: 'CANCELLED' });
            }
            this.#problems.set(reservationId, `Not cancelled: ${problem.message}`);
        } finally {
            this.#busy.delete(reservationId);
            this.#render();
            this.#focus(reservationId, '.status');
        }
    }

    async #confirmHold(reservationId) {
        const reservation = this.#find(reservationId);
        this.#busy.add(reservationId);
        this.#problems.delete(reservationId);
        this.#render();
        try {
            await api.confirmHold(reservationId, reservation.cancellationToken);
            this.#update(reservationId, { status: 'CONFIRMED' });
        } catch (problem) {
            if (problem.status === 409) {
                this.#update(reservationId, { status: 'EXPIRED' });
            }
            this.#problems.set(reservationId, `Not confirmed: ${problem.message}`);
        } finally {
            this.#busy.delete(reservationId);
            this.#render();
            this.#focus(reservationId, '.status');
        }
    }

    /** Counts down every hold; one that ran out is asked about, the server having given its nights back. */
    #tick() {
        const held = this.#reservations.filter((r) => r.status === 'HELD');
        if (held.length === 0) {
            clearInterval(this.#ticker);
            this.#ticker = null;
            return;
        }
        held.forEach((reservation) => {
            const left = remaining(reservation);
            const countdown = this.#list.querySelector(
                `[data-reservation-id="${CSS.escape(reservation.reservationId)}"] .countdown`);
            if (countdown) {
                countdown.textContent = countdownText(left);
            }
            if (left <= 0 && !this.#busy.has(reservation.reservationId)) {
                this.#check(reservation.reservationId, 0);
            }
        });
    }

    #forget(reservationId) {
        this.#reservations = this.#reservations.filter((r) => r.reservationId !== reservationId);
        this.#saveAndRender();
        this.#heading.focus();
    }

    #find(reservationId) {
        return this.#reservations.find((r) => r.reservationId === reservationId);
    }

    #update(reservationId, changes) {
        const reservation = this.#find(reservationId);
        if (reservation && Object.entries(changes).some(([key, value]) => reservation[key] !== value)) {
            Object.assign(reservation, changes);
            this.#saveAndRender();
        }
    }

    #saveAndRender() {
        store.save(this.#reservations);
        this.#render();
    }

    #render() {
        const focused = this.#list.contains(document.activeElement) ? {
            id: document.activeElement.closest('li')?.dataset.reservationId,
            action: document.activeElement.dataset.action,
        } : null;
        const items = [...this.#reservations]
            .sort((a, b) => a.checkIn.localeCompare(b.checkIn) || a.roomNumber.localeCompare(b.roomNumber))
            .map((reservation) => this.#item(reservation));
        this.#list.replaceChildren(...items);
        this.#empty.hidden = items.length > 0;
        if (!this.#ticker && this.#reservations.some((r) => r.status === 'HELD')) {
            this.#ticker = setInterval(() => this.#tick(), TICK_MS);
        }
        if (focused?.id && focused.action) {
            this.#focus(focused.id, `[data-action="${focused.action}"]`);
        }
    }

    #item(reservation) {
        const { reservationId, status } = reservation;
        const item = element('li', { className: 'reservation' });
        item.dataset.reservationId = reservationId;
        item.dataset.status = status;
        const details = [nightCount(reservation.nights), `${formatMoney(reservation.totalPrice)} in all`];
        if (reservation.guestName) {
            details.push(`for ${reservation.guestName}`);
        }
        const statusText = element('span', { className: 'status', tabIndex: -1 }, STATUS_TEXT[status] ?? status);
        statusText.dataset.status = status;
        const countdown = status === 'HELD' && reservation.expiresAt
            ? [' · ', element('span', { className: 'countdown', role: 'timer' }, countdownText(remaining(reservation)))]
            : [];
        item.append(
            element('p', { className: 'stay' }, stayText(reservation)),
            element('p', { className: 'details' }, `${details.join(' · ')} · `, statusText, ...countdown),
            element('p', { className: 'reference' }, 'Reservation ', element('code', {}, reservationId)),
            this.#actions(reservation));
        const problem = element('p', { className: 'problem' });
        problem.setAttribute('role', 'alert');
        say(problem, this.#problems.get(reservationId));
        item.append(problem);
        return item;
    }

    #actions({ reservationId, status, roomNumber }) {
        const actions = element('div', { className: 'actions' });
        const button = (action, text, label, onClick, className = 'secondary') => {
            const b = element('button', { type: 'button', className }, text);
            b.dataset.action = action;
            b.setAttribute('aria-label', label);
            b.disabled = this.#busy.has(reservationId);
            b.addEventListener('click', onClick);
            return b;
        };
        if (status === 'HELD') {
            actions.append(
                button('confirm-hold', this.#busy.has(reservationId) ? 'Confirming…' : 'Confirm',
                    `Confirm the hold on room ${roomNumber}`, () => this.#confirmHold(reservationId), ''),
                button('release', 'Release', `Give back the nights held in room ${roomNumber}`,
                    () => this.#cancel(reservationId)));
        } else if (status === 'CONFIRMED' && this.#confirming.has(reservationId)) {
            actions.append(
                element('span', { className: 'question' }, 'Cancel this stay?'),
                button('confirm-cancel', this.#busy.has(reservationId) ? 'Cancelling…' : 'Yes, cancel it',
                    `Yes, cancel the stay in room ${roomNumber}`, () => this.#cancel(reservationId), 'danger'),
                button('keep', 'Keep it', `Keep the stay in room ${roomNumber}`, () => {
                    this.#confirming.delete(reservationId);
                    this.#render();
                    this.#focus(reservationId, '[data-action="cancel"]');
                }));
        } else if (status === 'CONFIRMED') {
            actions.append(button('cancel', 'Cancel…', `Cancel the stay in room ${roomNumber}`, () => {
                this.#confirming.add(reservationId);
                this.#render();
                this.#focus(reservationId, '[data-action="confirm-cancel"]');
            }));
        } else if (status !== 'checking') {
            actions.append(button('forget', 'Remove from list', `Remove the stay in room ${roomNumber} from this list`,
                () => this.#forget(reservationId)));
        }
        return actions;
    }

    #focus(reservationId, selector) {
        this.#list.querySelector(`[data-reservation-id="${CSS.escape(reservationId)}"] ${selector}`)?.focus();
    }
}

function remaining({ expiresAt }) {
    return Math.max(0, Math.ceil((Date.parse(expiresAt) - Date.now()) / 1000));
}

/** "9:58 left", "0:00 left". */
function countdownText(seconds) {
    return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')} left`;
}
