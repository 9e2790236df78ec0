package io.paperpulse.infra.store;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;

/**
 * The key of a unique index: its values as one BSON document {@code {"n": count, "0": v0, ...}} (a missing value is
 * a missing field), ordered as MongoDB orders values. H2's default type compared two keys by serializing both.
 */
final class KeyValueType extends BasicDataType<KeyValue> {
    private static final ValueComparator ORDER = ValueComparator.ascWithoutListHandling();
    private static final BsonDocumentType DOCUMENTS = new BsonDocumentType();

    @Override
    public int compare(KeyValue a, KeyValue b) {
        int shared = Math.min(a.size(), b.size());
        for (int i = 0; i < shared; i++) {
            int c = ORDER.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    @Override
    public int getMemory(KeyValue key) {
        int size = 32;
        for (Object value : key) {
            size += 8 + BsonDocumentType.estimate(value);
        }
        return size;
    }

    @Override
    public void write(WriteBuffer out, KeyValue key) {
        Document values = new Document("n", key.size());
        for (int i = 0; i < key.size(); i++) {
            if (!(key.get(i) instanceof Missing)) {
                values.put(Integer.toString(i), key.get(i));
            }
        }
        DOCUMENTS.write(out, values);
    }

    @Override
    public KeyValue read(ByteBuffer in) {
        Document values = DOCUMENTS.read(in);
        int size = ((Number) values.get("n")).intValue();
        List<Object> key = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            String field = Integer.toString(i);
            key.add(values.containsKey(field) ? values.get(field) : Missing.getInstance());
        }
        return new KeyValue(key);
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }
}
