package io.paperpulse.query.digest;

import static com.mongodb.client.model.Filters.in;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;

import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;

import io.quarkus.mongodb.FindOptions;
import io.smallrye.mutiny.Uni;

/** Reads of {@code digest_days}; each is a lookup by id or a pass over one small document per day. */
@ApplicationScoped
public class DigestDays {

    /** Days newest first, without their entities. */
    public Uni<List<DigestDayDocument>> page(int page, int size) {
        FindOptions options = new FindOptions().projection(Projections.include("papers", "sources"))
                .sort(Sorts.descending("_id")).skip(page * size).limit(size);
        return DigestDayDocument.<DigestDayDocument>mongoCollection().find(new Document(), options).collect().asList();
    }

    public Uni<Long> count() {
        return DigestDayDocument.count();
    }

    /** One day with its papers in page order, without its entities. */
    public Uni<DigestDayDocument> find(LocalDate date) {
        FindOptions options = new FindOptions().projection(Projections.include("papers", "sources", "paperIds"));
        return DigestDayDocument.<DigestDayDocument>mongoCollection().find(new Document("_id", date.toString()), options).collect().first();
    }

    /** Every stored day from {@code from} to {@code to}, inclusive: one lookup by id. */
    public Uni<List<DigestDayDocument>> between(LocalDate from, LocalDate to) {
        List<String> dates = from.datesUntil(to.plusDays(1)).map(LocalDate::toString).toList();
        return DigestDayDocument.<DigestDayDocument>mongoCollection().find(in("_id", dates)).collect().asList();
    }

    public Uni<Optional<LocalDate>> first() {
        return edge(Sorts.ascending("_id"));
    }

    public Uni<Optional<LocalDate>> last() {
        return edge(Sorts.descending("_id"));
    }

    private Uni<Optional<LocalDate>> edge(org.bson.conversions.Bson order) {
        FindOptions options = new FindOptions().projection(Projections.include("_id")).sort(order).limit(1);
        return DigestDayDocument.<DigestDayDocument>mongoCollection().find(new Document(), options).collect().first()
                .map(day -> Optional.ofNullable(day).map(d -> LocalDate.parse(d.date)));
    }
}
