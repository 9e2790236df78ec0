package io.paperpulse.query.api;

import java.time.LocalDate;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.paperpulse.query.digest.DigestDays;
import io.paperpulse.query.index.PaperIndex;
import io.paperpulse.query.index.PerReaderCache;
import io.paperpulse.query.search.PaperSearch;
import io.paperpulse.query.search.PaperSort;
import io.paperpulse.search.PaperFilter;

/**
 * The pages of papers the gateway serves (lists, an entity's papers, a digest day), each rendered once per refreshed
 * view of the index and kept until the next refresh, as Solr's query result cache does: a popular page costs one
 * search and one rendering per refresh, not one per request. Reading, parsing and mapping a page's papers for every
 * request was most of what a busy gateway allocated, and so most of its collector pauses.
 */
@ApplicationScoped
class PaperPages {
    static final int CACHED_PAGES = 256;

    @Inject
    PaperIndex index;

    private final PerReaderCache<ListRequest, PageView<PaperView>> lists = new PerReaderCache<>(CACHED_PAGES);
    private final PerReaderCache<DayRequest, Optional<PageView<PaperView>>> days = new PerReaderCache<>(CACHED_PAGES);

    private record ListRequest(PaperFilter filter, PaperSort sort, int page, int size) {
    }

    private record DayRequest(LocalDate date, int page, int size) {
    }

    PageView<PaperView> list(PaperFilter filter, PaperSort sort, int page, int size) {
        return index.read(searcher -> lists.get(searcher, new ListRequest(filter, sort, page, size),
                () -> PaperView.page(PaperSearch.run(searcher, filter, sort, page, size), page, size, !filter.query().isEmpty())));
    }

    /** The day's papers in page order, or empty when no digest has that date. */
    Optional<PageView<PaperView>> day(LocalDate date, int page, int size) {
        return index.read(searcher -> days.get(searcher, new DayRequest(date, page, size), () -> DigestDays.papers(searcher, date, page, size)
                .map(day -> new PageView<>(day.papers().stream().map(PaperView::of).toList(), day.total(), page, size))));
    }
}
