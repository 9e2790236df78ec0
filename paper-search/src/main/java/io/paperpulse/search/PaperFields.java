package io.paperpulse.search;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;

import io.paperpulse.contracts.Entity;
import io.paperpulse.contracts.MergedPaper;
import io.paperpulse.contracts.MergedPaper.Sighting;

/**
 * The search index's schema: how a merged paper becomes a Lucene document. Text fields are analysed by
 * {@link FoldingAnalyzer}; filters are exact terms; sorting, facets, digests and trending read doc values; the paper
 * itself is stored as its changelog JSON, so a page of results never touches the store.
 */
public final class PaperFields {
    public static final String ID = "id";
    public static final String REV = "rev";
    public static final String TITLE = "title";
    public static final String ENTITIES = "entities";
    public static final String ABSTRACT = "abstract";
    /** Terms "TYPE␟key" and "*␟key" (any type). */
    public static final String ENTITY = "entity";
    public static final String HAS_CODE = "hasCode";
    /** Digest dates as epoch days, for ranges. */
    public static final String DAY = "day";
    /** Digest dates as ISO terms, for one day. */
    public static final String DATE = "date";
    public static final String LAST_SEEN = "lastSeen";
    public static final String SORT_TITLE = "sortTitle";
    /** Doc values "TYPE␟key": one per entity a paper names. */
    public static final String ENTITY_KEYS = "entityKeys";
    /** Doc values "TYPE␟key␟form": one per surface form a paper uses. */
    public static final String ENTITY_FORMS = "entityForms";
    /** Doc values, ISO dates. */
    public static final String DATES = "dates";
    /** Doc values "date␟source␟position", position zero-padded so it sorts. */
    public static final String SIGHTINGS = "sightings";
    public static final String JSON = "json";

    public static final char SEPARATOR = '\u241f';
    public static final String ANY_TYPE = "*";
    /** Analysed text with offsets in the postings: highlights read them instead of analysing the text again. */
    private static final FieldType WITH_OFFSETS = withOffsets();
    /** Longest sort title and surface form kept in doc values (their limit is 32 KB). */
    private static final int MAX_VALUE_CHARS = 256;

    private PaperFields() {
    }

    public static String entityTerm(String type, String key) {
        return (type == null ? ANY_TYPE : type) + SEPARATOR + key;
    }

    /** A date as the epoch day the index stores; dates beyond what an int holds are held at its ends. */
    public static int day(LocalDate date) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, date.toEpochDay()));
    }

    public static Document document(MergedPaper paper, String json) {
        Document doc = new Document();
        doc.add(new StringField(ID, paper.id(), Field.Store.NO));
        doc.add(new SortedDocValuesField(ID, new BytesRef(paper.id())));
        doc.add(new NumericDocValuesField(REV, paper.rev()));
        addText(doc, TITLE, paper.title());
        addText(doc, ABSTRACT, paper.abstractText());
        addText(doc, ENTITIES, entityText(paper));
        Set<String> keys = new LinkedHashSet<>();
        for (Entity e : paper.entities()) {
            String key = SearchText.key(e.text());
            if (keys.add(entityTerm(e.type().name(), key))) {
                doc.add(new StringField(ENTITY, entityTerm(e.type().name(), key), Field.Store.NO));
                doc.add(new SortedSetDocValuesField(ENTITY_KEYS, new BytesRef(entityTerm(e.type().name(), key))));
            }
            if (keys.add(entityTerm(null, key))) {
                doc.add(new StringField(ENTITY, entityTerm(null, key), Field.Store.NO));
            }
            doc.add(new SortedSetDocValuesField(ENTITY_FORMS,
                    new BytesRef(entityTerm(e.type().name(), key) + SEPARATOR + cut(e.text()))));
        }
        doc.add(new StringField(HAS_CODE, Boolean.toString(paper.hasCode()), Field.Store.NO));
        for (LocalDate date : paper.digestDates()) {
            doc.add(new IntPoint(DAY, day(date)));
            doc.add(new StringField(DATE, date.toString(), Field.Store.NO));
            doc.add(new SortedSetDocValuesField(DATES, new BytesRef(date.toString())));
        }
        for (Sighting s : paper.sightings()) {
            doc.add(new SortedSetDocValuesField(SIGHTINGS, new BytesRef(sighting(s))));
        }
        doc.add(new NumericDocValuesField(LAST_SEEN, day(paper.lastSeen())));
        doc.add(new SortedDocValuesField(SORT_TITLE, new BytesRef(cut(SearchText.fold(paper.title() == null ? "" : paper.title()).strip()))));
        doc.add(new StoredField(JSON, new BytesRef(json.getBytes(StandardCharsets.UTF_8))));
        return doc;
    }

    /** Entity names as one text, so a query word may match any of them. */
    private static String entityText(MergedPaper paper) {
        return paper.entities().stream().map(Entity::text).distinct().collect(Collectors.joining(" \n "));
    }

    static String sighting(Sighting s) {
        return s.date().toString() + SEPARATOR + (s.source() == null ? "" : s.source()) + SEPARATOR + String.format("%08d", s.position());
    }

    private static void addText(Document doc, String field, String text) {
        if (text != null && !text.isEmpty()) {
            doc.add(new Field(field, text, WITH_OFFSETS));
        }
    }

    private static FieldType withOffsets() {
        FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }

    private static String cut(String value) {
        return value.length() <= MAX_VALUE_CHARS ? value : value.substring(0, MAX_VALUE_CHARS);
    }
}
