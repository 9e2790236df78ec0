package io.paperpulse.query.api;

/** Reads query parameters strictly: a bad value is a 400 naming the parameter, never a 5xx. */
final class Params {
    private Params() {
    }

    static int intIn(String name, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadParameterException(name, "must be a whole number from " + min + " to " + max + ", got '" + value + "'");
    }
}
