package io.paperpulse.enrich.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.paperpulse.contracts.EventJson;
import io.paperpulse.contracts.GoldenFixtures;
import io.paperpulse.contracts.ParsedPaper;
import io.paperpulse.testing.TestKafka;

/** Fresh parsed papers (the golden one under new ids) for the re-enrichment tests. */
final class ReenrichTestPapers {
    private ReenrichTestPapers() {
    }

    static List<ParsedPaper> fresh(int count) {
        ParsedPaper g = GoldenFixtures.parsedPaper();
        List<ParsedPaper> out = new ArrayList<>();
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < count; i++) {
            out.add(new ParsedPaper("reenrich-" + run + "-" + i, g.title(), g.abstractText(), g.digestDate(), g.digestId(),
                    g.source(), i, g.arxivId(), g.receivedAt()));
        }
        return out;
    }

    static void send(TestKafka kafka, List<ParsedPaper> papers) {
        for (ParsedPaper p : papers) {
            try {
                kafka.send("papers.parsed", p.id(), EventJson.mapper().writeValueAsString(p));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
