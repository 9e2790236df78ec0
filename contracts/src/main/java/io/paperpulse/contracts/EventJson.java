package io.paperpulse.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The one JSON mapping of the event contracts, shared by producers, consumers and fixtures. */
public final class EventJson {
    private static final ObjectMapper MAPPER = configure(new ObjectMapper());

    private EventJson() {
    }

    /** Applies the contract settings (ISO dates, unknown fields tolerated for forward compatibility). */
    public static ObjectMapper configure(ObjectMapper mapper) {
        return mapper.registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Reads one event; a value that is not valid JSON of that type fails with a message fit for a dead letter. */
    public static <T> T read(String json, Class<T> type) {
        if (json == null || json.isBlank()) {
            throw new InvalidEventException("empty " + type.getSimpleName() + " record");
        }
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("not a valid " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }
}
