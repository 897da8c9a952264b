package hotel.booking.app.role;

/**
 * The roles a node of the one jar can take, chosen by Spring profile: {@value #COMMAND} runs only the
 * command side, {@value #QUERY} only the query side, and a node with neither (or both) runs everything.
 */
public final class Roles {

    public static final String COMMAND = "command";
    public static final String QUERY = "query";

    /** Profile expression: true on every node that decides bookings. */
    public static final String HANDLES_COMMANDS = COMMAND + " | !" + QUERY;
    /** Profile expression: true on every node that keeps read models and answers queries. */
    public static final String ANSWERS_QUERIES = QUERY + " | !" + COMMAND;

    private Roles() {
    }
}
