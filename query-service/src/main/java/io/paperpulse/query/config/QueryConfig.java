package io.paperpulse.query.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

/** Settings of the gateway: {@code paperpulse.query.*} in application.properties, where each has its env-var override. */
@ConfigMapping(prefix = "paperpulse.query")
public interface QueryConfig {

    /** How long digest days wait after a write before they are recomputed, so a burst of papers costs one refresh. */
    Duration digestRefreshDelay();

    Stream stream();

    interface Stream {
        /** Interval of SSE comment lines that keep idle connections (and proxies) open. */
        Duration heartbeat();

        /** First wait before the MongoDB change stream is reopened after a failure; doubles up to a minute. */
        Duration retryDelay();

        /** Events held for one slow SSE client before its stream is closed (it reconnects and carries on). */
        int clientBuffer();
    }
}
