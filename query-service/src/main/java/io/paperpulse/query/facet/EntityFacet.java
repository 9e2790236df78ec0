package io.paperpulse.query.facet;

import java.util.List;

/**
 * An entity across all papers, its case variants grouped.
 *
 * @param type MODEL, DATASET, TASK, ORG, FRAMEWORK or METHOD
 * @param name the most common form (by papers using it)
 * @param papers papers naming it in any form
 * @param variants every form, most common first
 */
public record EntityFacet(String type, String name, long papers, List<String> variants) {
}
