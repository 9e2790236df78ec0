package io.paperpulse.ingest.intake;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.paperpulse.contracts.DigestIds;
import io.paperpulse.contracts.ParsedPaper;
import io.paperpulse.ingest.messaging.PaperPublisher;
import io.paperpulse.ingest.parse.DigestParser;
import io.paperpulse.ingest.parse.PageFormat;
import io.paperpulse.ingest.parse.PageInput;
import io.paperpulse.ingest.parse.PaperEntry;
import io.paperpulse.ingest.parse.ParsedPage;
import io.paperpulse.ingest.parse.RejectedPageException;
import io.paperpulse.ingest.parse.RejectedPageException.Kind;
import io.paperpulse.ingest.store.DigestRecord;
import io.paperpulse.ingest.store.DigestRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.Cancellable;

/**
 * The one path of a raw page, whichever way it came in: check it, claim its digest id, then parse it, publish its
 * papers and mark it accepted. The claim (an {@code ingesting} record, inserted under the unique digest id) is what
 * makes a page published once when the same bytes arrive twice at the same time: the second push waits for the first
 * and answers {@code alreadyIngested} once the first has published every paper. A claim is a lease, renewed while its
 * push works: a push that died (kill, OOM, rebalance) stops renewing, and once the lease lapsed the next push of the
 * bytes takes the page over and publishes it all. Papers are published before the record is marked accepted, so a
 * failure in between means a re-push publishes them again (same keys, harmless) rather than never.
 */
@ApplicationScoped
public class DigestIngestor {
    private static final Logger LOG = Logger.getLogger(DigestIngestor.class);
    /** Waits between two looks at a page another push holds; the longest is well inside a lease. */
    private static final Duration BUSY_FIRST_WAIT = Duration.ofMillis(100);
    private static final Duration BUSY_LONGEST_WAIT = Duration.ofSeconds(1);

    @Inject
    DigestParser parser;

    @Inject
    PaperPublisher publisher;

    @Inject
    DigestRepository digests;

    @Inject
    IngestConfig config;

    /**
     * A page already recorded as accepted is answered from its record: nothing is published again. A page another push
     * holds is waited for, for about a lease: it gets accepted, or its lease lapses and this push takes it over. Past
     * that wait (the holder is alive but slow), the call fails with {@link PageBusyException}. What is wrong with the
     * request itself (size, media type, date) is refused first, whether the bytes are known or not. Every refusal fails
     * with {@link PageRefusedException}; anything else is an outage.
     */
    public Uni<IngestOutcome> ingest(IncomingPage page) {
        // one token per call: the Kafka path's retry of the returned Uni takes back a claim its own failed try left
        String token = UUID.randomUUID().toString();
        return Uni.createFrom().item(() -> check(page))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()) // hashing megabytes is no work for an event loop
                .flatMap(checked -> Uni.createFrom().deferred(() -> claimOrAnswer(page, checked, token))
                        .onFailure(PageBusyException.class).retry().withBackOff(BUSY_FIRST_WAIT, BUSY_LONGEST_WAIT)
                        .expireIn(config.claimLease().plus(BUSY_LONGEST_WAIT).toMillis())
                        .onFailure(DigestIngestor::waitedInVain).transform(Throwable::getCause));
    }

    /** Mutiny ends a retry that ran out of time with its own exception, the last failure as its cause. */
    private static boolean waitedInVain(Throwable failure) {
        return !(failure instanceof PageBusyException) && failure.getCause() instanceof PageBusyException;
    }

    /** Reads a recorded page again, with its original date, source and arrival, and publishes its papers again. */
    public Uni<IngestOutcome> replay(DigestRecord record) {
        IncomingPage page = new IncomingPage(record.raw, record.contentType, record.date, record.source, record.receivedAt);
        // the stored date is an ISO date or none, so reading it refuses nothing
        return read(page, dateHint(page), record.id)
                .call(digests::acceptReplayed)
                .map(accepted -> IngestOutcome.of(accepted, record.accepted()));
    }

    /**
     * Keeps a refused page as a rejected record with the reason, and answers its digest id; {@code null} when it is not
     * kept: a page over the size limit, or bytes accepted or being read (a wrong media type or date with a known page).
     */
    public Uni<String> recordRejection(IncomingPage page, PageRefusedException refused) {
        if (refused.digestId() == null) {
            return Uni.createFrom().nullItem();
        }
        DigestRecord record = record(page, refused.digestId());
        record.status = DigestRecord.Status.REJECTED;
        record.reason = refused.getMessage();
        record.date = isoDateOrNull(page.date());
        return digests.saveRejected(record).map(kept -> kept ? record.id : null);
    }

    private record CheckedPage(LocalDate dateHint, String digestId) {
    }

    private CheckedPage check(IncomingPage page) {
        if (page.body().length > config.maxBodyBytes()) {
            throw new PageRefusedException(null, RejectedPageException.tooLarge(page.body().length, config.maxBodyBytes()));
        }
        String digestId = DigestIds.of(page.body());
        try {
            PageFormat.declared(page.contentType());
            return new CheckedPage(dateHint(page), digestId);
        } catch (RejectedPageException refusal) {
            throw new PageRefusedException(digestId, refusal);
        }
    }

    private Uni<IngestOutcome> claimOrAnswer(IncomingPage page, CheckedPage checked, String token) {
        Instant now = Instant.now();
        return digests.claim(claim(page, checked.digestId(), token, now, now.plus(config.claimLease())), now)
                .flatMap(claimed -> claimed ? whileLeased(checked.digestId(), token, readClaimed(page, checked, token)) : answerKnown(checked.digestId()));
    }

    /** Renews the claim every third of a lease while {@code work} runs, so that it lapses only when this push is gone. */
    private <T> Uni<T> whileLeased(String digestId, String token, Uni<T> work) {
        return Uni.createFrom().deferred(() -> {
            Cancellable renewal = Multi.createFrom().ticks().every(config.claimLease().dividedBy(3))
                    .onItem().transformToUniAndConcatenate(tick -> digests.renew(digestId, token, Instant.now().plus(config.claimLease()))
                            .onFailure().recoverWithItem(true)) // a missed renewal is made up by the next one
                    .subscribe().with(held -> {
                        if (!held) {
                            LOG.warnf("the claim on digest %s lapsed while it was read; another push took it over", digestId);
                        }
                    });
            return work.onTermination().invoke(renewal::cancel);
        });
    }

    private Uni<IngestOutcome> readClaimed(IncomingPage page, CheckedPage checked, String token) {
        return read(page, checked.dateHint(), checked.digestId())
                .call(accepted -> digests.acceptClaimed(accepted, token).invoke(kept -> {
                    if (!kept) { // the papers are out all the same; the push that took over publishes them again
                        LOG.warnf("the claim on digest %s went stale while it was read; another push took it over", checked.digestId());
                    }
                }))
                .map(accepted -> IngestOutcome.of(accepted, false))
                .onFailure().call(failure -> digests.release(checked.digestId(), token)
                        .onFailure().invoke(e -> LOG.warnf("could not release the claim on digest %s; its lease lapses in %s: %s",
                                checked.digestId(), config.claimLease(), e.getMessage()))
                        .onFailure().recoverWithNull());
    }

    /** The page is taken: by an accepted record (the answer), or by a push still at it (come back later). */
    private Uni<IngestOutcome> answerKnown(String digestId) {
        return digests.findWithoutRaw(digestId).map(holder -> {
            if (holder == null || !holder.accepted()) {
                throw new PageBusyException(digestId);
            }
            return IngestOutcome.of(holder, true);
        });
    }

    /** Parses the page and publishes its papers, all or none; answers the accepted record to write. */
    private Uni<DigestRecord> read(IncomingPage page, LocalDate hint, String digestId) {
        return Uni.createFrom().item(() -> parser.parse(new PageInput(page.body(), page.contentType(), hint, page.receivedAt())))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()) // nor is reading them
                .call(parsed -> publisher.publish(papersOf(parsed, page, digestId)))
                .onFailure(RejectedPageException.class).transform(refusal -> new PageRefusedException(digestId, (RejectedPageException) refusal))
                .map(parsed -> accepted(digestId, parsed));
    }

    private static LocalDate dateHint(IncomingPage page) {
        if (page.date() == null || page.date().isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(page.date().strip());
        } catch (DateTimeParseException e) {
            throw new RejectedPageException(Kind.MALFORMED, "the digest date '" + page.date() + "' is not an ISO date (YYYY-MM-DD)");
        }
    }

    private static String isoDateOrNull(String date) {
        try {
            return date == null ? null : LocalDate.parse(date.strip()).toString();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static DigestRecord accepted(String digestId, ParsedPage parsed) {
        DigestRecord record = new DigestRecord();
        record.id = digestId;
        record.status = DigestRecord.Status.ACCEPTED;
        record.date = parsed.date().toString();
        record.format = parsed.format();
        record.paperIds = parsed.papers().stream().map(PaperEntry::id).toList();
        record.duplicatesInPage = parsed.duplicatesInPage();
        return record;
    }

    private static DigestRecord claim(IncomingPage page, String digestId, String token, Instant now, Instant leaseUntil) {
        DigestRecord record = record(page, digestId);
        record.status = DigestRecord.Status.INGESTING;
        record.claim = token;
        record.claimedAt = now;
        record.leaseUntil = leaseUntil;
        return record;
    }

    private static DigestRecord record(IncomingPage page, String digestId) {
        DigestRecord record = new DigestRecord();
        record.id = digestId;
        record.source = page.source();
        record.contentType = page.contentType();
        record.receivedAt = page.receivedAt();
        record.raw = page.body();
        return record;
    }

    private static List<ParsedPaper> papersOf(ParsedPage page, IncomingPage input, String digestId) {
        List<ParsedPaper> papers = new ArrayList<>(page.papers().size());
        for (int i = 0; i < page.papers().size(); i++) {
            PaperEntry e = page.papers().get(i);
            papers.add(new ParsedPaper(e.id(), e.title(), e.abstractText(), page.date(), digestId, input.source(), i, e.arxivId(),
                    input.receivedAt()));
        }
        return papers;
    }
}
