package dev.practicetracker.evidence.client;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/** The practice-log-service, asked with the caller's own token about a log too new for the projection. */
@RegisterRestClient(configKey = "practice-log-service")
@Path("/practice-logs")
public interface PracticeLogsClient {

    @GET
    @Path("/{id}")
    Uni<PracticeLogView> get(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);
}
