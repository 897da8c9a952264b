// The hotel's HTTP API as the page uses it. Refusals come back as a HotelProblem whose message is
// the server's problem detail, in plain words.

export class HotelProblem extends Error {
    constructor(status, message) {
        super(message);
        this.name = 'HotelProblem';
        this.status = status;
    }
}

const UNREACHABLE = 'The hotel cannot be reached right now. Check your connection and try again.';

async function call(method, path, { body, headers = {} } = {}) {
    let response;
    try {
        response = await fetch(path, {
            method,
            headers: body === undefined ? headers : { 'Content-Type': 'application/json', ...headers },
            body: body === undefined ? undefined : JSON.stringify(body),
            cache: 'no-store',
        });
    } catch {
        throw new HotelProblem(0, UNREACHABLE);
    }
    if (response.ok) {
        return response.status === 204 ? null : response.json();
    }
    throw await problemOf(response);
}

async function problemOf(response) {
    let detail = '';
    if ((response.headers.get('Content-Type') ?? '').includes('json')) {
        try {
            const problem = await response.json();
            detail = problem.detail || problem.title || '';
        } catch {
            // not the JSON it claimed to be: fall back to the status line
        }
    }
    return new HotelProblem(response.status,
        detail || `The hotel answered ${response.status} ${response.statusText}`.trim());
}

const query = (params) => new URLSearchParams(
    Object.entries(params).filter(([, value]) => value !== undefined && value !== null && value !== ''));

export const streamUrl = ({ from, to, type, guests }, lastEventId) =>
    `api/availability/stream?${query({ from, to, type, guests, lastEventId })}`;

export const availability = ({ from, to, type, guests }) =>
    call('GET', `api/availability?${query({ from, to, type, guests })}`);

export const quote = ({ roomNumber, checkIn, checkOut }) =>
    call('GET', `api/quote?${query({ room: roomNumber, checkIn, checkOut })}`);

export const book = (booking) => call('POST', 'api/reservations', { body: booking });

export const hold = (booking) => call('POST', 'api/holds', { body: booking });

export const confirmHold = (id, token) =>
    call('POST', `api/holds/${encodeURIComponent(id)}/confirm`, { headers: { 'X-Reservation-Token': token } });

export const reservation = (id, token) =>
    call('GET', `api/reservations/${encodeURIComponent(id)}`, { headers: { 'X-Reservation-Token': token } });

export const cancel = (id, token) =>
    call('DELETE', `api/reservations/${encodeURIComponent(id)}`, { headers: { 'X-Reservation-Token': token } });
