// Follows the availability stream. The browser's EventSource reconnects by itself, sending the
// Last-Event-ID header; when it gives up (readyState CLOSED) we reconnect with a backoff, passing the
// last id as a query parameter, since a new EventSource cannot set headers. Every snapshot replaces
// the whole picture, so whatever the server answers on a reconnect, the page ends on the true state.
// A stream the server refuses (a range it does not answer for) is not retried: the refusal is shown.

import { availability, streamUrl } from './api.js';

const BACKOFF_MS = [1000, 2000, 4000, 8000, 15000];
const OFFLINE_AFTER_MS = 20000;

export class LiveAvailability {
    #handlers;
    #source = null;
    #query = null;
    #lastEventId = null;
    #attempt = 0;
    #downSince = null;
    #reconnectTimer = null;
    #offlineTimer = null;

    /**
     * @param handlers {onSnapshot(snapshot), onNights(change), onRoom(room),
     *                  onState('connecting'|'live'|'reconnecting'|'offline'), onRefused(message)}
     */
    constructor(handlers) {
        this.#handlers = handlers;
        window.addEventListener('offline', () => this.#source && this.#handlers.onState('offline'));
        window.addEventListener('online', () => this.#retryNow());
    }

    /** Follows a new range or filter: a fresh stream that carries no old event id. */
    follow(query) {
        this.#stop();
        this.#query = query;
        this.#lastEventId = null;
        this.#attempt = 0;
        this.#downSince = null;
        this.#handlers.onState('connecting');
        this.#connect();
    }

    #connect() {
        const source = new EventSource(streamUrl(this.#query, this.#lastEventId));
        this.#source = source;
        source.onopen = () => this.#opened(source);
        source.onerror = () => this.#lost(source);
        this.#listen(source, 'snapshot', this.#handlers.onSnapshot);
        this.#listen(source, 'availability', this.#handlers.onNights);
        this.#listen(source, 'room', this.#handlers.onRoom);
    }

    #listen(source, type, handler) {
        source.addEventListener(type, (event) => {
            if (source !== this.#source) {
                return;
            }
            if (event.lastEventId) {
                this.#lastEventId = event.lastEventId;
            }
            handler(JSON.parse(event.data));
        });
    }

    #opened(source) {
        if (source !== this.#source) {
            return;
        }
        this.#attempt = 0;
        this.#downSince = null;
        clearTimeout(this.#offlineTimer);
        this.#handlers.onState('live');
    }

    #lost(source) {
        if (source !== this.#source) {
            return;
        }
        if (this.#downSince === null) {
            this.#downSince = Date.now();
            this.#offlineTimer = setTimeout(() => this.#reportDown(), OFFLINE_AFTER_MS);
        }
        if (source.readyState === EventSource.CLOSED) {
            this.#reconnectLater(source);
        }
        this.#reportDown();
    }

    /** The browser gave up on the stream: find out whether the server refuses it, else try again later. */
    async #reconnectLater(source) {
        const refusal = await this.#refusal();
        if (source !== this.#source) {
            return;
        }
        if (refusal) {
            this.#stop();
            this.#handlers.onState('offline');
            this.#handlers.onRefused(refusal);
            return;
        }
        const delay = BACKOFF_MS[Math.min(this.#attempt, BACKOFF_MS.length - 1)];
        this.#attempt += 1;
        clearTimeout(this.#reconnectTimer);
        this.#reconnectTimer = setTimeout(() => this.#connect(), delay);
    }

    async #refusal() {
        try {
            await availability(this.#query);
            return null;
        } catch (problem) {
            const refused = problem.status >= 400 && problem.status < 500 && ![408, 429].includes(problem.status);
            return refused ? problem.message : null;
        }
    }

    #reportDown() {
        if (this.#downSince === null) {
            return;
        }
        const longDown = Date.now() - this.#downSince >= OFFLINE_AFTER_MS;
        this.#handlers.onState(!navigator.onLine || longDown ? 'offline' : 'reconnecting');
    }

    #retryNow() {
        if (this.#source?.readyState === EventSource.CLOSED) {
            clearTimeout(this.#reconnectTimer);
            this.#connect();
        }
    }

    #stop() {
        clearTimeout(this.#reconnectTimer);
        clearTimeout(this.#offlineTimer);
        this.#source?.close();
        this.#source = null;
    }
}
