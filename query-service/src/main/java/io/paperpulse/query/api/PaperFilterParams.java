package io.paperpulse.query.api;

import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import io.paperpulse.contracts.EntityType;
import io.paperpulse.query.search.PaperFilter;
import io.paperpulse.query.search.PaperFilter.EntityCriterion;
import io.paperpulse.query.search.SearchQuery;
import io.paperpulse.query.search.SearchText;

/** The filters shared by GET /papers and its live stream. */
public class PaperFilterParams {
    @QueryParam("q")
    @Parameter(description = "Keywords over title, entity names and abstract, ranked by BM25 (title matches weigh most, "
            + "then entity names, then the abstract). Every word must match, ignoring case and accents; 'pre-trained' also "
            + "finds 'pretrained'. \"quoted words\" must stand together, word* matches every word it begins (2 letters at "
            + "least). At most 10 words, 200 characters.")
    String q;

    @QueryParam("model")
    @Parameter(description = "Only papers naming this model, any case (e.g. BERT).")
    String model;

    @QueryParam("dataset")
    @Parameter(description = "Only papers naming this dataset or benchmark, any case (e.g. ImageNet).")
    String dataset;

    @QueryParam("task")
    @Parameter(description = "Only papers naming this task, any case (e.g. question answering).")
    String task;

    @QueryParam("org")
    @Parameter(description = "Only papers naming this organisation, any case (e.g. OpenAI).")
    String org;

    @QueryParam("framework")
    @Parameter(description = "Only papers naming this framework or library, any case (e.g. PaddlePaddle).")
    String framework;

    @QueryParam("entity")
    @Parameter(description = "Only papers naming an entity of any type with this name, any case.")
    String entity;

    @QueryParam("hasCode")
    @Parameter(description = "true: only papers linking to a code repository (GitHub, GitLab, Bitbucket, Codeberg, Gitee, "
            + "SourceForge); false: only papers without.")
    String hasCode;

    @QueryParam("from")
    @Parameter(description = "Only papers listed in a digest on or after this date, YYYY-MM-DD.")
    String from;

    @QueryParam("to")
    @Parameter(description = "Only papers listed in a digest on or before this date, YYYY-MM-DD.")
    String to;

    PaperFilter toFilter() {
        List<EntityCriterion> entities = new ArrayList<>();
        addEntity(entities, "model", EntityType.MODEL, model);
        addEntity(entities, "dataset", EntityType.DATASET, dataset);
        addEntity(entities, "task", EntityType.TASK, task);
        addEntity(entities, "org", EntityType.ORG, org);
        addEntity(entities, "framework", EntityType.FRAMEWORK, framework);
        addEntity(entities, "entity", null, entity);
        var fromDate = Params.date("from", from);
        var toDate = Params.date("to", to);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            throw new BadParameterException("from", "must not be after 'to'");
        }
        return new PaperFilter(query(), List.copyOf(entities), Params.bool("hasCode", hasCode), fromDate, toDate);
    }

    private SearchQuery query() {
        String query = Params.text("q", q);
        if (query == null) {
            return SearchQuery.NONE;
        }
        try {
            return SearchQuery.parse(query);
        } catch (IllegalArgumentException e) {
            throw new BadParameterException("q", e.getMessage());
        }
    }

    private static void addEntity(List<EntityCriterion> entities, String param, EntityType type, String value) {
        String name = Params.text(param, value);
        if (name != null) {
            entities.add(new EntityCriterion(type == null ? null : type.name(), SearchText.key(name)));
        }
    }
}
