package io.paperpulse.ingest.messaging;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.paperpulse.contracts.ParsedPaper;
import io.paperpulse.ingest.parse.DigestParser;
import io.paperpulse.ingest.parse.PageInput;
import io.paperpulse.ingest.parse.PaperEntry;
import io.paperpulse.ingest.parse.ParsedPage;
import io.smallrye.mutiny.Uni;

/** The one path of a raw page, whichever way it came in: parse, then publish its papers. */
@ApplicationScoped
public class DigestIngestor {

    @Inject
    DigestParser parser;

    @Inject
    PaperPublisher publisher;

    public Uni<IngestedDigest> ingest(PageInput input, String digestId, String source) {
        return Uni.createFrom().item(() -> parser.parse(input))
                .flatMap(page -> publisher.publish(papersOf(page, input, digestId, source))
                        .replaceWith(new IngestedDigest(digestId, page)));
    }

    private static List<ParsedPaper> papersOf(ParsedPage page, PageInput input, String digestId, String source) {
        List<ParsedPaper> papers = new ArrayList<>(page.papers().size());
        for (int i = 0; i < page.papers().size(); i++) {
            PaperEntry e = page.papers().get(i);
            papers.add(new ParsedPaper(e.id(), e.title(), e.abstractText(), page.date(), digestId, source, i, e.arxivId(),
                    input.receivedAt()));
        }
        return papers;
    }

    /** What became of a page. */
    public record IngestedDigest(String digestId, ParsedPage page) {
    }
}
