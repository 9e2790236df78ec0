package io.paperpulse.enrich.extract;

import java.util.List;
import java.util.Map;

import io.paperpulse.contracts.Entity;
import io.paperpulse.contracts.EntityType;
import io.paperpulse.enrich.extract.entity.Gazetteer;

/** A small gazetteer of must-have names for the rule tests, independent of the curated lists. */
final class Seed {
    static final Gazetteer GAZETTEER = Gazetteer.of(Map.of(
            EntityType.MODEL, List.of("BERT", "GPT", "GPT-4", "RoBERTa", "ChatGPT", "ResNet", "ERNIE", "T5", "CLIP"),
            EntityType.DATASET, List.of("ImageNet", "CIFAR-10", "GLUE", "Wikipedia", "Google Books"),
            EntityType.TASK, List.of("# tasks", "named entity recognition", "text classification",
                    "question answering", "=NER", "sentiment analysis", "protein design"),
            EntityType.ORG, List.of("OpenAI", "Google", "Meta"),
            EntityType.FRAMEWORK, List.of("PyTorch", "PaddlePaddle", "Megatron-LM"),
            EntityType.METHOD, List.of("BM25", "t-SNE")));

    static final PaperExtractor EXTRACTOR = new PaperExtractor(GAZETTEER);

    private Seed() {
    }

    static List<Entity> entities(String title, String abstractText) {
        return EXTRACTOR.extract(title, abstractText).entities();
    }

    /** "TYPE:text" of every entity, in output order. */
    static List<String> names(String title, String abstractText) {
        return entities(title, abstractText).stream().map(e -> e.type() + ":" + e.text()).toList();
    }
}
