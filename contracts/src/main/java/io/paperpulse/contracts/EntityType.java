package io.paperpulse.contracts;

public enum EntityType {
    MODEL, DATASET, TASK, ORG, FRAMEWORK, METHOD
}
