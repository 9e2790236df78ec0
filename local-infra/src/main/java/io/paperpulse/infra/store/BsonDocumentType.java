package io.paperpulse.infra.store;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;

import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/** Stores a document as its BSON: H2's default type writes it with Java serialization, which took most of the store's time. */
final class BsonDocumentType extends BasicDataType<Document> {
    @Override
    public int getMemory(Document document) {
        return 24 + estimate(document);
    }

    @Override
    public void write(WriteBuffer out, Document document) {
        ByteBuf bson = Unpooled.buffer(256);
        try {
            BsonEncoder.encodeDocument(document, bson);
            out.put(bson.nioBuffer());
        } finally {
            bson.release();
        }
    }

    @Override
    public Document read(ByteBuffer in) {
        int size = Integer.reverseBytes(in.getInt(in.position())); // BSON starts with its own length, little-endian
        Document document = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(in.slice().limit(size)));
        in.position(in.position() + size);
        return document;
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }

    /** A rough size in memory, for H2's page cache: walking the values costs far less than encoding them. */
    static int estimate(Object value) {
        if (value instanceof String s) {
            return 40 + 2 * s.length();
        }
        if (value instanceof Map<?, ?> map) {
            int size = 48;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                size += 32 + estimate(e.getKey()) + estimate(e.getValue());
            }
            return size;
        }
        if (value instanceof Collection<?> values) {
            int size = 40;
            for (Object v : values) {
                size += 8 + estimate(v);
            }
            return size;
        }
        if (value instanceof BinData bytes) {
            return 32 + bytes.getData().length;
        }
        return 24;
    }
}
