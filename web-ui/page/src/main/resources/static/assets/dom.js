// Building the page from data: text always goes in as text nodes, never as markup.

/** A new element with properties and children; string children become text, so no data is parsed as HTML. */
export function element(tag, properties = {}, ...children) {
    const node = Object.assign(document.createElement(tag), properties);
    node.append(...children);
    return node;
}

/** Shows a message in an element (or hides it when there is none). */
export function say(target, message) {
    target.textContent = message ?? '';
    target.hidden = !message;
}
