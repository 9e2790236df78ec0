package io.paperpulse.query.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;

import java.util.Date;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import io.paperpulse.contracts.EnrichedPaper;
import io.paperpulse.contracts.ParsedPaper;
import io.smallrye.mutiny.Uni;

/**
 * Writes enriched papers into the read model. Idempotent and order-independent: digest dates merge as a set, first
 * and last seen only widen, and enrichment is replaced only by an equal or newer extractor version.
 */
@ApplicationScoped
public class PaperStore {

    public Uni<Void> upsert(EnrichedPaper enriched) {
        ParsedPaper paper = enriched.paper();
        String date = paper.digestDate().toString();
        Bson sighting = Updates.combine(
                Updates.addToSet("digestDates", date),
                Updates.min("firstSeen", date),
                Updates.max("lastSeen", date));
        Bson notNewer = and(eq("_id", paper.id()),
                or(exists("extractorVersion", false), lte("extractorVersion", enriched.extractorVersion())));
        Bson enrichment = Updates.combine(
                Updates.set("title", paper.title()),
                Updates.set("abstract", paper.abstractText()),
                Updates.set("arxivId", paper.arxivId()),
                Updates.set("links", enriched.links()),
                Updates.set("entities", enriched.entities().stream().map(e -> new Document("type", e.type().name())
                        .append("text", e.text()).append("field", e.field()).append("start", e.start()).append("end", e.end())).toList()),
                Updates.set("metrics", enriched.metrics().stream().map(m -> new Document("kind", m.kind())
                        .append("text", m.text()).append("value", m.value()).append("start", m.start()).append("end", m.end())).toList()),
                Updates.set("stats", new Document("words", enriched.stats().words())
                        .append("sentences", enriched.stats().sentences())
                        .append("readingMinutes", enriched.stats().readingMinutes())),
                Updates.set("extractorVersion", enriched.extractorVersion()),
                Updates.set("updatedAt", new Date()));
        var papers = PaperDocument.mongoCollection();
        return papers.updateOne(eq("_id", paper.id()), sighting, new UpdateOptions().upsert(true))
                .flatMap(ignored -> papers.updateOne(notNewer, enrichment))
                .replaceWithVoid();
    }

    public Uni<List<PaperDocument>> page(int page, int size) {
        return PaperDocument.<PaperDocument>findAll(io.quarkus.panache.common.Sort.descending("lastSeen").and("title"))
                .page(page, size).list();
    }

    public Uni<Long> count() {
        return PaperDocument.count();
    }

    public Uni<PaperDocument> find(String id) {
        return PaperDocument.findById(id);
    }
}
