// The rooms × nights table. Each night is a button in a cell that carries data-room, data-date and
// data-state="free|taken|out-of-service"; a chosen stay is marked data-selected. Only one cell is in the tab order
// (a roving tabindex): the arrow keys, Home and End move between nights and rooms.

import * as dates from './dates.js';
import { element } from './dom.js';
import { formatMoney, guests, roomTypeName } from './words.js';

const FLASH_MS = 2000;
const OUT_OF_SERVICE = 'out-of-service';
const KEY_STEPS = {
    ArrowLeft: [0, -1], ArrowRight: [0, 1], ArrowUp: [-1, 0], ArrowDown: [1, 0],
    Home: [0, -Infinity], End: [0, Infinity],
};

export class AvailabilityGrid {
    #caption;
    #head;
    #body;
    #onChoose;
    #nights = [];
    #rooms = new Map();
    #selection = null;
    #anchor = null;
    #active = null;

    /** @param onChoose called with the chosen stay {roomNumber, checkIn, checkOut}, or null */
    constructor(table, { onChoose }) {
        this.#caption = table.querySelector('caption');
        this.#head = table.tHead;
        this.#body = table.tBodies[0];
        this.#onChoose = onChoose;
        this.#body.addEventListener('click', (event) => this.#clicked(event));
        this.#body.addEventListener('keydown', (event) => this.#keyPressed(event));
        this.#body.addEventListener('focusin', (event) => this.#focused(event));
    }

    /** Replaces the whole picture: a snapshot is the truth for its range. */
    replace(snapshot) {
        const focused = this.#focusedCell();
        this.#nights = dates.nights(snapshot.from, snapshot.to);
        this.#rooms = new Map();
        [...snapshot.rooms].sort(byRoomNumber).forEach((room) => this.#rooms.set(room.roomNumber, {
            room,
            free: new Map(room.nights.map((night) => [night.date, night.available])),
            outOfService: new Set(room.nights.filter((night) => night.status === OUT_OF_SERVICE)
                .map((night) => night.date)),
        }));
        this.#renderCaption(snapshot.from, snapshot.to);
        this.#renderHead();
        this.#renderBody();
        if (focused) {
            this.#cell(focused.room, focused.date)?.querySelector('button').focus();
        }
    }

    /** Nights of a room became free or taken; returns the nights of this range that flipped. */
    applyNights({ roomNumber, from, to, available, status }) {
        const entry = this.#rooms.get(roomNumber);
        if (!entry) {
            return [];
        }
        dates.nights(from, to).forEach((date) => {
            if (status === OUT_OF_SERVICE) {
                entry.outOfService.add(date);
            } else if (available) {
                entry.outOfService.delete(date);
            }
        });
        const flipped = dates.nights(from, to)
            .filter((date) => entry.free.has(date) && entry.free.get(date) !== available);
        flipped.forEach((date) => {
            entry.free.set(date, available);
            const cell = this.#cell(roomNumber, date);
            this.#paint(cell);
            flash(cell);
        });
        return flipped;
    }

    /** A newly registered room: all its nights are free. */
    addRoom(room) {
        if (this.#rooms.has(room.roomNumber)) {
            return false;
        }
        const entry = { room, free: new Map(this.#nights.map((date) => [date, true])), outOfService: new Set() };
        this.#rooms.set(room.roomNumber, entry);
        const row = this.#row(entry);
        this.#body.querySelector('.no-rooms')?.parentElement.remove();
        const next = [...this.#body.rows].find((other) => byRoomNumber(room, { roomNumber: other.dataset.room }) < 0);
        this.#body.insertBefore(row, next ?? null);
        [...row.cells].forEach(flash);
        return true;
    }

    rooms() {
        return [...this.#rooms.values()].map((entry) => entry.room);
    }

    /** The nights of a stay that this grid shows as taken. */
    takenNights({ roomNumber, checkIn, checkOut }) {
        const entry = this.#rooms.get(roomNumber);
        return entry ? dates.nights(checkIn, checkOut).filter((date) => entry.free.get(date) === false) : [];
    }

    /** Marks a stay chosen elsewhere (the form), without reporting it back. */
    show(stay) {
        this.#selection = stay;
        this.#anchor = stay?.checkIn ?? null;
        this.#body.querySelectorAll('td[data-date]').forEach((cell) => this.#paint(cell));
    }

    #choose(roomNumber, date) {
        const selection = this.#selection;
        if (selection && selection.roomNumber === roomNumber && this.#anchor
            && dates.daysBetween(selection.checkIn, selection.checkOut) === 1) {
            if (date === selection.checkIn) {
                return this.#select(null);
            }
            const [first, last] = [this.#anchor, date].sort();
            const stay = { roomNumber, checkIn: first, checkOut: dates.addDays(last, 1) };
            if (this.takenNights(stay).length === 0) {
                return this.#select(stay, this.#anchor);
            }
        }
        return this.#select({ roomNumber, checkIn: date, checkOut: dates.addDays(date, 1) }, date);
    }

    #select(stay, anchor = null) {
        this.show(stay);
        this.#anchor = anchor;
        this.#onChoose(stay);
    }

    #clicked(event) {
        const cell = event.target.closest('td[data-date]');
        if (cell && cell.dataset.state === 'free') {
            this.#choose(cell.dataset.room, cell.dataset.date);
        }
    }

    #keyPressed(event) {
        const step = KEY_STEPS[event.key];
        const cell = event.target.closest('td[data-date]');
        if (!step || !cell || event.altKey || event.ctrlKey || event.metaKey) {
            return;
        }
        event.preventDefault();
        const rows = [...this.#body.rows].filter((row) => row.dataset.room);
        const rowIndex = clamp(rows.findIndex((row) => row.dataset.room === cell.dataset.room) + step[0], rows.length);
        const nightIndex = clamp(this.#nights.indexOf(cell.dataset.date) + step[1], this.#nights.length);
        this.#cell(rows[rowIndex].dataset.room, this.#nights[nightIndex])?.querySelector('button').focus();
    }

    #focused(event) {
        const cell = event.target.closest('td[data-date]');
        if (cell) {
            this.#makeActive(cell);
        }
    }

    #makeActive(cell) {
        this.#body.querySelector('button[tabindex="0"]')?.setAttribute('tabindex', '-1');
        cell.querySelector('button').setAttribute('tabindex', '0');
        this.#active = { room: cell.dataset.room, date: cell.dataset.date };
    }

    #focusedCell() {
        const cell = document.activeElement?.closest?.('td[data-date]');
        return cell && this.#body.contains(cell) ? { room: cell.dataset.room, date: cell.dataset.date } : null;
    }

    #cell(roomNumber, date) {
        return this.#body.querySelector(`td[data-room="${CSS.escape(roomNumber)}"][data-date="${CSS.escape(date)}"]`);
    }

    #renderCaption(from, to) {
        const last = dates.addDays(to, -1);
        this.#caption.textContent = `Rooms and nights, ${dates.shortDate(from)} to ${dates.shortDate(last)}`;
    }

    #renderHead() {
        const row = document.createElement('tr');
        row.append(element('th', { scope: 'col', className: 'room-head' }, 'Room'));
        this.#nights.forEach((date) => {
            const header = element('th', { scope: 'col', className: dates.isWeekend(date) ? 'weekend' : '' });
            header.dataset.date = date;
            header.append(element('span', { className: 'weekday' }, dates.weekday(date)),
                element('span', { className: 'day' }, dates.dayMonth(date)));
            row.append(header);
        });
        this.#head.replaceChildren(row);
    }

    #renderBody() {
        const rows = [...this.#rooms.values()].map((entry) => this.#row(entry));
        if (rows.length === 0) {
            const empty = element('td', { className: 'no-rooms', colSpan: this.#nights.length + 1 },
                'No rooms match these filters.');
            rows.push(element('tr', {}, empty));
        }
        this.#body.replaceChildren(...rows);
        const active = (this.#active && this.#cell(this.#active.room, this.#active.date))
            ?? this.#body.querySelector('td[data-date]');
        if (active) {
            this.#makeActive(active);
        }
    }

    #row({ room, free }) {
        const row = element('tr');
        row.dataset.room = room.roomNumber;
        const header = element('th', { scope: 'row', className: 'room' },
            element('span', { className: 'room-number' }, room.roomNumber),
            element('span', { className: 'room-meta' },
                element('span', {}, `${roomTypeName(room.type)} · ${guests(room.capacity)}`),
                element('span', { className: 'room-rate' }, formatMoney(room.nightlyRate))));
        row.append(header, ...this.#nights.map((date) => this.#newCell(room.roomNumber, date, free.get(date))));
        return row;
    }

    #newCell(roomNumber, date, free) {
        const cell = element('td');
        cell.dataset.room = roomNumber;
        cell.dataset.date = date;
        cell.dataset.state = free ? 'free' : 'taken';
        const button = element('button', { type: 'button', tabIndex: -1, className: 'night' },
            element('span', { className: 'glyph' }));
        button.querySelector('.glyph').setAttribute('aria-hidden', 'true');
        cell.append(button);
        this.#paint(cell);
        return cell;
    }

    #paint(cell) {
        const { room, date } = cell.dataset;
        const free = this.#rooms.get(room)?.free.get(date) !== false;
        const outOfService = !free && this.#rooms.get(room)?.outOfService.has(date);
        const chosen = this.#isSelected(room, date);
        const button = cell.querySelector('button');
        cell.dataset.state = free ? 'free' : (outOfService ? OUT_OF_SERVICE : 'taken');
        cell.toggleAttribute('data-selected', chosen);
        button.setAttribute('aria-pressed', String(chosen));
        button.setAttribute('aria-disabled', String(!free));
        button.setAttribute('aria-label',
            `Room ${room}, ${dates.longDate(date)}: ${free ? 'free' : (outOfService ? 'out of service' : 'taken')}`
            + `${chosen && !free ? ', in your choice' : ''}`);
        button.querySelector('.glyph').textContent = chosen ? (free ? '✓' : '!') : (free ? '○' : (outOfService ? '⚒' : '✕'));
    }

    #isSelected(roomNumber, date) {
        const stay = this.#selection;
        return Boolean(stay) && stay.roomNumber === roomNumber && date >= stay.checkIn && date < stay.checkOut;
    }
}

function flash(cell) {
    cell.classList.remove('flipped');
    void cell.offsetWidth; // restart the animation if the cell flips again
    cell.classList.add('flipped');
    clearTimeout(cell.flashTimer);
    cell.flashTimer = setTimeout(() => cell.classList.remove('flipped'), FLASH_MS);
}

function byRoomNumber(a, b) {
    return a.roomNumber.localeCompare(b.roomNumber, undefined, { numeric: true });
}

function clamp(index, length) {
    return Math.max(0, Math.min(length - 1, index));
}
