package io.paperpulse.ingest.intake;

import org.eclipse.microprofile.config.spi.Converter;

/**
 * Reads {@code paperpulse.ingest.max-body-bytes} and refuses, at start, a value the service could not honour: the raw
 * page is stored in one MongoDB document (16 MiB at most, the record's other fields included), and the HTTP layer
 * stops reading at 16M, so a larger limit would fail later on every large page instead of once, here.
 */
public class BodyLimit implements Converter<Integer> {
    /** The largest page limit the service starts with, whatever is configured. */
    public static final int MAX = 15 * 1024 * 1024;

    @Override
    public Integer convert(String value) {
        int bytes;
        try {
            bytes = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(message("'" + value + "' is not a whole number of bytes"));
        }
        if (bytes < 1 || bytes > MAX) {
            throw new IllegalArgumentException(message(bytes + " is out of range"));
        }
        return bytes;
    }

    private static String message(String problem) {
        return "INGEST_MAX_BODY_BYTES (paperpulse.ingest.max-body-bytes): " + problem + "; it must be from 1 to " + MAX
                + " (15 MiB), since a page is stored in one MongoDB document";
    }
}
