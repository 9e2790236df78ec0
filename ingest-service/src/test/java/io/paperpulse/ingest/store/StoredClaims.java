package io.paperpulse.ingest.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.bson.types.Binary;

import io.paperpulse.contracts.DigestIds;

/**
 * Writes, as a plain document, the claim a push leaves in the store while it reads a page: what a push that died
 * mid-page (kill -9, out of memory, a rebalance) leaves behind, with the lease it last renewed.
 */
public final class StoredClaims {
    private StoredClaims() {
    }

    public static void leave(DigestRepository store, byte[] page, Instant claimedAt, Instant leaseUntil) {
        Document claim = new Document("_id", DigestIds.of(page))
                .append("status", DigestRecord.Status.INGESTING.name())
                .append("claim", "a-push-that-died")
                .append("claimedAt", Date.from(claimedAt))
                .append("leaseUntil", Date.from(leaseUntil))
                .append("receivedAt", Date.from(claimedAt))
                .append("source", "a-push-that-died")
                .append("raw", new Binary(page));
        store.mongoDatabase().getCollection("digests").insertOne(claim).await().atMost(Duration.ofSeconds(10));
    }
}
