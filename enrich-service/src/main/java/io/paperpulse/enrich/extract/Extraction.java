package io.paperpulse.enrich.extract;

import java.util.List;

import io.paperpulse.contracts.Entity;
import io.paperpulse.contracts.Metric;
import io.paperpulse.contracts.TextStats;

/** What the extractor found in one paper. */
public record Extraction(List<Entity> entities, List<String> links, List<Metric> metrics, TextStats stats) {
}
