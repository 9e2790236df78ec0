package io.paperpulse.query.config;

import java.nio.file.Path;
import java.time.Duration;

import io.smallrye.config.ConfigMapping;

/** Settings of the gateway: {@code paperpulse.query.*} in application.properties, where each has its env-var override. */
@ConfigMapping(prefix = "paperpulse.query")
public interface QueryConfig {

    Writes writes();

    Index index();

    Stream stream();

    interface Writes {
        /** First wait before a failed poll's write is tried again; each further wait doubles, up to {@link #retryMaxBackoff()}. */
        Duration retryBackoff();

        Duration retryMaxBackoff();
    }

    interface Index {
        /** Where this replica keeps its search index; an empty folder is rebuilt from the changelog's start. */
        Path directory();

        /** How often the index is committed with its changelog position: what a restart replays at most. */
        Duration commitInterval();

        /** Most changelog records read in one poll. */
        int maxPollRecords();

        /**
         * Longest wait, while changes keep coming, before searches and the live stream see them; an idle follower
         * shows what it applied at once.
         */
        Duration refreshInterval();
    }

    interface Stream {
        /** Interval of SSE comment lines that keep idle connections (and proxies) open. */
        Duration heartbeat();

        /** Index refreshes one slow SSE client may fall behind before its stream is closed (it reconnects and carries on). */
        int clientBuffer();

        /** Most live streams one replica serves at once; one more is refused with 503. */
        int maxClients();
    }
}
