package io.paperpulse.search;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import io.paperpulse.contracts.EntityType;

/**
 * Reads query parameters strictly: a bad value is a 400 naming the parameter, never a 5xx. An absent or blank
 * optional parameter is simply not applied.
 */
public final class Params {
    /** Longest free-text value (q, entity names) worth looking for. */
    public static final int MAX_TEXT = 200;
    /** Keeps {@code page * size} an int. */
    public static final int MAX_PAGE = 1_000_000;

    private Params() {
    }

    public static int intIn(String name, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadParameterException(name, "must be a whole number from " + min + " to " + max + ", got '" + shown(value) + "'");
    }

    public static int page(String value) {
        return intIn("page", value, 0, MAX_PAGE);
    }

    public static int size(String value) {
        return intIn("size", value, 1, 100);
    }

    /** The stripped text, or null when absent or blank. */
    public static String text(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_TEXT) {
            throw new BadParameterException(name, "must be at most " + MAX_TEXT + " characters");
        }
        return value.strip();
    }

    public static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new BadParameterException(name, "must be a date as YYYY-MM-DD, got '" + shown(value) + "'");
        }
    }

    public static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new BadParameterException(name, "must be true or false, got '" + shown(value) + "'");
        };
    }

    /** An entity type name, any case; null when absent or blank. */
    public static EntityType entityType(String name, String value) {
        return value == null || value.isBlank() ? null : choice(name, value, EntityType.class);
    }

    public static <E extends Enum<E>> E choice(String name, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", "));
            throw new BadParameterException(name, "must be one of " + allowed + ", got '" + shown(value) + "'");
        }
    }

    /** Echoes a bad value back in a message, shortened. */
    private static String shown(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }
}
