package io.paperpulse.ingest.store;

import java.time.Instant;
import java.util.List;

import org.bson.codecs.pojo.annotations.BsonId;

import io.quarkus.mongodb.panache.common.MongoEntity;

/**
 * One raw page as ingest-service received it, once per digest id: the papers it gave, or why it was refused (REST
 * pushes only; Kafka keeps refused records in its dead-letter topic), or, while it is being read, who claimed it. Raw
 * bytes included, so any page can be replayed.
 */
@MongoEntity(collection = "digests")
public class DigestRecord {
    /** Stored by name; {@code INGESTING} is a claim: one push is reading and publishing the page. */
    public enum Status { INGESTING, ACCEPTED, REJECTED }

    /** The SHA-256 of the bytes: the same bytes, by any path, are the same digest. */
    @BsonId
    public String id;
    /** ISO date of the digest; for a refused page, the date hint given with it, if any. */
    public String date;
    public String source;
    /** "text" or "html"; {@code null} for a page refused before its format was known. */
    public String format;
    public String contentType;
    public Instant receivedAt;
    public Status status;
    /** Why the page was refused, for a rejected one. */
    public String reason;
    /** Ids of the page's papers, in page order, duplicates removed. */
    public List<String> paperIds;
    public int duplicatesInPage;
    public byte[] raw;
    /**
     * For an ingesting record: the token of the push that claimed it, when, and until when its lease runs. The holder
     * renews the lease while it works; once it lapsed the holder is gone and the next push of the bytes takes over.
     * Cleared once accepted.
     */
    public String claim;
    public Instant claimedAt;
    public Instant leaseUntil;

    public boolean accepted() {
        return status == Status.ACCEPTED;
    }
}
