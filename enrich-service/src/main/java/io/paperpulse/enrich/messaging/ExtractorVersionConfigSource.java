package io.paperpulse.enrich.messaging;

import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.paperpulse.enrich.extract.PaperExtractor;

/**
 * Names the consumer group of {@code papers.parsed} by the extractor version: {@code enrich-v<VERSION>}. A new
 * version (a changed gazetteer or rule bumps {@link PaperExtractor#VERSION}) therefore starts in a group with no
 * committed offset and, with {@code auto.offset.reset=earliest}, re-reads the compacted topic from its start: every
 * paper is enriched again and query-service keeps the newer version. Ordinal 200, below application.properties (250)
 * and the environment (300): {@code MP_MESSAGING_INCOMING_PAPERS_PARSED_GROUP_ID=enrich-v2-rerun} forces a replay
 * without a version change.
 */
public class ExtractorVersionConfigSource implements ConfigSource {
    public static final String GROUP_ID = "mp.messaging.incoming.papers-parsed.group.id";
    public static final String VERSION = "paperpulse.extractor.version";

    private static final Map<String, String> VALUES = Map.of(
            GROUP_ID, groupId(PaperExtractor.VERSION),
            VERSION, String.valueOf(PaperExtractor.VERSION));

    /** The consumer group that enriches with extractor version {@code version}. */
    public static String groupId(int version) {
        return "enrich-v" + version;
    }

    @Override
    public Set<String> getPropertyNames() {
        return VALUES.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return VALUES.get(propertyName);
    }

    @Override
    public Map<String, String> getProperties() {
        return VALUES;
    }

    @Override
    public String getName() {
        return "extractor-version";
    }

    @Override
    public int getOrdinal() {
        return 200;
    }
}
