package io.paperpulse.ingest.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.paperpulse.testing.KafkaBrokerResource;
import io.paperpulse.testing.MongoStoreResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;

/** The claims that keep two pushes of the same bytes from both publishing, and listings without the bytes. */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = MongoStoreResource.class, restrictToAnnotatedClass = false)
class DigestRepositoryTest {
    private static final Instant NOW = Instant.parse("2026-03-12T08:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(30);

    @Inject
    DigestRepository digests;

    @Test
    void newBytesAreClaimedOnceAndTheClaimantMayTakeItsClaimBack() {
        String id = UUID.randomUUID().toString();
        assertTrue(await(digests.claim(claim(id, "first", NOW), NOW)));
        assertFalse(await(digests.claim(claim(id, "second", NOW), NOW)), "a claim within its lease holds");
        assertTrue(await(digests.claim(claim(id, "first", NOW), NOW)), "a retry of the first push");
    }

    @Test
    void claimHoldsWhileItsHolderRenewsItAndLapsesWhenItStops() {
        String id = UUID.randomUUID().toString();
        assertTrue(await(digests.claim(claim(id, "holder", NOW), NOW)));
        Instant later = NOW.plus(LEASE).plusSeconds(1);
        assertTrue(await(digests.renew(id, "holder", later.plus(LEASE))), "the holder renews its lease");
        assertFalse(await(digests.claim(claim(id, "other", later), later)), "a renewed lease holds past its first term");

        Instant lapsed = later.plus(LEASE).plusSeconds(1);
        assertTrue(await(digests.claim(claim(id, "other", lapsed), lapsed)), "the holder stopped renewing: it is gone");
        assertFalse(await(digests.renew(id, "holder", lapsed.plus(LEASE))), "the old holder learns it lost the claim");
    }

    @Test
    void claimWithoutALeaseIsTakenOver() {
        String id = UUID.randomUUID().toString();
        DigestRecord old = claim(id, "before-leases", NOW);
        old.leaseUntil = null;
        assertTrue(await(digests.claim(old, NOW)));
        assertTrue(await(digests.claim(claim(id, "next", NOW), NOW)));
    }

    @Test
    void staleClaimAndRefusalAreTakenOverButNotAnAcceptedPage() {
        String id = UUID.randomUUID().toString();
        assertTrue(await(digests.claim(claim(id, "died", NOW.minus(Duration.ofHours(1))), NOW.minus(Duration.ofHours(1)))));
        assertTrue(await(digests.claim(claim(id, "next", NOW), NOW)), "the claim of a push that died");

        DigestRecord accepted = claim(id, "next", NOW);
        accepted.status = DigestRecord.Status.ACCEPTED;
        accepted.date = "2026-03-11";
        accepted.paperIds = List.of("p1");
        assertTrue(await(digests.acceptClaimed(accepted, "next")));
        assertFalse(await(digests.claim(claim(id, "next", NOW), NOW)), "accepted is final, even for its own claimant");
        assertFalse(await(digests.saveRejected(rejected(id, "late refusal"))), "a refusal never replaces an accepted page");

        String refused = UUID.randomUUID().toString();
        assertTrue(await(digests.saveRejected(rejected(refused, "first reason"))));
        assertTrue(await(digests.saveRejected(rejected(refused, "second reason"))));
        assertEquals("second reason", await(digests.findWithoutRaw(refused)).reason);
        assertTrue(await(digests.claim(claim(refused, "retry", NOW), NOW)), "a refused page can still be pushed");
    }

    @Test
    void releasedClaimFreesTheBytesAtOnce() {
        String id = UUID.randomUUID().toString();
        assertTrue(await(digests.claim(claim(id, "failed", NOW), NOW)));
        await(digests.release(id, "failed"));
        assertNull(await(digests.findWithoutRaw(id)));
        assertTrue(await(digests.claim(claim(id, "next", NOW), NOW)));
    }

    @Test
    void listingsAndLookUpsWithoutRawLeaveTheBytesInTheStore() {
        String id = UUID.randomUUID().toString();
        DigestRecord record = rejected(id, "no paper found");
        record.receivedAt = Instant.now(); // the newest, however many pages the other tests stored before
        await(digests.saveRejected(record));
        List<DigestRecord> latest = await(digests.latest(null, 100));
        assertTrue(latest.stream().anyMatch(r -> r.id.equals(id)));
        assertTrue(latest.stream().allMatch(r -> r.raw == null), "no raw bytes in a listing");
        assertNull(await(digests.findWithoutRaw(id)).raw);
        assertEquals(3, await(digests.findById(id)).raw.length, "the bytes are there all the same");
    }

    private static DigestRecord claim(String id, String token, Instant at) {
        DigestRecord record = record(id);
        record.status = DigestRecord.Status.INGESTING;
        record.claim = token;
        record.claimedAt = at;
        record.leaseUntil = at.plus(LEASE);
        return record;
    }

    private static DigestRecord rejected(String id, String reason) {
        DigestRecord record = record(id);
        record.status = DigestRecord.Status.REJECTED;
        record.reason = reason;
        return record;
    }

    private static DigestRecord record(String id) {
        DigestRecord record = new DigestRecord();
        record.id = id;
        record.receivedAt = NOW;
        record.raw = new byte[] {1, 2, 3};
        return record;
    }

    private static <T> T await(Uni<T> uni) {
        return uni.await().atMost(Duration.ofSeconds(10));
    }
}
