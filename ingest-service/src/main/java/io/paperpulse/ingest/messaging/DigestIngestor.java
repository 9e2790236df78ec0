package io.paperpulse.ingest.messaging;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.paperpulse.contracts.DigestIds;
import io.paperpulse.contracts.ParsedPaper;
import io.paperpulse.ingest.IngestConfig;
import io.paperpulse.ingest.parse.DigestParser;
import io.paperpulse.ingest.parse.PageFormat;
import io.paperpulse.ingest.parse.PageInput;
import io.paperpulse.ingest.parse.PaperEntry;
import io.paperpulse.ingest.parse.ParsedPage;
import io.paperpulse.ingest.parse.RejectedPageException;
import io.paperpulse.ingest.parse.RejectedPageException.Kind;
import io.paperpulse.ingest.store.DigestRecord;
import io.paperpulse.ingest.store.DigestRepository;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * The one path of a raw page, whichever way it came in: check it, and unless these bytes were ingested before, parse
 * it, publish its papers and record it. Papers are published before the record is written, so a failure in between
 * means a re-push publishes them again (same keys, harmless) rather than never.
 */
@ApplicationScoped
public class DigestIngestor {

    @Inject
    DigestParser parser;

    @Inject
    PaperPublisher publisher;

    @Inject
    DigestRepository digests;

    @Inject
    IngestConfig config;

    /**
     * A page already recorded is answered from its record: nothing is published again. What is wrong with the request
     * itself (size, media type, date) is refused first, whether the bytes are known or not.
     */
    public Uni<IngestOutcome> ingest(IncomingPage page) {
        return Uni.createFrom().item(() -> new CheckedPage(dateHint(checkRequest(page)), DigestIds.of(page.body())))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()) // hashing megabytes is no work for an event loop
                .flatMap(checked -> digests.findById(checked.digestId()).flatMap(known -> known != null && known.accepted()
                        ? Uni.createFrom().item(IngestOutcome.of(known, true))
                        : readAndPublish(page, checked.dateHint(), checked.digestId(), false)));
    }

    /** Reads a recorded page again, with its original date, source and arrival, and publishes its papers again. */
    public Uni<IngestOutcome> replay(DigestRecord record) {
        IncomingPage page = new IncomingPage(record.raw, record.contentType, record.date, record.source, record.receivedAt);
        return Uni.createFrom().item(() -> dateHint(page)).flatMap(hint -> readAndPublish(page, hint, record.id, record.accepted()));
    }

    /**
     * Keeps a refused page as a rejected record with the reason, and answers its digest id; {@code null} when it is not
     * kept: a page over the size limit, or bytes already ingested (a wrong media type or date with a known page).
     */
    public Uni<String> recordRejection(IncomingPage page, RejectedPageException refusal) {
        if (refusal.kind() == Kind.TOO_LARGE) {
            return Uni.createFrom().nullItem();
        }
        DigestRecord record = record(page, DigestIds.of(page.body()));
        record.status = DigestRecord.Status.REJECTED;
        record.reason = refusal.getMessage();
        record.date = isoDateOrNull(page.date());
        return digests.saveRejected(record).map(kept -> kept ? record.id : null);
    }

    private record CheckedPage(LocalDate dateHint, String digestId) {
    }

    private Uni<IngestOutcome> readAndPublish(IncomingPage page, LocalDate hint, String digestId, boolean alreadyIngested) {
        return Uni.createFrom().item(() -> parser.parse(new PageInput(page.body(), page.contentType(), hint, page.receivedAt())))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()) // nor is reading them
                .flatMap(parsed -> publisher.publish(papersOf(parsed, page, digestId)).replaceWith(parsed))
                .flatMap(parsed -> digests.saveAccepted(accepted(page, digestId, parsed)))
                .map(record -> IngestOutcome.of(record, alreadyIngested));
    }

    private IncomingPage checkRequest(IncomingPage page) {
        if (page.body().length > config.maxBodyBytes()) {
            throw RejectedPageException.tooLarge(page.body().length, config.maxBodyBytes());
        }
        PageFormat.declared(page.contentType());
        return page;
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

    private static DigestRecord accepted(IncomingPage page, String digestId, ParsedPage parsed) {
        DigestRecord record = record(page, digestId);
        record.status = DigestRecord.Status.ACCEPTED;
        record.date = parsed.date().toString();
        record.format = parsed.format();
        record.paperIds = parsed.papers().stream().map(PaperEntry::id).toList();
        record.duplicatesInPage = parsed.duplicatesInPage();
        return record;
    }

    private static DigestRecord record(IncomingPage page, String digestId) {
        DigestRecord record = new DigestRecord();
        record.id = digestId;
        record.checksum = digestId;
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
