package io.paperpulse.e2e;

import java.util.concurrent.TimeUnit;

import org.bson.Document;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/** What the store holds: the gateway's papers, and ingest's page records by status. */
record StoreRecords(long papers, long acceptedPages, long claimedPages) {

    static StoreRecords read(String uri) {
        MongoClientSettings settings = MongoClientSettings.builder().applyConnectionString(new ConnectionString(uri))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(10, TimeUnit.SECONDS)).build();
        try (MongoClient client = MongoClients.create(settings)) {
            var digests = client.getDatabase("ingest").getCollection("digests");
            return new StoreRecords(client.getDatabase("paperpulse").getCollection("papers").countDocuments(),
                    digests.countDocuments(new Document("status", "ACCEPTED")),
                    digests.countDocuments(new Document("status", "INGESTING")));
        }
    }
}
