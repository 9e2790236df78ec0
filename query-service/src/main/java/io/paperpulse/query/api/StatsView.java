package io.paperpulse.query.api;

import java.util.Map;

/**
 * What the gateway holds.
 *
 * @param papers stored papers
 * @param digests digest days
 * @param entities distinct entities (case variants grouped) per type, every type listed
 * @param firstDigest earliest digest date, null when empty
 * @param lastDigest latest digest date, null when empty
 */
public record StatsView(long papers, long digests, Map<String, Long> entities, String firstDigest, String lastDigest) {
}
