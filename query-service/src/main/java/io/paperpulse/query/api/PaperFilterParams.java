package io.paperpulse.query.api;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import io.paperpulse.search.FilterParams;
import io.paperpulse.search.PaperFilter;

/** The filters shared by GET /papers and its live stream, as query parameters ({@link FilterParams} reads them). */
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
        return new FilterParams(q, model, dataset, task, org, framework, entity, hasCode, from, to).toFilter();
    }
}
