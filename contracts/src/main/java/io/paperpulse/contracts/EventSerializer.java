package io.paperpulse.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/** Kafka value serializer for every event record: UTF-8 JSON with the contract mapping of {@link EventJson}. */
public class EventSerializer implements Serializer<Object> {
    @Override
    public byte[] serialize(String topic, Object event) {
        if (event == null) {
            return null;
        }
        try {
            return EventJson.mapper().writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new SerializationException("Cannot write " + event.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
