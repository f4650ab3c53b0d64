package dev.practicetracker.platform.panache;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

/** The outbox's rows as entities. */
@ApplicationScoped
class OutboxRepository implements PanacheRepositoryBase<OutboxEvent, UUID> {
}
